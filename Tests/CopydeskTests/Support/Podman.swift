import Foundation

/// podman and podman-compose for the container test, with a configuration of the test's own,
/// and what the test needs before it can run: a base image and a freshly built static binary.
enum Podman {
    /// Why the container test cannot run here, or `nil` when it can.
    static let unavailableReason: String? = {
        for tool in ["podman", "podman-compose"] where !TestTools.commandExists(tool) {
            return "\(tool) is not installed (.ci/run installs podman from Debian and podman-compose from PyPI)"
        }
        guard (try? runNow(["podman", "image", "exists", "debian:bookworm-slim"])) != nil else {
            return "no debian:bookworm-slim image (.ci/run makes one with debootstrap --variant=minbase and podman import)"
        }
        guard ReleaseBuild.built != nil else { return "no release binary: run `\(ReleaseBuild.command)` (.ci/run does)" }
        if let libraries = try? runNow(["ldd", ReleaseBuild.binary.path]), libraries.contains("libswiftCore") {
            return "the release binary links the Swift runtime dynamically: run `\(ReleaseBuild.command)`"
        }
        if ReleaseBuild.isStale {
            return "the release binary is older than Sources/: run `\(ReleaseBuild.command)`"
        }
        return nil
    }()

    /// A containers.conf that works where systemd is not PID 1 and the process limits are
    /// low: podman raises open files and processes to defaults of its own (1,048,576 files),
    /// and runc fails when they exceed the hard limits it runs under. On the VM this was made
    /// on, processes above 32,768 failed although the shell's hard limit was 96,363; a role
    /// needs a few dozen threads, so 4,096 is plenty.
    static func configuration(in workspace: Workspace) throws -> String {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let files = min(limit.rlim_max, 65_536)
        try workspace.write("containers.conf", """
            [containers]
            default_ulimits = ["nofile=\(files):\(files)", "nproc=4096:4096"]
            [engine]
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            runtime = "runc"

            """)
        return workspace.path("containers.conf")
    }

    /// Runs a podman or podman-compose command line; its output, or an error with it. Polls
    /// for the exit, so a long build or `compose up` holds no thread of Swift's pool.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let child = try Child(arguments, environment: environment)
        while true {
            if let status = child.exitStatus() { return try child.output(status) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The same, waiting in place: only for quick commands outside any test.
    static func runNow(_ arguments: [String]) throws -> String {
        let child = try Child(arguments, environment: [:])
        while true {
            if let status = child.exitStatus() { return try child.output(status) }
            usleep(10_000)
        }
    }

    /// A spawned command line, its output (stdout and stderr) in a file.
    ///
    /// Spawned and reaped here rather than with Foundation's `Process`, which learns of the
    /// exit when a descriptor it hands the child closes: conmon, which podman leaves running
    /// for each container, inherits that descriptor, so the exit of `podman-compose up` was
    /// never seen.
    private struct Child {
        let arguments: [String]
        let pid: pid_t
        let outputFile: URL

        init(_ arguments: [String], environment: [String: String]) throws {
            self.arguments = arguments
            outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("podman-\(UUID().uuidString).out")
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
            let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
            let envp = variables.map { strdup($0) } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
            guard spawned == 0 else { throw Failure(command: arguments.joined(separator: " "), output: String(cString: strerror(spawned))) }
            self.pid = pid
        }

        /// The wait status once it has exited, reaping it.
        func exitStatus() -> Int32? {
            var status: Int32 = 0
            return waitpid(pid, &status, WNOHANG) == pid ? status : nil
        }

        /// Its output when it exited normally with status 0; otherwise an error holding it.
        func output(_ status: Int32) throws -> String {
            defer { try? FileManager.default.removeItem(at: outputFile) }
            let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { throw Failure(command: arguments.joined(separator: " "), output: text) }
            return text
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed:\n\(output.suffix(3000))" }
    }
}
