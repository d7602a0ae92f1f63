import ArgumentParser
import Copydesk
import CopydeskReport
import Foundation

/// `copydesk report results.jsonl -o report.html`: the results as one page a person can read.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a results file as one self-contained HTML page.",
        discussion: """
            For each article (the first --limit of them), its text with people, places and organisations marked and labelled, quotes underlined with their speaker, copy-editing faults underlined in red, and beside it the summary, tone, topics, names, quotes and issues the report holds. Across all articles, however many: the top people, places and organisations and a world map of the places, dot area by mentions.

            The page has its CSS and script inline and loads nothing (no fonts, tiles or CDNs); open it from disk or mail it. The results file is read as a stream: memory holds the shown reports and one tally entry per distinct name.

            Reports do not carry the raw text; the page rebuilds it from what they do carry exactly (headline, dek, captions, body paragraphs at their offsets). Lines the analyzer set aside (a repeated caption, a credit line) are missing from that; give --articles the inputs the run read to show the exact text (articles whose text changed since, and HTML inputs, stay rebuilt).
            """
    )

    @Argument(help: "A results file written by run or sink (JSON Lines), or - for standard input.")
    var results: String

    @Option(name: .shortAndLong, help: "The HTML file to write, or - for standard output.")
    var output: String = "report.html"

    @Option(help: "Articles shown in full; all are counted in the overview.")
    var limit: Int = 200

    @Option(parsing: .upToNextOption, help: "The inputs the run read (files, directories, .jsonl), to show each article's exact text.")
    var articles: [String] = []

    @Option(help: ArgumentHelp("Longest input article looked at with --articles, in bytes.", visibility: .hidden))
    var maxArticleBytes: Int = Limits.defaultMaximumArticleBytes

    mutating func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        if results != "-", !FileManager.default.fileExists(atPath: results) {
            throw ValidationError("\(results): no such file")
        }
        try ArticleSource.validate(articles)
    }

    /// Report lines longer than this are skipped (a report of the largest article is far shorter).
    static let longestReportLine = 256 << 20

    func run() throws {
        var tally = ReportTally()
        var shown: [ReportRecord] = []
        let decoder = JSONDecoder()
        let lines = try LineReader(path: results, maximumLineBytes: Self.longestReportLine)
        while let line = try lines.next() {
            guard case .line(let bytes) = line else {
                tally.skip(reason: "a line over \(Self.longestReportLine >> 20) MB")
                continue
            }
            if LineReader.isBlank(bytes) { continue }
            do {
                let report = try decoder.decode(ReportRecord.self, from: Data(bytes))
                tally.add(report)
                if shown.count < limit { shown.append(report) }
            } catch {
                tally.skip(reason: Self.describe(error))
            }
        }

        var originals: [String: String] = [:]
        if !articles.isEmpty {
            var wanted: [String: String] = [:]
            for report in shown { if let hash = report.contentHash { wanted[report.id] = hash } }
            originals = OriginalArticles.find(wanted, in: articles, maximumBodyBytes: maxArticleBytes)
        }
        let sections = shown.enumerated().map { index, report in
            ArticleSection(report: report, text: originals[report.id].map(ArticleText.init(original:)) ?? ArticleText(report: report), number: index + 1)
        }
        let page = ReportPage(input: results == "-" ? "standard input" : results, tally: tally, sections: sections, limit: limit)
        let html = Data(page.html().utf8)
        if output == "-" {
            FileHandle.standardOutput.write(html)
        } else {
            try html.write(to: URL(fileURLWithPath: output), options: .atomic)
        }

        var summary = "\(tally.reports) report\(tally.reports == 1 ? "" : "s"), \(sections.count) shown"
        if !articles.isEmpty { summary += " (\(originals.count) with their exact text)" }
        if tally.skippedLines > 0 { summary += ", \(tally.skippedLines) line\(tally.skippedLines == 1 ? "" : "s") skipped: \(tally.firstSkipReason ?? "")" }
        if output != "-" { summary += ", written to \(output)" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }

    /// A decoding error in a few words: which field, what was wrong.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not a JSON object" : "bad \"\(path)\""
        @unknown default: return "\(error)"
        }
    }
}
