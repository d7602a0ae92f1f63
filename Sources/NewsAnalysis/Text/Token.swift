/// One token of the article: a word, a number or a punctuation mark. Offsets are Unicode code
/// points of the article's text; `lower` is the FNV hash of its lowercase form.
struct Token {
    enum Kind: UInt8 { case word, number, punctuation }

    struct Flags: OptionSet {
        let rawValue: UInt16
        /// The first letter is uppercase ("Olmert", "IAF", "U.S.").
        static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is uppercase and there are at least two.
        static let allCaps = Flags(rawValue: 1 << 1)
        static let hasDigit = Flags(rawValue: 1 << 2)
        /// The token begins a line of the text.
        static let lineStart = Flags(rawValue: 1 << 3)
        /// The token begins a sentence (set by the sentence pass).
        static let sentenceStart = Flags(rawValue: 1 << 4)
        /// A period belongs to the token ("Mr.", "U.S.", "H.").
        static let endsWithPeriod = Flags(rawValue: 1 << 5)
        /// The possessive "'s" split off a word.
        static let possessive = Flags(rawValue: 1 << 6)
        /// Space (or a line break) precedes the token.
        static let spaceBefore = Flags(rawValue: 1 << 7)
        /// Every letter is lowercase.
        static let lowercase = Flags(rawValue: 1 << 8)
        /// The token is an opening or closing quotation mark.
        static let quote = Flags(rawValue: 1 << 9)
        /// Single letter followed by a period ("H.").
        static let initial = Flags(rawValue: 1 << 10)
    }

    var start: Int32
    var end: Int32
    var kind: Kind
    var flags: Flags
    /// FNV hash of the lowercase form.
    var lower: UInt64
    /// A small code for the token's shape ("Xx", "X", "X.X.", "d", ...).
    var shape: UInt32
    /// The first scalar (for punctuation tests without touching the text).
    var first: UInt32

    @inline(__always) var length: Int { Int(end - start) }
    @inline(__always) func has(_ f: Flags) -> Bool { flags.contains(f) }
}
