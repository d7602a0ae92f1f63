import ArgumentParser
import Copydesk
import Foundation
import Logging
import Synchronization
import ZeroMQ

/// `copydesk run`: the whole pipeline in one process.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse articles with ventilator, workers and sink in one process.",
        discussion: """
            Reads .txt files, directories (recursively), .jsonl files (one {"id","text"|"html","url","title","published","meta"} object per line) and - for standard input, and writes one report per line to the output. Articles that fail go to the errors file with the reason. Running again with the same output skips what it already holds, so an interrupted run resumes. Ctrl-C drains what is in flight and exits; a second Ctrl-C quits at once.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The JSON Lines output.")
    var output: String

    @Option(help: "Failures, one JSON object per line (default: OUTPUT with .errors.jsonl).")
    var errors: String?

    @Option(help: "Analysis threads (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Articles longer than this many bytes become error records.")
    var maxArticleBytes: Int = Limits.defaultMaximumArticleBytes

    @Option(help: ArgumentHelp("What each article goes through.", visibility: .hidden))
    var processor: ProcessorChoice = .analysis

    @OptionGroup var logging: LoggingOptions

    mutating func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be at least 1") }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes must be positive") }
        try ArticleSource.validate(inputs)
    }

    func run() throws {
        let logger = try logging.bootstrap("copydesk.run", defaultLevel: .warning)
        var pipeline = EmbeddedPipeline(inputs: inputs, outputPath: output, workers: workers)
        if let errors { pipeline.errorsPath = errors }
        pipeline.maximumArticleBytes = maxArticleBytes
        let stop = StopSignal()
        let trap = SignalTrap(stop) { name in
            FileHandle.standardError.write(Data("\n\(name): finishing what is in flight (again to quit now)\n".utf8))
        }
        // Count the inputs beside the run, for the ETA.
        let total = Mutex<Int?>(nil)
        let progressLine = ProgressLine()
        if progressLine.enabled {
            let inputs = inputs
            Thread.detachNewThread { total.withLock { $0 = InputCounter.count(inputs) } }
        }
        let progress = try pipeline.run(processor: processor.makeProcessor(), stop: stop, logger: logger) { progress in
            progressLine.show(progress, total: total.withLock { $0 })
        }
        progressLine.finish()
        withExtendedLifetime(trap) {}
        var summary = "\(progress.written) written to \(output)"
        if progress.failed > 0 { summary += ", \(progress.failed) failed (see \(pipeline.errorsPath))" }
        if progress.deadLettered > 0 { summary += ", \(progress.deadLettered) dead-lettered (see \(pipeline.deadLetterPath))" }
        if progress.skipped + progress.duplicates > 0 { summary += ", \(progress.skipped + progress.duplicates) already done" }
        let seconds = progress.elapsed.seconds
        summary += String(format: " in %.2f s (%.0f articles/s)", seconds, Double(progress.done) / max(seconds, 0.001))
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if stop.isRequested, progress.inFlight > 0 || progress.queued > 0 || !progress.inputsExhausted {
            FileHandle.standardError.write(Data("interrupted: run the same command again to resume\n".utf8))
        }
    }
}
