import ArgumentParser
import Foundation
import NewsAnalysis

/// `copydesk analyze FILE|-`: one article's report, as pretty JSON.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print one article's report as pretty JSON.",
        discussion: """
            Reads an article from FILE, or from standard input with -. A .html or .htm file (or --html) is a web page: its \
            article is extracted first, in whatever encoding the page is, and the report carries the extracted text as \
            page.text. Spans are Unicode code point offsets into the text as read (page.text for a web page).
            """
    )

    @Argument(help: "A text or HTML file, or - for standard input.")
    var file: String

    @Option(help: "The article's URL, echoed in the report (and read for a date, for a web page).")
    var url: String?

    @Flag(help: "Read the input as a web page whatever its name.")
    var html = false

    @Option(help: "A web page's encoding as its server declared it (the HTTP Content-Type charset), if the page may not say.")
    var charset: String?

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot read the file")
            }
            data = contents
        }
        let id = file == "-" ? nil : file
        let report: AnalysisReport
        if html || ["html", "htm"].contains((file as NSString).pathExtension.lowercased()) {
            report = try Analyzer().analyze(html: Array(data), charset: charset, id: id, url: url)
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("\(file): not UTF-8 text")
            }
            report = try Analyzer().analyze(Article(id: id, text: text, url: url))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(report))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
