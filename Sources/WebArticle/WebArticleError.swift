/// Why a page gave no article.
public enum WebArticleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a web page (binary data, or no markup at all).
    case notHTML(String)
    /// The page has markup but no article text.
    case noArticleText

    public var description: String {
        switch self {
        case .notHTML(let why): "not HTML: \(why)"
        case .noArticleText: "no article text found in the page"
        }
    }
}
