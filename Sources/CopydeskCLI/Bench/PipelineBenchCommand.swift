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
        discussion: "Repeats the articles of FILE (JSON Lines with a \"text\" field) under fresh ids up to --articles, then measures: the analyzer alone on one thread and on two; `run --workers 1` and `--workers 2`; ventilator, sink and one worker as three processes over tcp; and the transport alone (a stage that does nothing) both ways."
    )

    @Argument(help: "JSON Lines of articles, e.g. ../shared/eval/bench_articles.jsonl.")
    var file: String

    @Option(help: "Articles per measurement.")
    var articles = 20_000

    @Option(help: "Articles of the transport-only measurement (3 KB each).")
    var transportArticles = 200_000

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

        // The bare analyzer, one thread.
        let analyzer = try Analyzer()
        let bare = try Self.measure(count: articles) {
            for index in 0..<articles { _ = try? analyzer.analyze(Article(text: texts[index % texts.count])) }
        }
        print(Self.row("analyzer alone, 1 thread", bare, base: nil))
        // The same on two threads sharing the analyzer: what two cores can give at best.
        let bareTwo = try Self.measure(count: articles) {
            let threads = (0..<2).map { part in
                SocketThread(name: "bare-\(part)") {
                    for index in stride(from: part, to: articles, by: 2) { _ = try? analyzer.analyze(Article(text: texts[index % texts.count])) }
                }
            }
            threads.forEach { $0.join() }
        }
        print(Self.row("analyzer alone, 2 threads", bareTwo, base: bare, workers: 2))

        let analysis = try ProcessorChoice.analysis.makeProcessor()
        // What a worker's analysis thread does per article, without the transport: checks,
        // analysis and the report line.
        let records = texts.enumerated().map { ArticleRecord(id: "bench-\($0.offset)", source: "bench", body: Array($0.element.utf8)) }
        let processed = try Self.measure(count: articles) {
            for index in 0..<articles { _ = analysis(records[index % records.count]) }
        }
        print(Self.row("analyzer + report line, 1 thread, no transport", processed, base: bare))
        for workers in [1, 2] {
            let rate = try Self.measure(count: articles) {
                _ = try EmbeddedPipeline(inputs: [corpus], outputPath: directory.appendingPathComponent("run-\(workers).jsonl").path, workers: workers)
                    .run(processor: analysis, stop: StopSignal(), logger: logger)
            }
            print(Self.row("run --workers \(workers)", rate, base: bare, workers: workers))
        }
        let tcp = Double(articles) / (try Self.runProcesses(input: corpus, output: directory.appendingPathComponent("tcp.jsonl").path, processor: "analysis", threads: 2)).seconds
        print(Self.row("3 processes over tcp, worker --threads 2", tcp, base: bare, workers: 2))

        let noop = try ProcessorChoice.noop.makeProcessor()
        let embeddedTransport = try Self.measure(count: transportArticles) {
            _ = try EmbeddedPipeline(inputs: [synthetic], outputPath: directory.appendingPathComponent("noop.jsonl").path, workers: 1)
                .run(processor: noop, stop: StopSignal(), logger: logger)
        }
        print(Self.row("transport alone, embedded (3 KB, no analysis)", embeddedTransport, base: nil))
        let tcpTransport = Double(transportArticles) / (try Self.runProcesses(input: synthetic, output: directory.appendingPathComponent("noop-tcp.jsonl").path, processor: "noop", threads: 1)).seconds
        print(Self.row("transport alone, 3 processes over tcp (3 KB)", tcpTransport, base: nil))
    }

    private static func row(_ name: String, _ rate: Double, base: Double?, workers: Int = 1) -> String {
        var text = String(format: "%-48@ %10.0f articles/s", name as NSString, rate)
        if let base {
            text += String(format: "   %.2f× the bare analyzer; per analysis thread %.1f%% of it", rate / base, rate / Double(workers) / base * 100)
        }
        return text
    }

    private static func measure(count: Int, _ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(count) / elapsed.seconds
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
