/// Finds sentence boundaries inside a paragraph's tokens. A period ends a sentence unless it
/// belongs to a title ("Mr.", "Lt. Gen."), an initial or an acronym followed by a word that
/// cannot start a sentence; closing quotes and brackets stay with the sentence they close.
struct SentenceSplitter {
    /// Lowercase hashes of abbreviations that stand before names and never end a sentence
    /// (titles, and "v." and "vs." between the parties to a case: "Dobbs v. Jackson").
    static let titleAbbreviations: Set<UInt64> = Set(
        "mr mrs ms dr prof rev st lt gen col maj capt sgt cpl adm gov sen rep pres supt insp det mt ft v vs"
            .split(separator: " ").map { FNV.mix(FNV.lowercased($0), 46) })

    static let maximumTokens = 300

    func split(_ doc: Document, _ range: Range<Int>, into out: inout [Range<Int>]) {
        let t = doc.tokens
        var start = range.lowerBound
        var i = range.lowerBound
        // Brackets open in the sentence so far: a stop with more words after it before a
        // closing bracket soon after is inside them ("Sen. Ann Hale (D-N.M.) said").
        var brackets = 0
        while i < range.upperBound {
            var end = -1
            let tok = t[i]
            if tok.kind == .punctuation {
                let v = tok.first
                if v == 40 || v == 91 { brackets += 1 } else if v == 41 || v == 93 { brackets = max(0, brackets - 1) }
                let insideBrackets = brackets > 0 && i + 1 < range.upperBound && !isCloser(t, i + 1) && closesSoon(t, after: i, within: range)
                if v == 46 || v == 33 || v == 63 || v == 0x2026, !insideBrackets {
                    end = i + 1
                }
            } else if tok.has(.endsWithPeriod), i + 1 < range.upperBound {
                // "U.S. The", "Inc. He": an abbreviation ends a sentence only before a word that
                // starts one; a title or an initial never does.
                let next = i + 1
                if !Self.titleAbbreviations.contains(tok.lower), t[next].has(.capitalized), doc.lex[next].contains(.stopword) {
                    end = i + 1
                }
            }
            if end > 0 {
                // Absorb closing quotes and brackets.
                while end < range.upperBound, t[end].kind == .punctuation, isCloser(t, end) { end += 1 }
                if end >= range.upperBound || startsSentence(doc, end) {
                    out.append(start..<end)
                    start = end
                    i = end
                    brackets = 0
                    continue
                }
            }
            if i + 1 - start >= Self.maximumTokens {
                out.append(start..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < range.upperBound { out.append(start..<range.upperBound) }
    }

    /// Whether a closing bracket comes within ``bracketReach`` tokens after token `i`.
    private func closesSoon(_ t: [Token], after i: Int, within range: Range<Int>) -> Bool {
        ((i + 1)..<min(range.upperBound, i + 1 + Self.bracketReach)).contains { t[$0].kind == .punctuation && (t[$0].first == 41 || t[$0].first == 93) }
    }

    static let bracketReach = 4

    private func isCloser(_ t: [Token], _ i: Int) -> Bool {
        let v = t[i].first
        if v == 41 || v == 93 || v == 0x201D || v == 0x2019 || v == 0xBB { return true }
        if v == 34 || v == 39 { return !t[i].has(.spaceBefore) }
        return false
    }

    private func startsSentence(_ doc: Document, _ i: Int) -> Bool {
        let tok = doc.tokens[i]
        if tok.kind == .punctuation {
            let v = tok.first
            return Tokenizer.isQuote(v) || v == 40 || v == 91 || v == 0x2014 || v == 45
        }
        return tok.has(.capitalized) || tok.kind == .number || !tok.has(.lowercase)
    }
}
