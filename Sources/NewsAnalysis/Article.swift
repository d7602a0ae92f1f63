/// One raw article: the text to analyse and what is known about it.
public struct Article: Sendable, Hashable, Codable {
    /// The caller's id, echoed in the report.
    public var id: String?
    /// The article as it came, noise and all; every span in the report indexes this text in code points.
    public var text: String
    public var url: String?
    /// A title known from elsewhere (a feed, a CMS), if any.
    public var title: String?
    /// The publication date as given (ISO 8601 preferred), used to resolve relative dates.
    public var published: String?

    public init(id: String? = nil, text: String, url: String? = nil, title: String? = nil, published: String? = nil) {
        self.id = id
        self.text = text
        self.url = url
        self.title = title
        self.published = published
    }
}
