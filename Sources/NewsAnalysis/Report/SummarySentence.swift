/// One sentence of the extractive summary, taken verbatim from the body.
public struct SummarySentence: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Index into ``AnalysisReport/sentences``.
    public var sentence: Int
    /// The sentence's score (higher is more central); comparable within one article only.
    public var score: Double

    public init(text: String, start: Int, end: Int, sentence: Int, score: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.score = score
    }
}
