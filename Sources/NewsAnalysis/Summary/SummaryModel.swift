/// Linear weights over ``SentenceFeatures``: a sentence's score is their dot product with its
/// features. Reported news (a date line, a byline or attributed speech in the lead) and everything else
/// (essays, guides, biographies, talk) get weights of their own: news puts its summary in its
/// lead, the others spread it. Trained by ``SummaryTrainer``; the shipped weights are in
/// `SummaryModel+Shipped.swift`, written by `copydesk bench summary --weights-out`.
public struct SummaryModel: Sendable, Hashable {
    /// Weights for reported news.
    public var reported: [Double]
    /// Weights for every other text.
    public var other: [Double]

    public init(reported: [Double], other: [Double]) {
        precondition(reported.count == SentenceFeatures.names.count && other.count == reported.count, "one weight per feature")
        self.reported = reported
        self.other = other
    }

    /// The lead prior alone: the first sentences.
    public static let lead = SummaryModel(reported: leadWeights, other: leadWeights)
    static let leadWeights = SentenceFeatures.names.map { $0 == "lead" ? 1.0 : 0 }

    /// Names of the features the weights apply to, in order.
    public static var featureNames: [String] { SentenceFeatures.names }

    /// Whether the weights for this kind of article are the lead prior's alone.
    func weighsOnlyTheLead(reported isReported: Bool) -> Bool {
        (isReported ? reported : other) == Self.leadWeights
    }

    func score(_ row: [Double], reported isReported: Bool) -> Double {
        var s = 0.0
        for (w, x) in zip(isReported ? reported : other, row) { s += w * x }
        return s
    }
}
