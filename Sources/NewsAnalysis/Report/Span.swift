/// A half-open range `[start, end)` of Unicode code points in the article's text (what Python's
/// `str` indexing uses).
public struct Span: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
