/// The tone of one body sentence; same ranges as ``Tone``.
public struct SentenceTone: Sendable, Hashable, Codable {
    /// Index into ``AnalysisReport/sentences``.
    public var sentence: Int
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var polarity: Double

    public init(sentence: Int, positive: Double, negative: Double, neutral: Double, polarity: Double) {
        self.sentence = sentence
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.polarity = polarity
    }
}
