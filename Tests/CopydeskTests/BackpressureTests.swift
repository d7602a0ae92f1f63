import Foundation
import Testing

/// A submitter faster than the workers is slowed down, never dropped, and the ventilator's
/// memory stays bounded.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BackpressureTests {
    @Test func aFastSubmitterIsToldToWaitAndLosesNothing() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 600)
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks], in: workspace.url)
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake, "--intake-queue-limit", "50"], in: workspace.url)
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1", "--capacity", "8", "--processor", "slow"], in: workspace.url)
        try await ventilator.waitForOutput(containing: "intake=")

        let submit = try ChildProcess("submit", ["submit", "generated.jsonl", "--to", intake], in: workspace.url)
        #expect(try await submit.waitForExit() == 0)
        #expect(submit.stdout.contains("600 accepted (0 of them duplicates), 0 rejected"))
        #expect(submit.stdout.contains("busy answers retried"), "the submitter was never slowed: \(submit.stdout)")
        try await waitUntil { workspace.lineCount("out.jsonl") >= generated.count }
        let residentKB = Self.residentKilobytes(of: ventilator.process.processIdentifier)
        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
        #expect(residentKB > 0 && residentKB < 100_000, "ventilator resident memory \(residentKB) kB")
    }

    static func residentKilobytes(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
