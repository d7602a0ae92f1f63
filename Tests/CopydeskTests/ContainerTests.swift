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
        let project = Project(name: "cdtest\(getpid())", environment: environment)
        try await buildImage(in: workspace, tag: environment["COPYDESK_IMAGE"]!, project: project)
        do {
            try await run(project, workspace: workspace)
        } catch {
            await project.remove()
            throw error
        }
        await project.remove()
    }

    private func run(_ project: Project, workspace: Workspace) async throws {
        let name = project.name
        _ = try await project.compose("up", "-d", "--scale", "worker=2")
        let containers = try await project.containers()
        #expect(containers == ["\(name)_sink_1", "\(name)_ventilator_1", "\(name)_worker_1", "\(name)_worker_2"])
        // Workers keep nothing: a VOLUME line in the image would mount an anonymous volume on each.
        for worker in ["\(name)_worker_1", "\(name)_worker_2"] {
            #expect(try await project.podman("inspect", "--format", "{{len .Mounts}}", worker).trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(worker) has volumes")
        }
        let output = URL(fileURLWithPath: try await project.podman("volume", "inspect", "--format", "{{.Mountpoint}}", "\(name)_output")
            .trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent("results.jsonl")
        @Sendable func lines() -> Int {
            (FileManager.default.contents(atPath: output.path) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        func written() -> [String] {
            guard let data = FileManager.default.contents(atPath: output.path) else { return [] }
            return data.split(separator: 0x0A).compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])?["id"] as? String
            }
        }

        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        // One request in flight: the run's pace is the intake's round trips, so it is still going
        // when the restarts come, however fast the machine or idle the workers (with 64 in
        // flight, a fast machine finished all 2,000 before the check once in the full suite).
        let submit = try ChildProcess("submit", ["submit", Workspace.seeds.path, "generated.jsonl", "--to", "tcp://127.0.0.1:\(project.environment["COPYDESK_INTAKE_PORT"]!)",
                                                 "--window", "1", "--timeout", "120"], in: workspace.url)
        // Counted on a thread of its own when the condition holds, so a busy suite cannot make the check late.
        let linesAtRestart = try await act(when: { lines() >= 200 }, timeout: .seconds(120)) { lines() }
        #expect(linesAtRestart < generated.count, "the run ended before the restarts; the test proves nothing")
        _ = try await project.podman("stop", "-t", "10", "\(name)_worker_1")
        _ = try await project.podman("stop", "-t", "10", "\(name)_sink_1")
        try await Task.sleep(for: .seconds(2))
        _ = try await project.podman("start", "\(name)_sink_1")
        _ = try await project.podman("start", "\(name)_worker_1")

        #expect(try await submit.waitForExit(timeout: .seconds(180)) == 0, "submit: \(submit.stdout.suffix(500))\(submit.stderr.suffix(1500))")
        let seedCount = try FileManager.default.contentsOfDirectory(atPath: Workspace.seeds.path).count
        try await waitUntil(timeout: .seconds(120)) { lines() >= generated.count + seedCount }
        let ids = written()
        #expect(ids.count == generated.count + seedCount)
        #expect(Set(ids).count == ids.count, "an id was written twice")
        #expect(Set(generated).isSubset(of: Set(ids)))

        // podman-compose stops the replicas it knows (one per service) all at once; the second
        // worker goes first, as workers do under Docker Compose's ordered stop.
        let stopping = ContinuousClock.now
        _ = try await project.podman("stop", "-t", "60", "\(name)_worker_2")
        _ = try await project.compose("stop")
        let stopTime = ContinuousClock.now - stopping
        var logs = ""
        for container in containers {
            let state = try await project.podman("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", container).trimmingCharacters(in: .whitespacesAndNewlines)
            let tail = (try? await project.podman("logs", "--tail", "12", container)) ?? ""
            logs += "\(container):\n\(tail)\n"
            #expect(state == "exited 0", "\(container): \(state):\n\(tail)")
        }
        #expect(stopTime < .seconds(30), "compose stop took \(stopTime):\n\(logs)")
        let ventilatorLog = try await project.podman("logs", "\(name)_ventilator_1")
        let lost = ventilatorLog.split(separator: "\n").filter { $0.contains("worker lost") }
        #expect(lost.isEmpty, "a worker was declared lost (a stopped one drains first): \(lost)\n\(logs)")
        print("compose: 2 workers, \(ids.count) reports, a worker and the sink restarted mid-run; compose stop took \(stopTime)")
    }

    /// One Compose project of the test: its podman and podman-compose commands, and its removal.
    private struct Project {
        let name: String
        let environment: [String: String]

        func podman(_ arguments: String...) async throws -> String {
            try await Podman.run(["podman"] + arguments, environment: environment)
        }

        func compose(_ arguments: String...) async throws -> String {
            try await Podman.run(["podman-compose", "-p", name, "-f", ContainerTests.deploy.appendingPathComponent("compose.yaml").path] + arguments, environment: environment)
        }

        func containers() async throws -> [String] {
            try await podman("ps", "-a", "--filter", "label=io.podman.compose.project=\(name)", "--format", "{{.Names}}")
                .split(separator: "\n").map(String.init).sorted()
        }

        /// `down` knows one replica per service, so it cannot remove the second worker (nor,
        /// while that runs, what it depends on): remove all the project made, by name and label.
        func remove() async {
            for container in (try? await containers()) ?? [] { _ = try? await podman("rm", "-f", "-t", "2", container) }
            _ = try? await podman("pod", "rm", "-f", "pod_\(name)")
            _ = try? await podman("volume", "rm", "-f", "\(name)_output", "\(name)_journal")
            _ = try? await podman("network", "rm", "-f", "\(name)_default")
        }
    }

    /// Builds Deploy/Dockerfile's runtime stage with the host's binary in place of the build stage's.
    private func buildImage(in workspace: Workspace, tag: String, project: Project) async throws {
        let dockerfile = try String(contentsOf: Self.deploy.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let lines = dockerfile.split(separator: "\n", omittingEmptySubsequences: false)
        let runtimeStart = try #require(lines.lastIndex { $0.hasPrefix("FROM ") }, "Deploy/Dockerfile has no stage")
        let runtime = lines[runtimeStart...].joined(separator: "\n")
        #expect(runtime.components(separatedBy: Self.buildOutputCopy).count == 2,
                "the runtime stage must take the build output with exactly one `\(Self.buildOutputCopy)`: it is the one line this test replaces")
        try workspace.write("image/Dockerfile", runtime.replacingOccurrences(of: Self.buildOutputCopy, with: "COPY opt/copydesk /opt/copydesk"))
        let installed = workspace.url.appendingPathComponent("image/opt/copydesk")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: ReleaseBuild.directory.path) where name == "copydesk" || name.hasSuffix(".resources") {
            try FileManager.default.copyItem(at: ReleaseBuild.directory.appendingPathComponent(name), to: installed.appendingPathComponent(name))
        }
        _ = try await project.podman("build", "-q", "-t", tag, workspace.path("image"))
        // The image starts: the runtime packages hold every library the binary loads.
        #expect(try await project.podman("run", "--rm", tag, "--help").contains("SUBCOMMANDS"))
    }
}
