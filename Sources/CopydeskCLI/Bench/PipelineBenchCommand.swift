import ArgumentParser
import Copydesk
import Foundation
import Logging
import NewsAnalysis
import ZeroMQ

/// `copydesk bench pipeline`: articles/s end to end, next to the bare analyzer, in one run.
struct PipelineBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Articles/s through the pipeline (embedded and as processes over tcp) beside the bare analyzer.",
        discussion: "Repeats the articles of FILE (JSON Lines with a \"text\" field) under fresh ids up to --articles, then measures, in interleaved rounds: the analyzer alone on one thread and on two; the analyzer with the report line written, as a worker thread does it; `run --workers 1` and `--workers 2`; ventilator, sink and one worker as three processes over tcp; and the transport alone (a stage that does nothing) both ways."
    )

    @Argument(help: "JSON Lines of articles, e.g. ../shared/eval/bench_articles.jsonl.")
    var file: String

    @Option(help: "Articles per measurement.")
    var articles = 20_000

    @Option(help: "Articles of the transport-only measurement (3 KB each).")
    var transportArticles = 200_000

    @Option(help: "Rounds; each row shows its median.")
    var rounds = 3

    func run() throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let corpus = directory.appendingPathComponent("articles.jsonl").path
        let texts = try Self.repeatArticles(from: file, count: articles, into: corpus)
        let synthetic = directory.appendingPathComponent("synthetic.jsonl").path
        try Self.writeSynthetic(count: transportArticles, bytes: 3072, into: synthetic)
        print("\(articles) articles from \(file) (\(texts.count) distinct, mean \(texts.map(\.utf8.count).reduce(0, +) / max(texts.count, 1)) bytes); \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let analyzer = try Analyzer()
        let analysis = try ProcessorChoice.analysis.makeProcessor()
        let noop = try ProcessorChoice.noop.makeProcessor()
        let records = texts.enumerated().map { ArticleRecord(id: "bench-\($0.offset)", source: "bench", body: Array($0.element.utf8)) }
        let clock = ContinuousClock()
        func embedded(_ input: String, _ processor: @escaping ArticleProcessor, workers: Int) throws -> Duration {
            // A fresh output each round: an existing one would be resumed, not written.
            let output = directory.appendingPathComponent("run-\(UUID().uuidString).jsonl").path
            return try clock.measure {
                _ = try EmbeddedPipeline(inputs: [input], outputPath: output, workers: workers).run(processor: processor, stop: StopSignal(), logger: logger)
            }
        }
        func processes(_ input: String, _ processor: String, threads: Int) throws -> Duration {
            try Self.runProcesses(input: input, output: directory.appendingPathComponent("tcp-\(UUID().uuidString).jsonl").path, processor: processor, threads: threads)
        }
        let measurements: [Measurement] = [
            Measurement(name: "analyzer alone, 1 thread", articles: articles, baseline: .bare, ratios: []) {
                clock.measure { for index in 0..<articles { _ = try? analyzer.analyze(Article(text: texts[index % texts.count])) } }
            },
            // Two threads sharing the analyzer: what two cores can give at best.
            Measurement(name: "analyzer alone, 2 threads", articles: articles) {
                clock.measure {
                    let threads = (0..<2).map { part in
                        SocketThread(name: "bare-\(part)") {
                            for index in stride(from: part, to: articles, by: 2) { _ = try? analyzer.analyze(Article(text: texts[index % texts.count])) }
                        }
                    }
                    threads.forEach { $0.join() }
                }
            },
            // What a worker's analysis thread does per article, without the transport: checks,
            // analysis and the report line.
            Measurement(name: "analyzer + report line, 1 thread, no transport", articles: articles) {
                clock.measure { for index in 0..<articles { _ = analysis(records[index % records.count]).result() } }
            },
            Measurement(name: "run --workers 1", articles: articles, baseline: .oneWorker) { try embedded(corpus, analysis, workers: 1) },
            Measurement(name: "run --workers 2", articles: articles, ratios: [.bare, .oneWorker]) { try embedded(corpus, analysis, workers: 2) },
            Measurement(name: "3 processes over tcp, worker --threads 2", articles: articles, ratios: [.bare, .oneWorker]) {
                try processes(corpus, "analysis", threads: 2)
            },
            Measurement(name: "transport alone, embedded (3 KB, no analysis)", articles: transportArticles, ratios: []) {
                try embedded(synthetic, noop, workers: 1)
            },
            Measurement(name: "transport alone, 3 processes over tcp (3 KB)", articles: transportArticles, ratios: []) {
                try processes(synthetic, "noop", threads: 1)
            },
        ]
        // Rounds interleaved, so drift on a shared machine touches every row alike; medians shown.
        var rates = Array(repeating: [Double](), count: measurements.count)
        for round in 1...max(1, rounds) {
            for (index, measurement) in measurements.enumerated() {
                rates[index].append(Double(measurement.articles) / (try measurement.run()).seconds)
            }
            FileHandle.standardError.write(Data("round \(round) of \(rounds) done\n".utf8))
        }
        let medians = rates.map { $0.sorted()[$0.count / 2] }
        var baselines: [Baseline: Double] = [:]
        for (index, measurement) in measurements.enumerated() {
            if let baseline = measurement.baseline { baselines[baseline] = medians[index] }
        }
        print("articles/s, median of \(rounds) interleaved rounds (each round's figure in brackets)")
        for (index, measurement) in measurements.enumerated() {
            let figures = rates[index].map { String(format: "%.0f", $0) }.joined(separator: " ")
            var line = measurement.name.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%8.0f", medians[index]) + "  [\(figures)]"
            let ratios = measurement.ratios.compactMap { baseline in
                baselines[baseline].map { String(format: "%.2f× %@", medians[index] / $0, baseline.rawValue) }
            }
            if !ratios.isEmpty { line += "   " + ratios.joined(separator: ", ") }
            print(line)
        }
    }

    /// A row other rows are compared with.
    private enum Baseline: String {
        case bare = "the bare analyzer"
        case oneWorker = "run --workers 1"
    }

    /// One row of the table: a run of `articles` articles, timed.
    private struct Measurement {
        var name: String
        var articles: Int
        /// The baseline this row is, if any.
        var baseline: Baseline?
        /// The baselines this row is shown against (none for the transport alone).
        var ratios: [Baseline] = [.bare]
        var run: () throws -> Duration
    }

    /// Writes `count` articles cycling through the file's texts, each under a fresh id.
    private static func repeatArticles(from path: String, count: Int, into output: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read") }
        let texts = data.split(separator: 0x0A).compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["text"] as? String
        }
        guard !texts.isEmpty else { throw ValidationError("\(path): no line has a \"text\"") }
        var lines = Data()
        for index in 0..<count {
            lines.append(try JSONSerialization.data(withJSONObject: ["id": "bench-\(index)", "text": texts[index % texts.count]]))
            lines.append(0x0A)
        }
        try lines.write(to: URL(fileURLWithPath: output))
        return texts
    }

    private static func writeSynthetic(count: Int, bytes: Int, into output: String) throws {
        let text = String(repeating: "The minister said the talks went well. ", count: bytes / 39 + 1).prefix(bytes)
        var lines = Data()
        for index in 0..<count {
            lines.append(Data("{\"id\":\"s-\(index)\",\"text\":\"\(text)\"}\n".utf8))
        }
        try lines.write(to: URL(fileURLWithPath: output))
    }

    /// Sink, one worker and a ventilator as child processes on free loopback ports. Returns the
    /// time from the ventilator's start to its exit, which it makes once the sink has every
    /// result on disk; sink and worker are services already running, so their start and stop
    /// are not counted.
    private static func runProcesses(input: String, output: String, processor: String, threads: Int) throws -> Duration {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let endpoints = try LoopbackPorts.endpoints(2)
        let (tasks, results) = (endpoints[0], endpoints[1])
        func start(_ arguments: [String]) throws -> Process {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + ["--log-level", "error"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        let sink = try start(["sink", "-o", output, "--results", results, "--ventilator", tasks])
        let worker = try start(["worker", "--ventilator", tasks, "--sink", results, "--threads", String(threads), "--processor", processor])
        // Time for the worker to load the analyzer, as a running service would have.
        Thread.sleep(forTimeInterval: 1)
        let clock = ContinuousClock()
        let began = clock.now
        let ventilator = try start(["ventilator", input, "--tasks", tasks, "--sink", results])
        ventilator.waitUntilExit()
        let elapsed = clock.now - began
        for process in [worker, sink] {
            process.terminate()
            process.waitUntilExit()
        }
        guard ventilator.terminationStatus == 0 else { throw ValidationError("the ventilator failed") }
        return elapsed
    }
}
