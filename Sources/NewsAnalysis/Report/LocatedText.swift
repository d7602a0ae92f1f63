/// A piece of the article's text and where it stands in it (code points).
public struct LocatedText: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }

    public var span: Span { Span(start: start, end: end) }
}
