import Foundation
import Testing

/// Accepted means journaled: a ventilator killed mid-run loses nothing it accepted.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DurableIntakeTests {
    @Test func aKilledVentilatorRestartsWithEveryAcceptedArticle() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 1500)
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"
        let intake = "tcp://127.0.0.1:\(Workspace.freePort())"
        let ventilatorArguments = ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake, "--journal", "journal.sqlite", "--worker-timeout", "1", "--lease-timeout", "3"]
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks], in: workspace.url)
        let first = try ChildProcess("ventilator-1", ventilatorArguments, in: workspace.url)
        try await first.waitForOutput(containing: "intake=")

        // Everything is accepted before any worker starts, so however slowly a loaded test
        // runner submits, the kill below comes while most articles are still to do.
        let submit = try ChildProcess("submit", ["submit", "generated.jsonl", "--to", intake], in: workspace.url)
        #expect(try await submit.waitForExit() == 0)
        #expect(submit.stdout.contains("1500 accepted (0 of them duplicates)"))
        let workers = try (1...2).map { try ChildProcess("worker-\($0)", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1", "--processor", "slow"], in: workspace.url) }
        // Kill the ventilator as soon as some is written, from a thread of our own, so a busy
        // test runner cannot make the kill late.
        let writtenAtKill = try await act(when: { workspace.lineCount("out.jsonl") >= 100 }) { () -> Int in
            first.signal(SIGKILL)
            return workspace.lineCount("out.jsonl")
        }
        _ = try await first.waitForExit()
        #expect(writtenAtKill < generated.count, "the run ended before the kill; the test proves nothing")

        let second = try ChildProcess("ventilator-2", ventilatorArguments, in: workspace.url)
        try await second.waitForOutput(containing: "intake=")
        try await waitUntil(timeout: .seconds(120)) { Set(try workspace.ids(in: "out.jsonl")).count >= generated.count }

        // Submitting again changes nothing: every id is a duplicate.
        let again = try ChildProcess("submit-again", ["submit", "generated.jsonl", "--to", intake], in: workspace.url)
        #expect(try await again.waitForExit() == 0)
        #expect(again.stdout.contains("1500 accepted (1500 of them duplicates)"))

        for process in workers + [second, sink] { process.signal(SIGTERM) }
        for process in workers + [second, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count, "an id was written twice or lost")
        #expect(Set(ids) == Set(generated))
        #expect(second.stderr.contains("resuming accepted articles from the journal"))
    }
}
