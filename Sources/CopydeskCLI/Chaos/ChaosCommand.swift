import ArgumentParser
import Copydesk
import Foundation
import ZeroMQ

/// `copydesk chaos`: the pipeline's promise under fire. Ventilator, sink and three workers run
/// as processes over tcp; articles are submitted over the intake; workers are SIGKILLed and
/// restarted every few seconds, the sink once and the ventilator once. At the end every
/// accepted id must be exactly once in the output or the dead-letter file, and nothing else.
struct ChaosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaos",
        abstract: "Kill workers, the sink and the ventilator mid-run; prove nothing is lost or written twice.",
        discussion: "Exits 0 when every accepted article is exactly once in the output or dead-letter file and nothing else is there; 1 otherwise. Keeps its files (logs, output, journal) in --dir."
    )

    @Option(help: "Articles to submit.")
    var articles = 20_000

    @Option(help: "Worker processes.")
    var workers = 3

    @Option(help: "Articles submitted per second, so the run lasts long enough for the kills.")
    var rate: Double = 2500

    @Option(help: "Seconds between worker kills.")
    var killEvery: Double = 1.5

    @Option(help: "Working directory (default: a new temporary one).")
    var dir: String?

    @Option(help: ArgumentHelp("What each article goes through.", visibility: .hidden))
    var processor: ProcessorChoice = .analysis

    @Option(help: "Give up after this many seconds.")
    var timeout: Double = 600

    func run() throws {
        let directory = dir ?? (FileManager.default.temporaryDirectory.path + "/copydesk-chaos-\(getpid())")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cluster = try ChaosCluster(directory: directory, processor: processor.rawValue)
        print("chaos in \(directory): \(articles) articles at \(Int(rate))/s, \(workers) workers, a worker killed every \(killEvery) s")

        try cluster.startSink()
        try cluster.startVentilator()
        for index in 0..<workers { try cluster.startWorker(index) }

        // Submit everything (retrying through the ventilator's own restart, should it come early).
        let ids = (0..<articles).map { "chaos-\($0)" }
        let rate = rate
        let submitted = Thread { try? cluster.submit(ids: ids, rate: rate) }
        submitted.start()

        let clock = ContinuousClock()
        let start = clock.now
        var nextWorkerKill = start + .milliseconds(Int(killEvery * 1000))
        var sinkKilled = false
        var ventilatorKilled = false
        while clock.now - start < .milliseconds(Int(timeout * 1000)) {
            Thread.sleep(forTimeInterval: 0.1)
            let done = cluster.finishedCount()
            if cluster.submissionFinished, done >= articles { break }
            let elapsed = clock.now - start
            if clock.now >= nextWorkerKill {
                try cluster.killAndRestartWorker(Int.random(in: 0..<workers))
                nextWorkerKill = clock.now + .milliseconds(Int(killEvery * 1000))
            }
            if !sinkKilled, elapsed >= .milliseconds(Int(killEvery * 1500)), done > articles / 10 {
                try cluster.killAndRestartSink()
                sinkKilled = true
            }
            if !ventilatorKilled, sinkKilled, elapsed >= .milliseconds(Int(killEvery * 2500)), done > articles / 4 {
                try cluster.killAndRestartVentilator()
                ventilatorKilled = true
            }
        }
        let seconds = (clock.now - start).seconds
        cluster.stopAll()

        let written = try cluster.idsIn("out.jsonl")
        let deadLettered = try cluster.idsIn("out.dead-letters.jsonl")
        let failed = try cluster.idsIn("out.errors.jsonl")
        let all = written + deadLettered + failed
        let expected = Set(ids)
        let counts = Dictionary(all.map { ($0, 1) }, uniquingKeysWith: +)
        let twice = counts.filter { $0.value > 1 }.count
        let strangers = Set(all).subtracting(expected).count
        let lost = expected.subtracting(all).count
        let redelivered = try cluster.redeliveredCount()
        print("""
            articles submitted:      \(articles) (accepted \(cluster.acceptedCount))
            written / failed / dead: \(written.count) / \(failed.count) / \(deadLettered.count)
            kills:                   \(cluster.kills["worker", default: 0]) workers, \(cluster.kills["sink", default: 0]) sink, \(cluster.kills["ventilator", default: 0]) ventilator
            redeliveries:            \(redelivered) reports written on attempt 2 or later
            duplicates suppressed:   \(cluster.duplicatesSuppressed()) (by the sinks)
            written twice:           \(twice)
            not submitted but found: \(strangers)
            lost:                    \(lost)
            time:                    \(Int(seconds)) s
            """)
        guard lost == 0, twice == 0, strangers == 0, cluster.acceptedCount == articles,
              sinkKilled, ventilatorKilled else {
            print("FAILED")
            throw ExitCode(1)
        }
        print("OK: every accepted article exactly once")
    }
}
