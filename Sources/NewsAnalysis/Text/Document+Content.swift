/// Content words, shared by the keyword and summary passes: what is left once stopwords,
/// generic words, grammar words, numbers and dates are taken out.
extension Document {
    /// A word that can carry an article's subject.
    func isContent(_ k: Int) -> Bool {
        let tok = tokens[k]
        guard tok.kind == .word, !tok.has(.possessive), tok.length >= 2 else { return false }
        let l = lex[k]
        if l.contains(.stopword) || l.contains(.calendar) || l.contains(.speechVerb) { return false }
        let m = meaning[k]
        if m.flags.contains(.generic) || m.flags.contains(.verbGroup) || m.flags.contains(.determiner) || m.flags.contains(.clauseWord) { return false }
        if m.number != .none || m.date != .none && m.date != .unit || (!inDate.isEmpty && inDate[k]) { return false }
        return true
    }

    /// The token's lowercase hash with a plural "s" taken off ("sales" and "sale" are one).
    func stem(_ k: Int) -> UInt64 {
        let tok = tokens[k]
        let e = Int(tok.end)
        guard tok.length > 3, !tok.has(.endsWithPeriod), scalars[e - 1] == "s", scalars[e - 2] != "s", scalars[e - 2] != "'" else { return tok.lower }
        var h = FNV.offset
        for i in Int(tok.start)..<(e - 1) { h = FNV.mix(h, Lowercase.fold(scalars[i].value)) }
        return h
    }
}
