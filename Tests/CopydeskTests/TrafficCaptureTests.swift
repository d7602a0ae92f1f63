import Foundation
import Testing

/// What crosses the wire: with CURVE on, a capture of the loopback traffic of a whole pipeline
/// holds no article text; without it (the control, proving the capture sees the traffic) it does.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: getuid() == 0, "capturing packets needs root"))
struct TrafficCaptureTests {
    static let marker = "PLAINTEXTMARKER7731"

    /// A raw packet socket on loopback (Python's standard library, root only), writing every
    /// frame it sees to `capture` until `stop` exists.
    static let capturer = """
        import os, socket, sys
        capture, stop, ready = sys.argv[1:4]
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(3))
        s.bind(("lo", 0))
        s.settimeout(0.1)
        open(ready, "w").close()
        with open(capture, "wb") as out:
            while not os.path.exists(stop):
                try:
                    out.write(s.recv(65536))
                except socket.timeout:
                    pass
        """

    func capture(curve: Bool) async throws -> Data {
        let workspace = try Workspace()
        if curve { #expect(try await ChildProcess("keygen", ["keygen", "--dir", "curve"], in: workspace.url).waitForExit() == 0) }
        let secure = curve ? ["--curve-dir", "curve"] : []
        let (tasks, results, intake) = ("tcp://127.0.0.1:\(Workspace.freePort())", "tcp://127.0.0.1:\(Workspace.freePort())", "tcp://127.0.0.1:\(Workspace.freePort())")

        try workspace.write("capture.py", Self.capturer)
        let capturer = Process()
        capturer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        capturer.arguments = ["python3", workspace.path("capture.py"), workspace.path("capture.bin"), workspace.path("stop"), workspace.path("ready")]
        try capturer.run()
        try await waitUntil { FileManager.default.fileExists(atPath: workspace.path("ready")) }

        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks] + secure, in: workspace.url)
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake] + secure, in: workspace.url)
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1"] + secure, in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")
        try workspace.write("secret.jsonl", #"{"id":"s1","text":"\#(Self.marker) said the minister in Oslo."}"# + "\n")
        #expect(try await ChildProcess("submit", ["submit", "secret.jsonl", "--to", intake] + secure, in: workspace.url).waitForExit() == 0)
        try await waitUntil { workspace.lineCount("out.jsonl") >= 1 }
        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { _ = try await process.waitForExit(timeout: .seconds(20)) }
        try workspace.write("stop", "")
        while capturer.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        // The report made it, so the text did cross the wire: in the task, and back in the report.
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: workspace.path("out.jsonl"))), as: UTF8.self).contains(Self.marker))
        return try Data(contentsOf: URL(fileURLWithPath: workspace.path("capture.bin")))
    }

    @Test func curveLeavesNoPlainTextOnTheWire() async throws {
        let plain = try await capture(curve: false)
        #expect(plain.range(of: Data(Self.marker.utf8)) != nil, "the control capture should show the text")
        let secured = try await capture(curve: true)
        #expect(secured.count > 10_000, "the capture saw the traffic (\(secured.count) bytes)")
        #expect(secured.range(of: Data(Self.marker.utf8)) == nil, "article text crossed the wire in the clear")
    }
}
