import Copydesk
import Foundation
import Testing
import ZeroMQ

/// Ten thousand malformed messages of every kind at each role: every intake request is
/// answered with a rejection, nothing malformed reaches the output, and no process dies.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct MalformedMessageTests {
    /// Deterministic junk, so a failure can be replayed.
    struct Junk {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }

        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }

        /// A frame that is sometimes plausible and usually not.
        mutating func frame() -> [UInt8] {
            switch next() % 9 {
            case 0: []
            case 1: Array(WireMessage.version.utf8)
            case 2: Array(["CREDIT", "TASKS", "RESULTS", "ACKS", "BYE"][Int(next() % 5)].utf8)
            case 3: Array(String(Int64(bitPattern: next())).utf8)
            case 4: Array(#"{"id":"x","text":"#.utf8) + bytes(Int(next() % 20))
            case 5: Array("99999999999999999999999".utf8)
            case 6: [0xFF, 0xFE, 0x00]
            case 7:
                // Packed fields, their lengths right or wrong.
                (0..<Int(next() % 9)).flatMap { _ -> [UInt8] in
                    let field = bytes(Int(next() % 6))
                    let length = next() % 4 == 0 ? UInt32(truncatingIfNeeded: next()) : UInt32(field.count)
                    return [UInt8(length >> 24), UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)] + field
                }
            default: bytes(Int(next() % 64))
            }
        }

        /// A message of 0 to 12 frames, headed like a real one half of the time.
        mutating func message(version: String) -> [[UInt8]] {
            var frames = (0..<Int(next() % 12)).map { _ in frame() }
            if next() % 2 == 0 { frames.insert(Array(version.utf8), at: 0) }
            return frames.isEmpty ? [[]] : frames
        }
    }

    @Test func everyRoleSurvivesAFloodOfJunk() async throws {
        let workspace = try Workspace()
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let fakeVentilator = "tcp://127.0.0.1:\(Workspace.freePort())"
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks], in: workspace.url)
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake, "--journal", "none"], in: workspace.url)
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1"], in: workspace.url)
        // A worker whose "ventilator" is this test, to feed it junk tasks.
        let victim = try ChildProcess("victim", ["worker", "--ventilator", fakeVentilator, "--sink", results, "--threads", "1"], in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")
        try await sink.waitForOutput(containing: "results=")

        let count = 10_000
        let (rejected, answered) = try await SocketThread.run {
            let context = try Context()
            var junk = Junk()
            // The intake answers every request.
            let client = try Socket(context, type: .dealer)
            try client.connect(intake)
            var rejected = 0
            var answered = 0
            for index in 0..<count {
                var frames = junk.message(version: "copydesk-intake/1")
                if index % 3 == 0 { frames = [Array("copydesk-intake/1".utf8), junk.frame()] }
                try client.send(parts: [[]] + frames)
                if index % 100 == 99 {
                    while answered < index + 1, let reply = try client.receive(wait: .timeout(.seconds(10))) {
                        answered += 1
                        if reply.last?.string?.contains("\"rejected\"") == true { rejected += 1 }
                    }
                }
            }
            // Junk at the ventilator's task socket and the sink's results socket.
            let dealer = try Socket(context, type: .dealer)
            try dealer.connect(tasks)
            let pusher = try Socket(context, type: .push)
            try pusher.connect(results)
            for _ in 0..<count {
                #expect(try dealer.send(parts: junk.message(version: WireMessage.version), wait: .timeout(.seconds(5))))
                #expect(try pusher.send(parts: junk.message(version: WireMessage.version), wait: .timeout(.seconds(5))))
            }
            // Junk tasks at a real worker, then one good task it must still do.
            let router = try Socket(context, type: .router)
            _ = try router.bind(fakeVentilator)
            guard let hello = try router.receive(wait: .timeout(.seconds(20))) else { return (rejected, -1) }
            let peer = hello[0].bytes
            for _ in 0..<count {
                #expect(try router.send(parts: [peer] + junk.message(version: WireMessage.version), wait: .timeout(.seconds(5))))
            }
            let good = ArticleRecord(id: "survivor", source: "test", body: Array("The mayor of Oslo said the bridge opens on Monday.".utf8))
            try router.send([Frame(peer)] + WireMessage.tasks(ventilator: "fake", [good]).frames)
            // Keep the fake ventilator up until the good task's report is out (a closed socket drops its queue).
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, !((try? workspace.ids(in: "out.jsonl")) ?? []).contains("survivor") { usleep(20_000) }
            return (rejected, answered)
        }
        #expect(answered == count, "intake answers")
        #expect(rejected == count, "every junk request rejected")

        // Everyone is alive and still works.
        for process in [sink, ventilator, worker, victim] { #expect(process.process.isRunning, "\(process.name) died: \(process.stderr.suffix(500))") }
        try workspace.write("good.jsonl", #"{"id":"after","text":"Officials in Lima said talks went well."}"# + "\n")
        let submit = try ChildProcess("submit", ["submit", "good.jsonl", "--to", intake], in: workspace.url)
        #expect(try await submit.waitForExit() == 0)
        try await waitUntil { Set(try workspace.ids(in: "out.jsonl")).isSuperset(of: ["after", "survivor"]) }
        for process in [ventilator, worker, victim, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, victim, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        // Nothing but real reports reached the output.
        #expect(Set(try workspace.ids(in: "out.jsonl")) == ["after", "survivor"])
        #expect(sink.stderr.contains("ignored a malformed message"))
        #expect(victim.stderr.contains("ignored a malformed message"))
    }
}
