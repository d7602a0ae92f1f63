/// What a web page holds as an article: its main text as paragraphs, each mapped back to the
/// page, and its metadata, each value with where it was found.
public struct WebArticle: Sendable, Hashable {
    /// A value and the place in the page it came from ("json-ld", "og:title", "h1", "meta:author", ...).
    public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
        public var value: Value
        public var source: String

        public init(_ value: Value, from source: String) {
            self.value = value
            self.source = source
        }
    }

    /// One block of the article's text.
    public struct Paragraph: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case paragraph, heading, listItem = "list-item", quote, preformatted, cell, other
        }

        /// The text, whitespace folded; a line break in the page (`br`) is "\n".
        public var text: String
        public var kind: Kind
        /// Bytes of the page (as UTF-8; for a page in UTF-8, the input's own bytes) where the
        /// paragraph's element starts and ends.
        public var pageStart: Int
        public var pageEnd: Int
    }

    /// A picture of the article, with its caption and credit.
    public struct Image: Sendable, Hashable {
        public var url: String
        public var caption: String?
        public var credit: String?
    }

    public var paragraphs: [Paragraph]
    public var title: Sourced<String>?
    /// The dek or description.
    public var description: Sourced<String>?
    public var authors: Sourced<[String]>?
    /// ISO 8601 ("2023-12-17T10:20:30+01:00", or "2023-12-17" when the page gives only a date).
    public var published: Sourced<String>?
    public var modified: Sourced<String>?
    /// The date the page shows its readers with the article: `published` when the page
    /// prints it, else another publication date its metadata declares that it prints, else
    /// `modified` when that is the date it prints (a guide kept current), else `published`.
    public var shownDate: Sourced<String>?
    public var siteName: Sourced<String>?
    public var canonicalURL: Sourced<String>?
    /// Language as the page declares it ("en", "en-GB").
    public var language: Sourced<String>?
    public var topImage: Sourced<String>?
    public var images: [Image]
    public var section: Sourced<String>?
    public var tags: Sourced<[String]>?
    /// The page says the article is not free to read (schema.org `isAccessibleForFree`).
    public var paywalled: Sourced<Bool>?
    /// The encoding the page was read in (WHATWG name) and how it was chosen.
    public var encoding: String
    public var encodingEvidence: PageDecoder.Evidence
    /// Where the body came from: "page" (the visible text) or, when the visible text lacks
    /// the article, "json-ld" (structured data's `articleBody`) or "script-data" (the rich
    /// text in the page's application data, such as Next.js's `__NEXT_DATA__`).
    public var bodySource: String

    /// The paragraphs joined by blank lines: the article's text.
    public var text: String {
        paragraphs.map(\.text).joined(separator: "\n\n")
    }
}
