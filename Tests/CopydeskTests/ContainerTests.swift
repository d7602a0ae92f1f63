import Foundation
import Testing

/// Deploy/ for real: the runtime image built from Deploy/Dockerfile's runtime stage with the
/// freshly built binary, Deploy/compose.yaml started unchanged by podman-compose with two
/// workers, articles submitted from the host, a worker and the sink stopped and started again
/// mid-run, every id written exactly once, then an orderly `compose stop`.
@Suite(.serialized, .timeLimit(.minutes(6)), .enabled(if: Podman.unavailableReason == nil, "\(Podman.unavailableReason ?? "")"))
struct ContainerTests {
    static let deploy = PythonProcess.repository.appendingPathComponent("Deploy")
    /// The one line of the runtime stage that takes the build stage's output: the test copies
    /// the binary built on the host instead.
    static let buildOutputCopy = "COPY --from=build /out/opt/copydesk /opt/copydesk"

    @Test func composeRunsRidesOutRestartsAndStopsCleanly() async throws {
        let workspace = try Workspace()
        let environment = [
            "CONTAINERS_CONF": try Podman.configuration(in: workspace),
            "COPYDESK_IMAGE": "localhost/copydesk-test:latest",
            "COPYDESK_INTAKE_PORT": String(Workspace.freePort()),
        ]
        func podman(_ arguments: String...) throws -> String {
            try Podman.run(["podman"] + arguments, environment: environment)
        }
        func containers(of project: String) throws -> [String] {
            try podman("ps", "-a", "--filter", "label=io.podman.compose.project=\(project)", "--format", "{{.Names}}")
                .split(separator: "\n").map(String.init).sorted()
        }
        try buildImage(in: workspace, tag: environment["COPYDESK_IMAGE"]!, podman: podman)

        let project = "cdtest\(getpid())"
        func compose(_ arguments: String...) throws -> String {
            try Podman.run(["podman-compose", "-p", project, "-f", Self.deploy.appendingPathComponent("compose.yaml").path] + arguments, environment: environment)
        }
        // `down` knows one replica per service, so it cannot remove the second worker (nor,
        // while that runs, what it depends on): remove all the project made by its label.
        defer {
            for container in (try? containers(of: project)) ?? [] { _ = try? podman("rm", "-f", "-t", "2", container) }
            _ = try? podman("pod", "rm", "-f", "pod_\(project)")
            _ = try? podman("volume", "rm", "-f", "\(project)_output", "\(project)_journal")
            _ = try? podman("network", "rm", "-f", "\(project)_default")
        }
        _ = try compose("up", "-d", "--scale", "worker=2")
        let containers = try containers(of: project)
        #expect(containers == ["\(project)_sink_1", "\(project)_ventilator_1", "\(project)_worker_1", "\(project)_worker_2"])
        #expect(!(try podman("ps", "-a", "--filter", "label=io.podman.compose.project=\(project)", "--format", "{{.Mounts}}")).contains("anonymous"))
        let output = URL(fileURLWithPath: try podman("volume", "inspect", "--format", "{{.Mountpoint}}", "\(project)_output")
            .trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent("results.jsonl")
        func written() -> [String] {
            guard let data = FileManager.default.contents(atPath: output.path) else { return [] }
            return data.split(separator: 0x0A).compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])?["id"] as? String
            }
        }

        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let submit = try ChildProcess("submit", ["submit", Workspace.seeds.path, "generated.jsonl", "--to", "tcp://127.0.0.1:\(environment["COPYDESK_INTAKE_PORT"]!)", "--timeout", "120"], in: workspace.url)
        try await waitUntil(timeout: .seconds(120)) { written().count >= 200 }
        #expect(written().count < generated.count, "the run ended before the restarts; the test proves nothing")
        _ = try podman("stop", "-t", "10", "\(project)_worker_1")
        _ = try podman("stop", "-t", "10", "\(project)_sink_1")
        try await Task.sleep(for: .seconds(2))
        _ = try podman("start", "\(project)_sink_1")
        _ = try podman("start", "\(project)_worker_1")

        #expect(try await submit.waitForExit(timeout: .seconds(180)) == 0, "submit: \(submit.stdout.suffix(500))\(submit.stderr.suffix(1500))")
        let seedCount = try FileManager.default.contentsOfDirectory(atPath: Workspace.seeds.path).count
        try await waitUntil(timeout: .seconds(120)) { written().count >= generated.count + seedCount }
        let ids = written()
        #expect(ids.count == generated.count + seedCount)
        #expect(Set(ids).count == ids.count, "an id was written twice")
        #expect(Set(generated).isSubset(of: Set(ids)))

        // podman-compose stops the replicas it knows (one per service) all at once; the second
        // worker goes first, as workers do under Docker Compose's ordered stop.
        let stopping = ContinuousClock.now
        _ = try podman("stop", "-t", "60", "\(project)_worker_2")
        _ = try compose("stop")
        let stopTime = ContinuousClock.now - stopping
        for container in containers {
            let state = try podman("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", container).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(state == "exited 0", "\(container): \(state):\n\((try? podman("logs", "--tail", "20", container)) ?? "")")
        }
        func logs() -> String {
            containers.map { "\($0):\n" + ((try? podman("logs", "--tail", "12", $0)) ?? "") }.joined(separator: "\n")
        }
        #expect(stopTime < .seconds(30), "compose stop took \(stopTime):\n\(logs())")
        let ventilatorLog = try podman("logs", "\(project)_ventilator_1")
        let lost = ventilatorLog.split(separator: "\n").filter { $0.contains("worker lost") }
        #expect(lost.isEmpty, "a worker was declared lost (a stopped one drains first): \(lost)\n\(logs())")
        print("compose: 2 workers, \(ids.count) reports, a worker and the sink restarted mid-run; compose stop took \(stopTime)")
    }

    /// Builds Deploy/Dockerfile's runtime stage with the host's binary in place of the build stage's.
    private func buildImage(in workspace: Workspace, tag: String, podman: (String...) throws -> String) throws {
        let dockerfile = try String(contentsOf: Self.deploy.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let lines = dockerfile.split(separator: "\n", omittingEmptySubsequences: false)
        let runtimeStart = try #require(lines.lastIndex { $0.hasPrefix("FROM ") }, "Deploy/Dockerfile has no stage")
        let runtime = lines[runtimeStart...].joined(separator: "\n")
        #expect(runtime.components(separatedBy: Self.buildOutputCopy).count == 2,
                "the runtime stage must take the build output with exactly one `\(Self.buildOutputCopy)`: it is the one line this test replaces")
        try workspace.write("image/Dockerfile", runtime.replacingOccurrences(of: Self.buildOutputCopy, with: "COPY opt/copydesk /opt/copydesk"))
        let installed = workspace.url.appendingPathComponent("image/opt/copydesk")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Podman.releaseDirectory.path) where name == "copydesk" || name.hasSuffix(".resources") {
            try FileManager.default.copyItem(at: Podman.releaseDirectory.appendingPathComponent(name), to: installed.appendingPathComponent(name))
        }
        _ = try podman("build", "-q", "-t", tag, workspace.path("image"))
        // The image starts: the runtime packages hold every library the binary loads.
        #expect(try podman("run", "--rm", tag, "--help").contains("SUBCOMMANDS"))
    }
}
