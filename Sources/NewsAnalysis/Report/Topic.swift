/// A subject the article is about, from the small taxonomy in `Topics/Taxonomy.swift`, with
/// the words that show it.
public struct Topic: Sendable, Hashable, Codable {
    /// The taxonomy's identifier ("diplomacy", "conflict-defence", "nuclear", ...).
    public var id: String
    /// Its English label ("Conflict and defence").
    public var label: String
    /// 0...1: weighted evidence hits h (headline and dek count double) as h / (h + 5).
    public var score: Double
    /// The taxonomy's terms found in the text, most frequent first (at most 8).
    public var evidence: [String]

    public init(id: String, label: String, score: Double, evidence: [String]) {
        self.id = id
        self.label = label
        self.score = score
        self.evidence = evidence
    }
}
