import ArgumentParser
import Foundation
import NewsAnalysis

/// `copydesk bench quotes FILE.jsonl`: the analyzer's quotes against a hand-checked set of
/// attributions (Sources/NewsAnalysis/Tools/attribution_dev.jsonl): direct quotes found and
/// with the right speaker, pronoun speakers right, reported speech found and how much of what
/// is reported as such is, and quoted titles or slogans given a speaker. The set names its
/// documents by file and id; their texts are read from `--texts`.
struct QuotesBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Quote and speaker figures against a hand-checked attribution set.",
        discussion: """
            Each line of FILE is {"file","id","kind","start","end","hash","speaker","speakerForm"[,"cue","via"]}: \
            kind is direct, indirect or mention; start and end are code points of the document's text (the words \
            without their quotation marks) and hash the FNV-1a of those words; speaker (and via) are lists of \
            [start, end] spans that name the speaker in the same text, cue one such span, so the set holds no text \
            of its own. \
            Every item of a document is annotated, so reported speech the analyzer finds and the set lacks counts \
            against precision.
            """
    )

    @Argument(help: "The attribution set, such as Sources/NewsAnalysis/Tools/attribution_dev.jsonl.")
    var file: String

    @Option(help: "The folder with the documents' files (gum_train.jsonl, bench_articles.jsonl).")
    var texts = "../shared/eval"

    @Flag(help: "Print each miss and each wrong speaker.")
    var errors = false

    private struct Gold: Decodable {
        var file: String
        var id: String
        var kind: String
        var start: Int
        var end: Int
        var hash: String
        /// Spans of the document that name the speaker ("Donald Trump", "Robert Lighthizer").
        var speaker: [[Int]]?
        var speakerForm: String?
    }

    private struct Source: Decodable {
        var id: String
        var text: String
        var title: String?
    }

    /// Counts of one figure: how many of `total` were right.
    private struct Tally {
        var right = 0
        var total = 0
        mutating func add(_ ok: Bool) { total += 1; if ok { right += 1 } }
        var percent: String { total == 0 ? "–" : String(format: "%.1f%% (%d of %d)", 100 * Double(right) / Double(total), right, total) }
    }

    func run() throws {
        let decoder = JSONDecoder()
        let gold = try lines(file).map { try decoder.decode(Gold.self, from: Data($0.utf8)) }
        var documents: [String: Source] = [:]
        for name in Set(gold.map(\.file)) {
            for line in try lines((texts as NSString).appendingPathComponent(name)) {
                let source = try decoder.decode(Source.self, from: Data(line.utf8))
                documents[name + "/" + source.id] = source
            }
        }
        let analyzer = try Analyzer()
        var found = Tally(), speakerRight = Tally(), pronounRight = Tally(), reportedFound = Tally(), reportedPrecision = Tally()
        var mentionsWithSpeaker = Tally(), unattributedGivenSpeaker = Tally()
        let byDocument = Dictionary(grouping: gold, by: { $0.file + "/" + $0.id })
        for key in byDocument.keys.sorted() {
            guard let source = documents[key] else { throw ValidationError("\(key): no such document in \(texts)") }
            let report = try analyzer.analyze(Article(id: source.id, text: source.text, title: source.title))
            let scalars = Array(source.text.unicodeScalars)
            var goldIndirect: [Range<Int>] = []
            for item in byDocument[key]! {
                let span = item.start..<item.end
                guard item.start >= 0, item.end <= scalars.count, item.start < item.end,
                      Analyzer.hash(String(String.UnicodeScalarView(scalars[span])).utf8) == item.hash else {
                    throw ValidationError("\(key): \(item.start)..<\(item.end) is not the annotated text (another version of the file?)")
                }
                let words = String(String.UnicodeScalarView(scalars[span]))
                let speaker = try item.speaker.map { spans in
                    try spans.map { pair in
                        guard pair.count == 2, pair[0] >= 0, pair[0] < pair[1], pair[1] <= scalars.count else {
                            throw ValidationError("\(key): speaker span \(pair) is not inside the document")
                        }
                        return String(String.UnicodeScalarView(scalars[pair[0]..<pair[1]]))
                    }.joined(separator: " ")
                }
                let overlapping = report.quotes.filter { $0.start < span.upperBound && span.lowerBound < $0.end }
                // The quote that is this one: the closest in extent (a quote inside a quote overlaps both).
                let quoted = overlapping.filter { $0.kind != .indirect }.max { closeness($0, span) < closeness($1, span) }
                switch item.kind {
                case "direct":
                    let quote = quoted
                    found.add(quote != nil)
                    if let expected = speaker {
                        let ok = quote.map { sameSpeaker($0.speaker?.name, expected) } ?? false
                        speakerRight.add(ok)
                        if item.speakerForm == "pronoun" { pronounRight.add(ok) }
                        if errors, !ok { print("  \(key) direct \"\(words.prefix(50))\": \(quote == nil ? "not found" : "speaker \(quote!.speaker?.name ?? "none")"), expected \(expected) (\(item.speakerForm ?? "?"))") }
                    } else if let quote {
                        unattributedGivenSpeaker.add(quote.speaker != nil)
                    }
                case "indirect":
                    goldIndirect.append(span)
                    let quote = overlapping.first { $0.kind == .indirect && overlap($0.start..<$0.end, span) }
                    reportedFound.add(quote != nil)
                    if item.speakerForm == "pronoun", let expected = speaker {
                        let ok = quote.map { sameSpeaker($0.speaker?.name, expected) } ?? false
                        pronounRight.add(ok)
                        if errors, !ok, let quote { print("  \(key) indirect \"\(words.prefix(50))\": speaker \(quote.speaker?.name ?? "none"), expected \(expected) (\(item.speakerForm ?? "?"))") }
                    }
                    if errors, quote == nil { print("  \(key) indirect not found: \"\(words.prefix(60))\"") }
                default:
                    let given = quoted?.speaker == nil ? nil : quoted
                    mentionsWithSpeaker.add(given != nil)
                    if errors, let given { print("  \(key) \(item.kind) \"\(words.prefix(50))\": speaker \(given.speaker!.name), expected none") }
                }
            }
            for quote in report.quotes where quote.kind == .indirect {
                let ok = goldIndirect.contains { overlap(quote.start..<quote.end, $0) }
                reportedPrecision.add(ok)
                if errors, !ok { print("  \(key) indirect not in the set: \"\(quote.text.prefix(60))\"") }
            }
        }
        print("quotes bench: \(gold.count) attributions in \(byDocument.count) documents of \(file)")
        print("direct quotes found                      \(found.percent)")
        print("  with the right speaker (of those with one) \(speakerRight.percent)")
        print("  pronoun speakers right (direct and reported) \(pronounRight.percent)")
        print("  unattributed quotes given a speaker      \(unattributedGivenSpeaker.percent)")
        print("reported speech found                    \(reportedFound.percent)")
        print("  precision of reported speech           \(reportedPrecision.percent)")
        print("titles, slogans and scare quotes given a speaker \(mentionsWithSpeaker.percent)")
    }

    private func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Shared code points over those of either: 1 for the same span.
    private func closeness(_ quote: Quote, _ span: Range<Int>) -> Double {
        let shared = min(quote.end, span.upperBound) - max(quote.start, span.lowerBound)
        return Double(shared) / Double(max(quote.end, span.upperBound) - min(quote.start, span.lowerBound))
    }

    /// Spans that share at least half of the shorter one.
    private func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let shared = min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
        return shared * 2 >= min(a.count, b.count)
    }

    /// The same speaker when a word of three letters or more (a surname, a head noun) is in both
    /// names, or, for a name of short words only ("Li Na"), when both have all of its words.
    private func sameSpeaker(_ predicted: String?, _ expected: String) -> Bool {
        guard let predicted else { return false }
        func words(_ s: String) -> [String] { s.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
        func long(_ s: String) -> Set<String> { Set(words(s).filter { $0.count >= 3 && !["the", "and", "for", "who"].contains($0) }) }
        let (p, e) = (long(predicted), long(expected))
        if p.isEmpty || e.isEmpty { return !words(expected).isEmpty && Set(words(expected)) == Set(words(predicted)) }
        return !p.isDisjoint(with: e)
    }
}
