/// Sizes of the article; words and sentences count the clean body.
public struct TextCounts: Sendable, Hashable, Codable {
    public var characters: Int
    public var words: Int
    public var sentences: Int
    public var paragraphs: Int

    public init(characters: Int, words: Int, sentences: Int, paragraphs: Int) {
        self.characters = characters
        self.words = words
        self.sentences = sentences
        self.paragraphs = paragraphs
    }
}
