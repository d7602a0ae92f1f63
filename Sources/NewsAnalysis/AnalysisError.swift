import WebArticle

/// Why an input could not be analysed. These are the input's fault (or a broken install, for
/// ``missingResource``): retrying does not help.
public enum AnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is empty or only white space.
    case empty
    /// The text is longer than ``Analyzer/maximumScalars``.
    case tooLarge(scalars: Int, limit: Int)
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// The text has too few letters to be prose (binary data, a table of numbers).
    case notText
    /// A resource file is missing from the module bundle.
    case missingResource(String)
    /// A web page gave no article: not HTML, or no article text in it.
    case page(WebArticleError)

    public var description: String {
        switch self {
        case .empty: "the article has no text"
        case .tooLarge(let scalars, let limit): "the article has \(scalars) code points, more than the limit of \(limit)"
        case .invalidUTF8(let offset): "the article is not valid UTF-8 (first bad byte at offset \(offset))"
        case .notText: "the article does not look like text (too few letters)"
        case .missingResource(let name): "the analyzer's resource \(name) is missing from the bundle"
        case .page(let error): error.description
        }
    }
}
