/// What an article read from a web page adds to its report: the text every span indexes
/// (the page itself is markup), the page's metadata with where each value came from, and
/// where each paragraph stands in the page.
public struct PageInfo: Sendable, Hashable, Codable {
    /// The text extracted from the page, one block a line: headline, dek, body paragraphs,
    /// then captions and credits. Every span of the report indexes this text in code points.
    public var text: String
    /// The encoding the page was read in (WHATWG name) and what said so: "bom", "transport",
    /// "meta", "utf8-detected" or "fallback".
    public var encoding: String
    public var encodingSource: String
    /// "page" (the visible text); when the visible text lacked the article, "json-ld" (the
    /// page's structured data) or "script-data" (the rich text in its application data).
    public var bodySource: String
    /// The date the page shows its readers with the article: the report's `published` when
    /// the page prints it, else `modified` when that is what it prints.
    public var shownDate: String?
    public var siteName: String?
    public var canonicalURL: String?
    /// The language the page declares ("en-GB"); the report's `language` is what the text is.
    public var declaredLanguage: String?
    public var description: String?
    public var topImage: String?
    public var section: String?
    public var tags: [String]
    /// The page says the article is not free to read.
    public var paywalled: Bool?
    /// For each of the report's `paragraphs`, in order, the bytes of the page it came from.
    public var paragraphs: [ByteRange]
    /// Where each metadata value came from: "json-ld", "og:title", "h1", "meta:author", "byline", "url", ...
    public var sources: [MetadataSource]

    public init(text: String, encoding: String, encodingSource: String, bodySource: String) {
        self.text = text
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.bodySource = bodySource
        self.tags = []
        self.paragraphs = []
        self.sources = []
    }
}

/// A half-open range `[start, end)` of bytes in a web page (as UTF-8: for a page in UTF-8,
/// its own bytes).
public struct ByteRange: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Which part of a page a report field was read from.
public struct MetadataSource: Sendable, Hashable, Codable {
    /// The report field: "headline", "authors", "published", ...
    public var field: String
    /// Where in the page: "json-ld", "og:title", "h1", "title", "meta:author", "byline", "time", "url", ...
    public var source: String

    public init(field: String, source: String) {
        self.field = field
        self.source = source
    }
}
