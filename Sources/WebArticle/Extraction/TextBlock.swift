/// A run of text the page shows as one block (a paragraph, heading, list item, cell, or the
/// loose text of a `div`), with what the extractor weighs it by.
struct TextBlock {
    /// The element that holds the block: the nearest block-level ancestor of its text.
    var owner: Int
    /// The block's text, whitespace folded; line breaks (`br`, `pre`) kept as "\n".
    var text: [UInt8]
    /// Letters, digits and other visible code points.
    var characters = 0
    /// Visible code points inside links.
    var linkCharacters = 0
    /// Words (runs of letters and digits).
    var words = 0
    /// Spaces between words: a URL or a keyword list is long without them.
    var spaces = 0
    /// Code points of scripts written without spaces (CJK and the like).
    var unspacedScript = 0
    /// Sentence ends (`.`, `!`, `?` and their CJK forms) and commas: signs of prose.
    var sentenceEnds = 0
    var commas = 0
    /// Bytes of the page the block's text came from.
    var sourceStart: Int
    var sourceEnd: Int
    /// What kind of block its owner makes.
    var kind: Kind

    enum Kind: UInt8 {
        case paragraph, heading, title, listItem, quote, preformatted, cell, other
    }

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}
