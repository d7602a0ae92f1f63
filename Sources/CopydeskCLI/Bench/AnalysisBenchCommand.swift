import ArgumentParser
import Foundation
import JSONOutput
import NewsAnalysis

/// `copydesk bench analysis FILE.jsonl`: one thread runs the analyzer over every
/// `{"id","text",...}` line for a few rounds and prints articles/s, MB/s and peak RSS, for
/// part 1's report alone and for the full report side by side in each round (the same load on
/// a shared machine hits both). With `--predictions` it writes each report as a JSON line (for
/// `score.py` and `rouge.py`); with `--train` it trains the entity tagger's weights from gold
/// files, optionally k-fold cross-validated.
struct AnalysisBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Analyzer throughput on a JSONL of articles; also writes predictions and trains the tagger."
    )

    @Argument(help: "JSONL of articles ({\"id\",\"text\",...}); gold files with --train.")
    var files: [String]

    @Option(help: "Rounds over the file.")
    var rounds = 3

    @Option(help: "Write one report per line here (one round, no timing). With --cross-validate: a directory.")
    var predictions: String?

    @Flag(help: "Train the entity tagger on the gold files instead of benchmarking.")
    var train = false

    @Option(help: "With --train: where to write the weights.")
    var weightsOut: String?

    @Option(help: "With --train: k-fold cross-validation; writes held-out predictions per file to --predictions.")
    var crossValidate: Int?

    @Option(help: "With --train: perceptron epochs.")
    var epochs = 8

    @Option(help: "With --train: the seed of the training order (the same seed and data give the same weights).")
    var seed: UInt64 = 42

    @Flag(help: "Part 1 only: skip the dates, amounts, keywords, summary, tone, topics and events passes.")
    var part1 = false

    @Option(help: "Sentences in the extractive summary.")
    var summarySentences = 3

    func run() throws {
        if train { return try runTraining() }
        guard let path = files.first else { throw ValidationError("give a JSONL file") }
        let articles = try Self.readArticles(path)
        let loadStart = Date()
        let full = try Analyzer().with(options: Analyzer.Options(summarySentences: summarySentences, meaning: !part1))
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let core = full.with(options: Analyzer.Options(summarySentences: summarySentences, meaning: false))
        if let out = predictions {
            try writePredictions(full, articles.map { ($0, $0.id ?? "") }, to: out)
            print("wrote \(articles.count) reports to \(out)")
            return
        }
        let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
        print("analysis bench: \(articles.count) articles, \(String(format: "%.2f", Double(bytes) / 1e6)) MB, analyzer loaded in \(String(format: "%.2f", loadSeconds)) s, RSS \(Self.rssMB(peak: false)) MB")
        var variants: [(name: String, analyzer: Analyzer)] = [("part 1", core)]
        if !part1 { variants.append(("full report", full)) }
        var rates = [[Double]](repeating: [], count: variants.count)
        var failures = 0
        var found = 0
        for round in 1...max(1, rounds) {
            var line = "round \(round):"
            for (v, variant) in variants.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                for a in articles {
                    do {
                        let r = try variant.analyzer.analyze(a)
                        found += r.entities.count + r.dates.count + r.events.count
                    } catch { failures += 1 }
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let rate = Double(articles.count) / seconds
                rates[v].append(rate)
                line += " \(variant.name) \(Int(rate)) articles/s (\(String(format: "%.1f", Double(bytes) / 1e6 / seconds)) MB/s);"
            }
            print(line)
        }
        let analysisPeak = Self.rssMB(peak: true)
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        var encoded = 0
        for a in articles {
            guard let report = try? full.analyze(a) else { continue }
            var json = JSONWriter(capacity: 32_768)
            report.write(to: &json)
            encoded += json.bytes.count
        }
        let withJSON = Double(articles.count) / (Double(DispatchTime.now().uptimeNanoseconds - encodeStart) / 1e9)
        for (v, variant) in variants.enumerated() {
            let median = rates[v].sorted()[rates[v].count / 2]
            print("median \(variant.name): \(Int(median)) articles/s (\(String(format: "%.1f", median * Double(bytes) / Double(articles.count) / 1e6)) MB/s)")
        }
        print(Self.passCosts(full, articles))
        print("\(variants.last!.name) written as JSON (as the pipeline writes it): \(Int(withJSON)) articles/s; report JSON \(encoded / max(1, articles.count)) bytes/article")
        print("errors: \(failures / max(1, rounds * variants.count)) per pass over the file; items found: \(found / max(1, rounds))")
        print("peak RSS: \(analysisPeak) MB analysing, \(Self.rssMB(peak: true)) MB with the report written as JSON")
    }

    // MARK: - Training

    private struct GoldLine: Decodable {
        struct Span: Decodable { var start: Int; var end: Int; var type: String }
        var id: String
        var text: String
        var entities: [Span]
    }

    private func runTraining() throws {
        let base = try Analyzer(tagger: .empty)
        var sets: [(name: String, docs: [GoldLine])] = []
        for path in files {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            let docs = try lines.map { try JSONDecoder().decode(GoldLine.self, from: Data($0.utf8)) }
            sets.append(((path as NSString).lastPathComponent, docs))
        }
        func example(_ g: GoldLine) -> TrainingExample {
            TrainingExample(text: g.text, entities: g.entities.compactMap { e in
                let kind: Entity.Kind? = switch e.type.uppercased() {
                case "PERSON", "PER": .person
                case "LOCATION", "LOC", "GPE", "PLACE": .place
                case "ORGANIZATION", "ORG": .organization
                default: nil
                }
                return kind.map { TrainingExample.Span(start: e.start, end: e.end, kind: $0) }
            })
        }
        if let k = crossValidate {
            guard k >= 2, let dir = predictions else { throw ValidationError("--cross-validate needs k >= 2 and --predictions DIR") }
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            // Fold of a document: its position in its file, modulo k, so every file is spread over all folds.
            var outputs: [[String]] = sets.map { Array(repeating: "", count: $0.docs.count) }
            for fold in 0..<k {
                var training: [TrainingExample] = []
                for s in sets { for (n, g) in s.docs.enumerated() where n % k != fold { training.append(example(g)) } }
                let model = base.trainTagger(on: training, epochs: epochs, seed: seed)
                let analyzer = base.with(tagger: model)
                for (si, s) in sets.enumerated() {
                    for (n, g) in s.docs.enumerated() where n % k == fold {
                        outputs[si][n] = try Self.reportLine(analyzer, Article(id: g.id, text: g.text), id: g.id)
                    }
                }
                print("fold \(fold + 1)/\(k): trained on \(training.count) documents")
            }
            for (si, s) in sets.enumerated() {
                let path = (dir as NSString).appendingPathComponent(s.name.replacingOccurrences(of: ".jsonl", with: ".pred.jsonl"))
                try (outputs[si].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
                print("held-out predictions: \(path)")
            }
        }
        if let out = weightsOut {
            let all = sets.flatMap { $0.docs.map(example) }
            let model = base.trainTagger(on: all, epochs: epochs, seed: seed)
            try Data(model.serialized()).write(to: URL(fileURLWithPath: out))
            print("trained on \(all.count) documents; weights written to \(out)")
        }
    }

    // MARK: - Helpers

    /// Each pass's share of one more round over the articles, timed pass by pass.
    static func passCosts(_ analyzer: Analyzer, _ articles: [Article]) -> String {
        var order: [String] = []
        var total: [String: Duration] = [:]
        for a in articles {
            guard let laps = try? analyzer.passTimes(a) else { continue }
            for lap in laps {
                if total[lap.pass] == nil { order.append(lap.pass) }
                total[lap.pass, default: .zero] += lap.time
            }
        }
        let all = total.values.reduce(Duration.zero, +)
        func micros(_ d: Duration) -> Double { Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12 }
        let parts = order.map { name in
            let t = total[name]!
            return "\(name) \(String(format: "%.0f", micros(t) / Double(max(1, articles.count)))) (\(String(format: "%.1f", 100 * micros(t) / max(1, micros(all))))%)"
        }
        return "pass costs, µs/article (share): " + parts.joined(separator: ", ")
    }

    private func writePredictions(_ analyzer: Analyzer, _ articles: [(Article, String)], to path: String) throws {
        var lines: [String] = []
        for (a, id) in articles { lines.append(try Self.reportLine(analyzer, a, id: id)) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func reportLine(_ analyzer: Analyzer, _ article: Article, id: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(try analyzer.analyze(article)), as: UTF8.self)
        } catch let error as AnalysisError {
            let obj = ["id": id, "error": error.description]
            return String(decoding: try encoder.encode(obj), as: UTF8.self)
        }
    }

    static func readArticles(_ path: String) throws -> [Article] {
        let data = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        return try data.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try decoder.decode(Article.self, from: Data($0.utf8))
        }
    }

    /// Resident set size from /proc (VmHWM is the peak); 0 where /proc is missing.
    static func rssMB(peak: Bool) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let key = peak ? "VmHWM:" : "VmRSS:"
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            let kb = Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "0") ?? 0
            return kb / 1024
        }
        return 0
    }
}
