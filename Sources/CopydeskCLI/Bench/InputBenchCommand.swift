import ArgumentParser
import Copydesk
import Foundation

/// `copydesk bench input FILE.jsonl`: how fast the ventilator turns JSON Lines into articles,
/// through its fast reader for flat objects (``ArticleJSON/parse(_:source:maximumBodyBytes:)``)
/// and through `JSONSerialization` alone, one thread, lines already in memory.
struct InputBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "input",
        abstract: "Reading JSON Lines articles: the fast reader against JSONSerialization, one thread."
    )

    @Argument(help: "A JSON Lines file of articles, such as ../shared/eval/bench_articles.jsonl.")
    var file: String

    @Option(help: "Rounds of each; the median is shown.")
    var rounds = 5

    mutating func validate() throws {
        guard rounds > 0 else { throw ValidationError("--rounds must be positive") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let lines = data.split(separator: UInt8(ascii: "\n")).map { [UInt8]($0) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw ValidationError("\(file) has no lines") }
        let bytes = lines.reduce(0) { $0 + $1.count }
        let limit = 1 << 30
        // Every line an article, so both readers do the whole work on each.
        for (n, line) in lines.enumerated() {
            if case .failure(let error) = ArticleJSON.parse(line, source: file, maximumBodyBytes: limit) {
                throw ValidationError("\(file), line \(n + 1): \(error)")
            }
        }
        typealias Reader = ([UInt8], String, Int) -> Result<ArticleRecord, ArticleJSONError>
        let readers: [(name: String, read: Reader)] = [
            ("fast reader", { ArticleJSON.parse($0, source: $1, maximumBodyBytes: $2) }),
            ("JSONSerialization", { ArticleJSON.parseWithFoundation($0, source: $1, maximumBodyBytes: $2) }),
        ]
        print("input bench: \(lines.count) lines, \(bytes / 1024) KB of \(file), \(rounds) rounds")
        var rates = [[Double]](repeating: [], count: readers.count)
        for round in 1...rounds {
            var line = "round \(round):"
            // Interleaved, so drift in the machine's load falls on both alike.
            for (n, reader) in readers.enumerated() {
                var read = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for bytes in lines {
                    if case .success = reader.read(bytes, file, limit) { read += 1 }
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                guard read == lines.count else { throw ValidationError("\(reader.name) read \(read) of \(lines.count) lines") }
                rates[n].append(Double(lines.count) / seconds)
                line += " \(reader.name) \(Int(Double(lines.count) / seconds)) lines/s (\(String(format: "%.0f", Double(bytes) / 1e6 / seconds)) MB/s);"
            }
            print(line)
        }
        let medians = rates.map { $0.sorted()[rounds / 2] }
        print("median: " + zip(readers, medians).map { "\($0.name) \(Int($1)) lines/s" }.joined(separator: ", ")
              + String(format: "; the fast reader is %.1f× JSONSerialization", medians[0] / medians[1]))
    }
}
