/// The article's tone from the VADER lexicon, with negation ("not good"), intensifiers
/// ("very", "slightly"), emphasis in capitals, "but" and exclamation marks, as VADER scores them.
///
/// Ranges: `positive`, `negative` and `neutral` are shares of the scored words' weight and sum
/// to 1 (0...1 each); `polarity` is VADER's normalised compound score, -1 (most negative) to +1.
/// For the article, the shares are over all body sentences together and `polarity` is the
/// word-weighted mean of the sentences' polarities.
public struct Tone: Sendable, Hashable, Codable {
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var polarity: Double
    /// Body words that carry sentiment in the lexicon.
    public var scoredWords: Int
    /// One entry per body sentence, in the order of ``AnalysisReport/sentences``.
    public var sentences: [SentenceTone]

    public init(positive: Double, negative: Double, neutral: Double, polarity: Double, scoredWords: Int, sentences: [SentenceTone]) {
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.polarity = polarity
        self.scoredWords = scoredWords
        self.sentences = sentences
    }
}
