import Copydesk
import Foundation
import Testing
import ZeroMQ

/// CURVE on every tcp endpoint: only clients with allowlisted keys get anything in or out.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: ZMQLibrary.has(.curve)))
struct SecurityTests {
    @Test func onlyAllowlistedClientsSubmitTakeTasksOrPushResults() async throws {
        let workspace = try Workspace()
        let keygen = try ChildProcess("keygen", ["keygen", "--dir", "curve"], in: workspace.url)
        #expect(try await keygen.waitForExit() == 0)
        // An intruder with its own key pair, and one who trusts the wrong server.
        #expect(try await ChildProcess("stranger", ["keygen", "--dir", "stranger"], in: workspace.url).waitForExit() == 0)
        try FileManager.default.removeItem(atPath: workspace.path("stranger/server.key"))
        try FileManager.default.copyItem(atPath: workspace.path("curve/server.key"), toPath: workspace.path("stranger/server.key"))
        #expect(try await ChildProcess("impostor", ["keygen", "--dir", "impostor"], in: workspace.url).waitForExit() == 0)
        try FileManager.default.removeItem(atPath: workspace.path("impostor/client.key_secret"))
        try FileManager.default.copyItem(atPath: workspace.path("curve/client.key_secret"), toPath: workspace.path("impostor/client.key_secret"))

        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let secure = ["--curve-dir", "curve"]
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks] + secure, in: workspace.url)
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake] + secure, in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")
        try await sink.waitForOutput(containing: "results=")

        try workspace.write("secret.jsonl", #"{"id":"s1","text":"TOPSECRETMARKER report from Oslo."}"# + "\n")
        func submit(_ name: String, _ extra: [String]) async throws -> ChildProcess {
            let process = try ChildProcess(name, ["submit", "secret.jsonl", "--to", intake, "--timeout", "2"] + extra, in: workspace.url)
            _ = try await process.waitForExit()
            return process
        }
        // Intruders get no answer at all.
        for (name, extra) in [("plain", [String]()), ("unknown-key", ["--curve-dir", "stranger"]), ("wrong-server", ["--curve-dir", "impostor"])] {
            let attempt = try await submit(name, extra)
            #expect(attempt.process.terminationStatus != 0, "\(name) got through")
            #expect(attempt.stderr.contains("no answer"), "\(name): \(attempt.stderr)")
        }
        // A plain-text worker gets no tasks; a plain-text pusher writes nothing.
        let intruders = try await SocketThread.run {
            let context = try Context()
            let dealer = try Socket(context, type: .dealer)
            try dealer.connect(tasks)
            let pusher = try Socket(context, type: .push)
            try pusher.connect(results)
            // A refused peer's sends may or may not be queued; what matters is that nothing arrives.
            _ = try pusher.send(WireMessage.results([ResultRecord(id: "intruder", attempt: 1, status: .ok, line: Array(#"{"id":"intruder"}"#.utf8))]).frames, wait: .timeout(.milliseconds(500)))
            _ = try dealer.send(WireMessage.credit(ventilator: "", received: 0, free: 100, holding: []).frames, wait: .timeout(.milliseconds(500)))
            return try dealer.receive(wait: .timeout(.seconds(2))) != nil
        }
        #expect(!intruders, "a plain-text worker was handed tasks")

        // The real thing works.
        let accepted = try await submit("allowed", secure)
        #expect(accepted.process.terminationStatus == 0)
        #expect(accepted.stdout.contains("1 accepted (0 of them duplicates), 0 rejected"))
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1"] + secure, in: workspace.url)
        try await waitUntil { workspace.lineCount("out.jsonl") >= 1 }
        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        #expect(try workspace.ids(in: "out.jsonl") == ["s1"])
        #expect(sink.stderr.contains("refused a client") || ventilator.stderr.contains("refused a client"))
    }

    @Test func aServerRoleWithCurveAndNoAllowlistRefusesToStart() async throws {
        let workspace = try Workspace()
        #expect(try await ChildProcess("keygen", ["keygen", "--dir", "curve"], in: workspace.url).waitForExit() == 0)
        try FileManager.default.removeItem(atPath: workspace.path("curve/allowed"))
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", "tcp://127.0.0.1:*", "--curve-dir", "curve"], in: workspace.url)
        #expect(try await sink.waitForExit() != 0)
        #expect(sink.stderr.contains("refusing to start"))
    }

    @Test func keysRoundTripThroughPyzmqCertificateFiles() throws {
        let workspace = try Workspace()
        let pair = try CurveKeyPair.generate()
        let paths = try CurveCertificate.write(pair, name: "node", directory: workspace.path("keys"))
        #expect(try CurveCertificate.load(paths.publicPath).publicKey == pair.publicKey)
        #expect(try CurveCertificate.load(paths.publicPath).secretKey == nil)
        #expect(try CurveCertificate.load(paths.secretPath).secretKey == pair.secretKey)
        let mode = try FileManager.default.attributesOfItem(atPath: paths.secretPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // pyzmq's own loader reads them (CI installs pyzmq; elsewhere this part is skipped).
        guard TestTools.hasPyzmq else { return }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sys, zmq.auth; p, s = zmq.auth.load_certificate(sys.argv[1]); print(p.decode(), s.decode())", paths.secretPath]
        let output = Pipe()
        python.standardOutput = output
        try python.run()
        python.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed == "\(pair.publicKey.z85) \(pair.secretKey.z85)\n")
    }
}
