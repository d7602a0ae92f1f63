/// A key phrase of the article: a multi-word phrase or a named entity, scored by how often
/// it and its words recur and where (headline, dek, lead).
public struct Keyword: Sendable, Hashable, Codable {
    /// The phrase as written (its most frequent form), or the entity's canonical name.
    public var text: String
    /// 0...1, the best keyword scoring 1.
    public var score: Double
    /// How many times it occurs in the headline, dek and body.
    public var count: Int
    /// Index into ``AnalysisReport/entities`` when the keyword is an entity.
    public var entity: Int?

    public init(text: String, score: Double, count: Int, entity: Int?) {
        self.text = text
        self.score = score
        self.count = count
        self.entity = entity
    }
}
