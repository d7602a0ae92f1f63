import Foundation
import Testing
import ZeroMQ

/// Ventilator, sink and workers as separate processes over tcp loopback.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct MultiProcessTests {
    /// The ports and processes of one pipeline.
    struct Pipeline {
        let workspace: Workspace
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let results = "tcp://127.0.0.1:\(Workspace.freePort())"

        func sink() throws -> ChildProcess {
            try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks], in: workspace.url)
        }

        func worker(_ name: String, processor: String = "analysis", extra: [String] = []) throws -> ChildProcess {
            try ChildProcess(name, ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1", "--processor", processor] + extra, in: workspace.url)
        }

        func ventilator(_ inputs: [String], extra: [String] = []) throws -> ChildProcess {
            try ChildProcess("ventilator", ["ventilator"] + inputs + ["--tasks", tasks, "--sink", results, "--worker-timeout", "1", "--lease-timeout", "3"] + extra, in: workspace.url)
        }
    }

    @Test func threeRolesTakeSeedsAndTwoThousandArticlesExactlyOnce() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let workers = [try pipeline.worker("worker-1"), try pipeline.worker("worker-2")]
        let ventilator = try pipeline.ventilator([Workspace.seeds.path, "generated.jsonl"])
        #expect(try await ventilator.waitForExit() == 0)
        for process in workers + [sink] { process.signal(SIGTERM) }
        for process in workers + [sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let ids = try workspace.ids(in: "out.jsonl")
        let seedCount = try FileManager.default.contentsOfDirectory(atPath: Workspace.seeds.path).count
        #expect(ids.count == generated.count + seedCount)
        #expect(Set(ids).count == ids.count, "an id was written twice")
        #expect(Set(generated).isSubset(of: Set(ids)))
        // Both workers did some of the work.
        for worker in workers { #expect(worker.stderr.contains("worker ready")) }
    }

    @Test func aWorkerKilledMidRunLosesNothing() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let doomed = try pipeline.worker("doomed", processor: "slow")
        let survivor = try pipeline.worker("survivor", processor: "slow")
        let ventilator = try pipeline.ventilator(["generated.jsonl"])
        let runningAtKill = try await act(when: { workspace.lineCount("out.jsonl") >= 300 }) { () -> Bool in
            doomed.signal(SIGKILL)
            return ventilator.process.isRunning
        }
        #expect(runningAtKill, "the run ended before the kill; the test proves nothing")
        #expect(try await ventilator.waitForExit() == 0)
        for process in [survivor, sink] { process.signal(SIGTERM) }
        for process in [survivor, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
        #expect(ventilator.stderr.contains("worker lost"))
    }

    @Test func theSinkKilledAndRestartedWritesEachIdOnce() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let pipeline = Pipeline(workspace: workspace)
        let firstSink = try pipeline.sink()
        let workers = [try pipeline.worker("worker-1", processor: "slow"), try pipeline.worker("worker-2", processor: "slow")]
        // What the dead sink had received goes out again when the new one speaks, not at the
        // lease deadline: with a minute's lease the run still ends within seconds.
        let ventilator = try pipeline.ventilator(["generated.jsonl"], extra: ["--lease-timeout", "60"])
        let runningAtKill = try await act(when: { workspace.lineCount("out.jsonl") >= 300 }) { () -> Bool in
            firstSink.signal(SIGKILL)
            return ventilator.process.isRunning
        }
        _ = try await firstSink.waitForExit()
        #expect(runningAtKill, "the run ended before the kill; the test proves nothing")
        let secondSink = try pipeline.sink()
        // (When the dead sink had acknowledged all it took, nothing is handed out again.)
        #expect(try await ventilator.waitForExit(timeout: .seconds(40)) == 0)
        for process in workers + [secondSink] { process.signal(SIGTERM) }
        for process in workers + [secondSink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
    }

    /// One article takes four lease timeouts; the quick ones queued behind it on the worker's
    /// only thread wait as long. The worker's heartbeats name what it holds, so no lease lapses:
    /// nothing goes out twice and nothing is given up.
    @Test func aSlowArticleKeepsItsLeaseAndSoDoTheArticlesBehindIt() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 300)
        try workspace.write("slow.txt", "SLEEP-SECONDS 4 is how long this article takes to analyse.")
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let worker = try pipeline.worker("worker", processor: "slow")
        let started = ContinuousClock.now
        let ventilator = try pipeline.ventilator(["slow.txt", "generated.jsonl"], extra: ["--lease-timeout", "1", "--max-attempts", "2"])
        #expect(try await ventilator.waitForExit(timeout: .seconds(60)) == 0)
        let took = ContinuousClock.now - started
        for process in [worker, sink] { process.signal(SIGTERM) }
        for process in [worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let records = try workspace.records(in: "out.jsonl")
        #expect(records.count == generated.count + 1)
        let ids = records.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "an id was written twice")
        #expect(Set(generated).isSubset(of: Set(ids)))
        #expect(took >= .seconds(4), "the slow article was not slow; the test proves nothing")
        let redelivered = records.filter { ($0["attempt"] as? Int) != 1 }.compactMap { $0["id"] as? String }
        #expect(redelivered.isEmpty, "handed out again: \(redelivered.prefix(5)) (\(redelivered.count))")
        #expect((try? workspace.records(in: "out.dead-letters.jsonl"))?.isEmpty ?? true)
        #expect(ventilator.stderr.contains("redelivered=0 "), "articles were handed out again:\n\(ventilator.stderr.suffix(600))")
    }

    /// A worker told to stop while an article takes longer than its drain timeout leaves at the
    /// timeout, with status 0; the article goes to the next worker.
    @Test func aWorkerPastItsDrainTimeoutLeavesTheRestToOthers() async throws {
        let workspace = try Workspace()
        try workspace.write("slow.txt", "SLEEP-SECONDS 8 is how long this article takes to analyse.")
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let first = try pipeline.worker("worker-1", processor: "slow", extra: ["--drain-timeout", "0.5"])
        try await waitUntil(timeout: .seconds(20)) { first.stderr.contains("worker ready") }
        let ventilator = try pipeline.ventilator(["slow.txt"])
        try await Task.sleep(for: .seconds(1))  // the article is leased within milliseconds
        let stopping = ContinuousClock.now
        first.signal(SIGTERM)
        #expect(try await first.waitForExit(timeout: .seconds(10)) == 0)
        let stopTime = ContinuousClock.now - stopping
        // Finishing the article instead would take about 7 s more.
        #expect(stopTime < .seconds(5), "the worker took \(stopTime) to stop")
        #expect(first.stderr.contains("drain timeout"), "the worker had not taken the article; the test proves nothing:\n\(first.stderr)")
        let second = try pipeline.worker("worker-2", processor: "slow")
        #expect(try await ventilator.waitForExit(timeout: .seconds(30)) == 0)
        for process in [second, sink] { process.signal(SIGTERM) }
        for process in [second, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        #expect(try workspace.records(in: "out.jsonl").map { $0["attempt"] as? Int } == [2])
    }

    @Test func aPoisonArticleIsGivenUpAfterItsLastAttemptAndTheRestIsDone() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 50)
        try workspace.write("poison.txt", "POISON-PILL: every worker that takes this article dies.")
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let workers = try (1...3).map { try pipeline.worker("worker-\($0)", processor: "poison") }
        let ventilator = try pipeline.ventilator(["poison.txt", "generated.jsonl"], extra: ["--max-attempts", "2"])
        #expect(try await ventilator.waitForExit() == 0)
        for process in workers + [sink] { process.signal(SIGTERM) }
        for process in [sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        #expect(Set(try workspace.ids(in: "out.jsonl")) == Set(generated))
        let dead = try workspace.records(in: "out.dead-letters.jsonl")
        #expect(dead.count == 1)
        #expect(dead.first?["source"] as? String == "poison.txt")
        #expect((dead.first?["reason"] as? String)?.hasPrefix("gave up after 2 attempts") == true)
        #expect(workers.filter { !$0.process.isRunning && $0.process.terminationReason == .uncaughtSignal }.count == 2)
    }

    /// An endpoints file nobody could write is refused before the role binds anything.
    @Test func anEndpointsFileInNoDirectoryIsRefused() async throws {
        let workspace = try Workspace()
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", "tcp://127.0.0.1:*", "--endpoints-file", "missing/sink.json"], in: workspace.url)
        #expect(try await sink.waitForExit(timeout: .seconds(20)) != 0)
        #expect(sink.stderr.contains("--endpoints-file: no directory"), "\(sink.stderr)")
    }

    @Test func submittedArticlesComeOutLikeFileInputs() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 200)
        let pipeline = Pipeline(workspace: workspace)
        let sink = try pipeline.sink()
        let worker = try pipeline.worker("worker")
        let ventilator = try pipeline.ventilator([], extra: ["--intake", "tcp://127.0.0.1:*", "--endpoints-file", "ventilator.json"])
        let intake = try #require(try await workspace.boundEndpoints("ventilator.json", of: ventilator)["intake"])
        let submit = try ChildProcess("submit", ["submit", "generated.jsonl", Workspace.seeds.path, "--to", intake], in: workspace.url)
        #expect(try await submit.waitForExit() == 0)
        #expect(submit.stdout.contains("\(generated.count + 1) accepted (0 of them duplicates), 0 rejected"))
        try await waitUntil { workspace.lineCount("out.jsonl") >= generated.count + 1 }
        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count + 1)
        #expect(Set(generated).isSubset(of: Set(ids)))
    }
}

/// Waits on a thread of its own until `condition` holds, then does `action` at once. Not on
/// the cooperative pool: CPU-heavy suites may hold it, and a kill that comes late proves nothing.
/// Returns what `action` returns, also computed on that thread (a check made after the
/// `await` could come late the same way).
@discardableResult
func act<Result: Sendable>(when condition: @escaping @Sendable () -> Bool, timeout: Duration = .seconds(60), _ action: @escaping @Sendable () throws -> Result) async throws -> Result {
    let outcome = try await SocketThread.run(name: "test-trigger") { () -> Result? in
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return nil }
            usleep(5_000)
        }
        return try action()
    }
    guard let outcome else {
        Issue.record("condition not met within \(timeout)")
        throw CancellationError()
    }
    return outcome
}

/// Polls `condition` every 20 ms for up to a minute.
func waitUntil(timeout: Duration = .seconds(60), _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(timeout)")
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}
