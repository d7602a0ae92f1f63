import Foundation
import NewsAnalysis

/// One analyzer for the whole test run: loading the gazetteer and weights once keeps the
/// suite fast, and sharing it is what production does.
enum Shared {
    static let analyzer = Result { try Analyzer() }

    static func analyze(_ text: String, id: String = "t", title: String? = nil) throws -> AnalysisReport {
        try analyzer.get().analyze(Article(id: id, text: text, title: title))
    }

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("seeds/\(name)"), encoding: .utf8)
    }
}

extension String {
    /// Code point offsets of every occurrence of `needle`.
    func codePointOffsets(of needle: String) -> [Int] {
        let hay = Array(unicodeScalars), pat = Array(needle.unicodeScalars)
        guard !pat.isEmpty, hay.count >= pat.count else { return [] }
        return (0...(hay.count - pat.count)).filter { i in hay[i..<(i + pat.count)].elementsEqual(pat) }
    }

    /// The code point span of the `n`th occurrence of `needle`.
    func span(of needle: String, occurrence n: Int = 0) -> Span? {
        let offsets = codePointOffsets(of: needle)
        guard n < offsets.count else { return nil }
        return Span(start: offsets[n], end: offsets[n] + needle.unicodeScalars.count)
    }

    func slice(_ start: Int, _ end: Int) -> String {
        let s = Array(unicodeScalars)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[start..<end])
        return String(v)
    }
}
