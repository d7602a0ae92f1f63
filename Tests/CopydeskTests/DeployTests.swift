import Foundation
import Testing

/// Deploy/lint.py: YAML, Kubernetes schemas, `systemd-analyze verify`, the command lines the
/// deploy files run, the Dockerfile against Deploy/README.md, the libraries the binary loads
/// against the runtime image's packages, and Compose's volumes, stop order and published ports.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TestTools.canLintDeploy, "\(TestTools.skipReason)"))
struct DeployTests {
    static let deploy = PythonProcess.repository.appendingPathComponent("Deploy")

    /// Runs the lint script on `deploy` (a copy, or the real directory) and returns its exit status and output.
    func lint(deploy: URL = DeployTests.deploy, repository: URL = PythonProcess.repository) async throws -> (status: Int32, output: String) {
        try PythonProcess.requireModules(["yaml", "kubernetes_validate"])
        let workspace = try Workspace()
        let process = try PythonProcess("lint", [
            deploy.appendingPathComponent("lint.py").path,
            "--deploy", deploy.path, "--repository", repository.path,
            "--copydesk", ChildProcess.executable.path,
        ], in: workspace.url)
        let status = try await process.waitForExit(timeout: .seconds(90))
        return (status, process.stdout + process.stderr)
    }

    @Test func systemdAnalyzeIsInstalled() {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/systemd-analyze") }
        #expect(found, "systemd-analyze is not installed, so the systemd units cannot be verified: apt-get install systemd (.ci/run installs it)")
    }

    @Test func deployFilesPassTheLint() async throws {
        let (status, output) = try await lint()
        #expect(status == 0, "Deploy/lint.py failed:\n\(output.split(separator: "\n").filter { !$0.hasPrefix("ok ") }.joined(separator: "\n"))")
        // Each kind of check ran and passed something.
        for check in ["yaml:", "kubernetes:", "systemd:", "cli:", "dockerfile:"] {
            #expect(output.contains("ok   \(check)"), "no passing \(check) check in:\n\(output)")
        }
    }

    /// The same lint on a copy of Deploy/ with one mistake of each kind: every check must catch its own.
    @Test func theLintCatchesEachKindOfMistake() async throws {
        let workspace = try Workspace()
        let copy = workspace.url.appendingPathComponent("Deploy")
        try FileManager.default.copyItem(at: Self.deploy, to: copy)
        try FileManager.default.copyItem(at: PythonProcess.repository.appendingPathComponent("Package.swift"), to: workspace.url.appendingPathComponent("Package.swift"))
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = copy.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) no longer contains \(old); update this test")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        try workspace.write("Deploy/k8s/broken.yaml", "kind: [unclosed\n")
        try edit("k8s/worker.yaml", "replicas: 2", "replicas: two")
        try edit("k8s/sink.yaml", "terminationGracePeriodSeconds: 30", "terminationGracePeriod: 30")
        try edit("k8s/networkpolicy.yaml", "values: [worker, sink]", "values: [worker]")
        try edit("k8s/networkpolicy.yaml", "    - ports:\n        - {protocol: TCP, port: 5572}", "    - from: [{podSelector: {matchLabels: {app.kubernetes.io/component: worker}}}]\n      ports:\n        - {protocol: TCP, port: 5572}")
        try edit("systemd/copydesk-sink.service", "Restart=on-failure", "Restart=sometimes")
        try edit("compose.yaml", "command: [\"worker\"]", "command: [\"worker\", \"--thread\", \"2\"]")
        try edit("Dockerfile", "USER copydesk:copydesk", "USER root")
        try edit("Dockerfile", "RUN swift build -c release --product copydesk", "RUN swift build -c release -Xswiftc -g --product copydesk")
        try edit("Dockerfile", "libzmq5 libsqlite3-0", "libzmq5 curl")
        try edit("Dockerfile", "WORKDIR /var/lib/copydesk\n", "WORKDIR /var/lib/copydesk\nVOLUME /var/lib/copydesk\n")
        try edit("compose.yaml", "\"127.0.0.1:${COPYDESK_INTAKE_PORT:-5572}:5572\"", "\"5572:5572\"")
        try edit("compose.yaml", "    depends_on:\n      - sink\n", "")
        try edit("Dockerfile", "COPY Tests ./Tests\n", "")

        let (status, output) = try await lint(deploy: copy, repository: workspace.url)
        #expect(status == 1, "the lint passed a broken Deploy/:\n\(output)")
        for failure in [
            "FAIL yaml: k8s/broken.yaml does not parse",
            "FAIL kubernetes: k8s/worker.yaml: Deployment/copydesk-worker is not valid Kubernetes 1.30.0",
            "FAIL kubernetes: k8s/sink.yaml: StatefulSet/copydesk-sink is not valid Kubernetes 1.33.0",
            "FAIL kubernetes: port 5570 of the ventilator admits ['worker'], not ['sink', 'worker']",
            "FAIL kubernetes: the intake (5572) is not reachable for clients",
            "FAIL systemd: systemd-analyze verify copydesk-sink.service",
            "FAIL cli: compose.yaml service worker: unknown flag --thread",
            "FAIL dockerfile: the runtime stage runs as root",
            "FAIL dockerfile: the README never runs the Dockerfile's build command",
            "FAIL dockerfile: the README's runtime install lines",
            "FAIL dockerfile: the build stage lacks ['Tests']",
            "FAIL libraries: the binary loads libsqlite3.so.0 (libsqlite3-0), which the runtime stage does not install",
            "FAIL compose: the Dockerfile declares a VOLUME",
            "FAIL compose: service ventilator publishes 5572:5572 on every interface without CURVE",
            "FAIL compose: the ventilator does not depend on the sink",
        ] {
            #expect(output.contains(failure), "the lint did not report \"\(failure)\":\n\(output)")
        }
    }
}
