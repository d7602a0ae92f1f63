/// Turns one article into an ``AnalysisReport``. Create one per process (it loads its
/// resources once) and share it between threads.
public final class Analyzer: Sendable {
    public static let version = "0.1.0"

    public init() throws {}

    /// Analyses `article`; throws ``AnalysisError`` for input that is not an article.
    public func analyze(_ article: Article) throws -> AnalysisReport {
        let scalars = Array(article.text.unicodeScalars)
        guard scalars.contains(where: { !$0.properties.isWhitespace }) else { throw AnalysisError.empty }
        var paragraphs: [Span] = []
        var start: Int?
        var words = 0
        var inWord = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                if let begin = start { paragraphs.append(Span(start: begin, end: index)) }
                start = nil
            } else if start == nil, !scalar.properties.isWhitespace {
                start = index
            }
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar, !inWord { words += 1 }
            inWord = isWordScalar
        }
        if let begin = start { paragraphs.append(Span(start: begin, end: scalars.count)) }
        return AnalysisReport(id: article.id, url: article.url, analyzerVersion: Self.version, paragraphs: paragraphs, wordCount: words)
    }
}

/// Why an input could not be analysed. These are the input's fault: retrying does not help.
public enum AnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(scalars: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: "the article has no text"
        case .tooLarge(let scalars, let limit): "the article has \(scalars) code points, more than the limit of \(limit)"
        }
    }
}
