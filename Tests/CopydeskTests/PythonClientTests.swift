import Copydesk
import Foundation
import Testing

/// The pyzmq client in Deploy/clients/python against a real ventilator, worker and sink.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: TestTools.hasPyzmq, "\(TestTools.skipReason)"))
struct PythonClientTests {
    static let clients = PythonProcess.repository.appendingPathComponent("Deploy/clients/python")

    @Test func submitFeedsTheIntakeAndConsumeSeesEveryArticleOnce() async throws {
        try PythonProcess.requireModules(["zmq"])
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("feed.jsonl", count: 300)
        let text = "Talks in Oslo\n\nDiplomats met in Oslo on Tuesday. \"It was useful,\" said Minister Kari Example."
        try workspace.write("texts/one.txt", text)
        try workspace.write("texts/notes.md", "not an article: submit.py skips other extensions in directories")
        // Two requests the intake must reject: no body, and not JSON.
        try workspace.write("bad.jsonl", "{\"id\": \"no-body\", \"title\": \"nothing\"}\nthis is not JSON\n")
        // The id the protocol says an article without one gets: the Python client never sends it.
        let textID = ArticleID.derive(url: "", body: Array(text.utf8))
        let expected = Set(generated + [textID])

        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks], in: workspace.url)
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "2"], in: workspace.url)
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake, "--journal", "journal.sqlite", "--worker-timeout", "2"], in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")
        try await sink.waitForOutput(containing: "sink results=")

        // Follows the results file from before the first article until it has seen them all.
        let consume = try PythonProcess("consume", [Self.clients.appendingPathComponent("consume.py").path, "out.jsonl", "--count", "\(expected.count)", "--idle-timeout", "90"], in: workspace.url)
        let submit = try PythonProcess("submit", [Self.clients.appendingPathComponent("submit.py").path, "feed.jsonl", "texts", "bad.jsonl", "--to", intake, "--window", "32", "--replies", "replies.jsonl"], in: workspace.url)
        #expect(try await submit.waitForExit(timeout: .seconds(60)) == 2, "a rejection must make submit.py exit 2; stderr:\n\(submit.stderr)")
        #expect(submit.stdout.contains("\(expected.count) accepted (0 of them duplicates), 2 rejected by \(intake)"), "submit.py said: \(submit.stdout)")
        #expect(submit.stderr.contains("(bad.jsonl:1): the article has neither"), "stderr: \(submit.stderr)")
        #expect(submit.stderr.contains("(bad.jsonl:2)"), "stderr: \(submit.stderr)")

        // Every answer, in input order: the JSONL ids, then the text file's derived id.
        let replies = try workspace.records(in: "replies.jsonl")
        #expect(replies.count == expected.count + 2)
        let acceptedIDs = replies.filter { $0["status"] as? String == "accepted" }.compactMap { $0["id"] as? String }
        #expect(acceptedIDs == generated + [textID], "the intake's ids differ from the protocol's: \(acceptedIDs.suffix(3))")

        #expect(try await consume.waitForExit(timeout: .seconds(90)) == 0, "consume.py stderr:\n\(consume.stderr)\nventilator:\n\(ventilator.stderr.suffix(1500))")
        let lines = consume.stdout.split(separator: "\n", omittingEmptySubsequences: true)
        let consumed = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line.prefix(120))")
            #expect(object["source"] as? String == "intake")
            return try #require(object["id"] as? String)
        }
        #expect(consumed.count == expected.count)
        #expect(Set(consumed).count == consumed.count, "consume.py passed an id on twice")
        #expect(Set(consumed) == expected)

        // The same inputs again: every article is a duplicate, and nothing is processed twice.
        let again = try PythonProcess("submit-again", [Self.clients.appendingPathComponent("submit.py").path, "feed.jsonl", "texts", "--to", intake], in: workspace.url)
        #expect(try await again.waitForExit(timeout: .seconds(60)) == 0, "stderr:\n\(again.stderr)")
        #expect(again.stdout.contains("\(expected.count) accepted (\(expected.count) of them duplicates), 0 rejected"), "submit.py said: \(again.stdout)")

        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        let written = try workspace.ids(in: "out.jsonl")
        #expect(written.count == expected.count && Set(written) == expected, "out.jsonl holds \(written.count) lines")
        #expect(workspace.lineCount("out.errors.jsonl") == 0)
    }

    @Test func submitSpeaksCurveWithKeysFromKeygen() async throws {
        try PythonProcess.requireModules(["zmq", "zmq.auth"])
        let workspace = try Workspace()
        _ = try workspace.writeGeneratedArticles("feed.jsonl", count: 5)
        let keygen = try ChildProcess("keygen", ["keygen", "--dir", "curve"], in: workspace.url)
        #expect(try await keygen.waitForExit() == 0)
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", "tcp://127.0.0.1:\(Workspace.freePort())", "--intake", intake, "--journal", "none", "--curve-dir", "curve"], in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")
        let secure = try PythonProcess("submit-curve", [Self.clients.appendingPathComponent("submit.py").path, "feed.jsonl", "--to", intake, "--curve-dir", "curve"], in: workspace.url)
        #expect(try await secure.waitForExit(timeout: .seconds(30)) == 0, "stderr:\n\(secure.stderr)")
        #expect(secure.stdout.contains("5 accepted (0 of them duplicates), 0 rejected"), "submit.py said: \(secure.stdout)")
        // Plain text gets no answer from a CURVE intake.
        let plain = try PythonProcess("submit-plain", [Self.clients.appendingPathComponent("submit.py").path, "feed.jsonl", "--to", intake, "--timeout", "1"], in: workspace.url)
        #expect(try await plain.waitForExit(timeout: .seconds(30)) == 1)
        ventilator.signal(SIGTERM)
        _ = try await ventilator.waitForExit(timeout: .seconds(20))
    }

    @Test func submitFailsClearlyWithoutAnIntake() async throws {
        try PythonProcess.requireModules(["zmq"])
        let workspace = try Workspace()
        _ = try workspace.writeGeneratedArticles("feed.jsonl", count: 3)
        let nobody = "tcp://127.0.0.1:\(Workspace.freePort())"
        let submit = try PythonProcess("submit", [Self.clients.appendingPathComponent("submit.py").path, "feed.jsonl", "--to", nobody, "--timeout", "0.5"], in: workspace.url)
        #expect(try await submit.waitForExit(timeout: .seconds(20)) == 1)
        #expect(submit.stderr.contains("no answer from the intake within 0.5 s"), "stderr: \(submit.stderr)")
    }
}

/// A `python3` child process (found on PATH, like `.ci/run` finds it), output in files.
final class PythonProcess: @unchecked Sendable {
    // @unchecked: `process` is thread-safe for the calls made here.
    let process = Process()
    let name: String
    let stdoutPath: String
    let stderrPath: String

    /// The repository's root (this file is Tests/CopydeskTests/PythonClientTests.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter namespace: A network namespace to run in (through `ip netns exec`).
    init(_ name: String, _ arguments: [String], in directory: URL, namespace: String? = nil) throws {
        self.name = name
        stdoutPath = directory.appendingPathComponent("\(name).out").path
        stderrPath = directory.appendingPathComponent("\(name).err").path
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: namespace == nil ? "/usr/bin/env" : "/usr/sbin/ip")
        process.arguments = (namespace.map { ["netns", "exec", $0] } ?? []) + ["python3"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits for the exit; SIGKILLs and fails the test after `timeout`.
    @discardableResult
    func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("python3 \(name) did not exit within \(timeout); stderr:\n\(stderr.suffix(2000))")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Fails the test with the install command when python3 or a module is missing.
    static func requireModules(_ modules: [String]) throws {
        let directory = FileManager.default.temporaryDirectory
        let probe = try PythonProcess("python-probe-\(UUID().uuidString)", ["-c", modules.map { "import \($0)" }.joined(separator: "; ")], in: directory)
        probe.process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: probe.stdoutPath); try? FileManager.default.removeItem(atPath: probe.stderrPath) }
        guard probe.process.terminationStatus == 0 else {
            Issue.record("python3 with \(modules.joined(separator: ", ")) is needed: python3 -m pip install -r .ci/requirements.txt (.ci/run does). \(probe.stderr.suffix(300))")
            throw CancellationError()
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
