/// Content words, shared by the keyword and summary passes: what is left once stopwords,
/// generic words, grammar words, numbers and dates are taken out.
extension Document {
    /// Computes ``content`` and ``stems`` once for every token (after the date pass).
    mutating func prepareContent() {
        var content = [Bool](repeating: false, count: tokens.count)
        var stems = [UInt64](repeating: 0, count: tokens.count)
        for k in tokens.indices where tokens[k].kind == .word {
            content[k] = computeIsContent(k)
            stems[k] = computeStem(k)
        }
        self.content = content
        self.stems = stems
    }

    @inline(__always) func isContent(_ k: Int) -> Bool { content[k] }

    @inline(__always) func stem(_ k: Int) -> UInt64 { stems[k] }

    /// A word that can carry an article's subject.
    private func computeIsContent(_ k: Int) -> Bool {
        let tok = tokens[k]
        guard tok.kind == .word, !tok.has(.possessive), tok.length >= 2 else { return false }
        let l = lex[k]
        if l.contains(.stopword) || l.contains(.calendar) || l.contains(.speechVerb) { return false }
        let m = meaning[k]
        if m.flags.contains(.generic) || m.flags.contains(.verbGroup) || m.flags.contains(.determiner) || m.flags.contains(.clauseWord) { return false }
        if m.number != .none || m.date != .none && m.date != .unit || (!inDate.isEmpty && inDate[k]) { return false }
        // Contractions ("you'd", "it's") are grammar, not subject.
        if tok.has(.lowercase), (Int(tok.start)..<Int(tok.end)).contains(where: { scalars[$0] == "'" || scalars[$0] == "\u{2019}" }) { return false }
        if isAdverb(k) { return false }
        return true
    }

    /// The token's lowercase hash with a plural "s" taken off ("sales" and "sale" are one).
    private func computeStem(_ k: Int) -> UInt64 {
        let tok = tokens[k]
        let e = Int(tok.end)
        guard tok.length > 3, !tok.has(.endsWithPeriod), scalars[e - 1] == "s", scalars[e - 2] != "s", scalars[e - 2] != "'" else { return tok.lower }
        var h = FNV.offset
        for i in Int(tok.start)..<(e - 1) { h = FNV.mix(h, Lowercase.fold(scalars[i].value)) }
        return h
    }
}
