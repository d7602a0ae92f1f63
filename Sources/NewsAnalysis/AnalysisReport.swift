/// What the analyzer found in one article. Every span is in Unicode code points of ``Article/text``.
public struct AnalysisReport: Sendable, Hashable, Codable {
    public var id: String?
    public var url: String?
    public var analyzerVersion: String
    public var paragraphs: [Span]
    public var wordCount: Int
}

/// A half-open range `[start, end)` of Unicode code points in the article's text.
public struct Span: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
