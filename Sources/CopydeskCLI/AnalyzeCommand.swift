import ArgumentParser
import Foundation
import NewsAnalysis

/// `copydesk analyze FILE|-`: one article's report, as pretty JSON.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print one article's report as pretty JSON.",
        discussion: "Reads a plain-text article from FILE, or from standard input with -. Spans are Unicode code point offsets into the text as read."
    )

    @Argument(help: "A text file, or - for standard input.")
    var file: String

    @Option(help: "The article's URL, echoed in the report.")
    var url: String?

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
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(file): not UTF-8 text")
        }
        let report = try Analyzer().analyze(Article(id: file == "-" ? nil : file, text: text, url: url))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(report))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
