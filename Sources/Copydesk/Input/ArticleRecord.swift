/// An article as the pipeline carries it: raw bytes, unchecked, plus where it came from.
///
/// The body stays bytes until a worker decodes it, so a file that is not UTF-8 still travels
/// to a worker and comes out as a clear error record instead of vanishing at the ventilator.
public struct ArticleRecord: Sendable, Hashable {
    /// The caller's id, or a stable one derived from url and content (``ArticleID``).
    public var id: String
    /// Delivery attempt, from 1.
    public var attempt: Int
    /// Where the article came from: `path`, `path:line`, `stdin:line` or `intake`.
    public var source: String
    public var format: BodyFormat
    public var body: [UInt8]
    public var url: String
    public var title: String
    public var published: String
    /// The caller's free `meta` object as JSON text, or empty.
    public var metaJSON: [UInt8]
    /// For an HTML body, the encoding its bytes are in as the caller saw it declared (an
    /// HTTP `Content-Type` charset), or empty to let the page say.
    public var charset: String

    public init(
        id: String, attempt: Int = 1, source: String, format: BodyFormat = .text, body: [UInt8],
        url: String = "", title: String = "", published: String = "", metaJSON: [UInt8] = [], charset: String = ""
    ) {
        self.id = id
        self.attempt = attempt
        self.source = source
        self.format = format
        self.body = body
        self.url = url
        self.title = title
        self.published = published
        self.metaJSON = metaJSON
        self.charset = charset
    }

    /// How ``body`` is written.
    public enum BodyFormat: String, Sendable, Hashable {
        case text
        case html
    }
}
