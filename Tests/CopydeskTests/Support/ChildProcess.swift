import Foundation
import Testing

/// A real `copydesk` child process, its output captured in files.
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` is thread-safe for the calls made here.
    let process = Process()
    let name: String
    let stdoutPath: String
    let stderrPath: String

    /// The `copydesk` binary that `swift test` built beside the test bundle.
    static let executable: URL = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("copydesk") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// - Parameters:
    ///   - namespace: A network namespace to run in (through `ip netns exec`).
    ///   - environment: Variables to set on top of the test's own.
    ///   - executable: Another `copydesk` binary than ``executable`` (``ReleaseBuild/fresh``).
    init(_ name: String, _ arguments: [String], in directory: URL, stdin: FileHandle? = nil, namespace: String? = nil,
         environment: [String: String] = [:], executable: URL = ChildProcess.executable) throws {
        self.name = name
        stdoutPath = directory.appendingPathComponent("\(name).out").path
        stderrPath = directory.appendingPathComponent("\(name).err").path
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        if let namespace {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
            process.arguments = ["netns", "exec", namespace, executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        if let stdin { process.standardInput = stdin }
        try process.run()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit; SIGKILLs and fails the test after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(120)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                signal(SIGKILL)
                Issue.record("\(name) did not exit within \(timeout); stderr:\n\(stderr.suffix(2000))")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Waits until stdout contains `text` (a role announcing its endpoints).
    func waitForOutput(containing text: String, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !stdout.contains(text) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                Issue.record("\(name) never printed \(text); stderr:\n\(stderr.suffix(2000))")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    deinit {
        if process.isRunning { signal(SIGKILL) }
    }
}
