/// Word shapes several passes test, read off a token's code points.
extension Document {
    /// A word in "-ly" of five letters or more ("largely", "recently"): an adverb. Lowercase
    /// only unless `anyCase` (a sentence's first word).
    func isAdverb(_ k: Int, anyCase: Bool = false) -> Bool {
        let tok = tokens[k]
        guard tok.kind == .word, anyCase || tok.has(.lowercase), tok.length > 4 else { return false }
        let e = Int(tok.end)
        return scalars[e - 2] == "l" && scalars[e - 1] == "y"
    }

    /// A word ending in "n't" ("didn't", "won't", "DON'T").
    func isContractedNegation(_ k: Int) -> Bool {
        let tok = tokens[k]
        guard tok.length >= 4 else { return false }
        let e = Int(tok.end)
        let a = scalars[e - 1].value, b = scalars[e - 2].value, c = scalars[e - 3].value
        return (a == 116 || a == 84) && (b == 39 || b == 0x2019) && (c == 110 || c == 78)
    }

    /// A contraction ("I'll", "we're", "didn't"): an apostrophe among a word's last three
    /// characters, which a name such as "O'Brien" does not have.
    func isContraction(_ k: Int) -> Bool {
        let tok = tokens[k]
        return tok.kind == .word && tok.length >= 3 && (Int(tok.end) - 3..<Int(tok.end)).contains { scalars[$0] == "'" || scalars[$0] == "\u{2019}" }
    }
}
