/// A copy-editing fault in the text, with the spans that show it.
public struct CopyIssue: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A caption line printed twice.
        case repeatedCaption
        /// The same sentence twice in the article.
        case duplicatedSentence
        /// A run of words written twice close together (a half-deleted edit).
        case duplicatedClause
        /// A word repeated by mistake ("the the", "elected who was elected").
        case stutteredWord
        /// A person's surname spelled two ways ("Lena Vandermeer … Ms Vandermeir said").
        case misspelledName
    }

    public var kind: Kind
    /// The occurrences, in text order; the last one is the one to delete or rewrite.
    public var spans: [Span]
    public var text: String
    public var message: String

    public init(kind: Kind, spans: [Span], text: String, message: String) {
        self.kind = kind
        self.spans = spans
        self.text = text
        self.message = message
    }
}
