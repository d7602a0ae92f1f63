/// Finds amounts: a number in digits or words, with its scale ("1.5 million", "hundreds of
/// thousands"), currency ("$", "€", "dollars") or percent, and the noun phrase it counts
/// ("20,000 combat soldiers" → 20000 "combat soldiers"). A number inside a name ("S-300",
/// "IE9") is a word token and never read; numbers in dates and times are skipped; an amount
/// must have a unit or an object (a score "1 – 0" is not one).
struct AmountPass {
    static let h = (
        of: FNV.lowercased("of"), per: FNV.lowercased("per"), cent: FNV.lowercased("cent"), a: FNV.lowercased("a"),
        no: FNV.lowercased("no"), every: FNV.lowercased("every"), any: FNV.lowercased("any"), each: FNV.lowercased("each"),
        us: FNV.lowercased("us")
    )

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        var scopes: [Range<Int>] = []
        for n in doc.lines.indices where doc.roles[n] == .headline || doc.roles[n] == .subheadline { scopes.append(doc.lines[n].tokens) }
        scopes.append(contentsOf: doc.paragraphs)
        for r in scopes {
            var i = r.lowerBound
            while i < r.upperBound {
                if let (end, amount) = read(doc, i, r) {
                    report.amounts.append(amount)
                    i = end
                } else {
                    i += 1
                }
            }
        }
    }

    private func currency(_ v: UInt32) -> UInt8 {
        switch v {
        case 36: 1
        case 0x20AC: 2
        case 0xA3: 3
        case 0xA5: 4
        case 0x20B9: 5
        default: 0
        }
    }

    private func read(_ doc: Document, _ start: Int, _ r: Range<Int>) -> (Int, Amount)? {
        let t = doc.tokens
        let end = r.upperBound
        var i = start
        var unit: UInt8 = 0
        if t[i].kind == .punctuation {
            unit = currency(t[i].first)
            guard unit != 0, i + 1 < end, t[i + 1].kind == .number else { return nil }
            i += 1
        }
        guard !doc.inDate[i] else { return nil }
        var value: Double
        let m = doc.meaning[i]
        if t[i].kind == .number {
            guard let v = doc.decimal(i) else { return nil }
            // A bare year ("the 2016 Expo") is no amount; nor is a time or a score ("1 – 0", "3:30").
            if unit == 0, t[i].length == 4, v >= 1800, v <= 2100, v == v.rounded() { return nil }
            if i + 1 < end, doc.isPunct(i + 1, 58) || doc.isPunct(i + 1, 47) { return nil }
            if i > r.lowerBound, doc.isPunct(i - 1, 58) || doc.isPunct(i - 1, 47) || doc.isPunct(i - 1, 45) { return nil }
            value = v
        } else if m.number == .cardinal || m.number == .pluralScale, t[i].kind == .word {
            // "no one", "every one", "each one": not counts.
            if i > r.lowerBound, [Self.h.no, Self.h.every, Self.h.any, Self.h.each].contains(t[i - 1].lower) { return nil }
            value = Double(m.numberValue)
            if m.number == .pluralScale {
                // "hundreds of thousands of people"
                var j = i + 1
                while j + 1 < end, t[j].lower == Self.h.of, doc.meaning[j + 1].number == .pluralScale {
                    value *= Double(doc.meaning[j + 1].numberValue)
                    j += 2
                }
                guard j + 1 < end, t[j].lower == Self.h.of else { return nil }
                let (objEnd, object) = objectPhrase(doc, j + 1, end)
                guard let object else { return nil }
                return (objEnd, make(doc, start, objEnd, value, unit, object))
            }
        } else if t[i].lower == Self.h.a, i + 1 < end, doc.meaning[i + 1].number == .scale || doc.meaning[i + 1].number == .cardinal && doc.meaning[i + 1].numberValue == 12 {
            value = 1
        } else {
            return nil
        }
        var e = i + 1
        // Scale words: "1.5 million", "two hundred thousand".
        while e < end, doc.meaning[e].number == .scale || (doc.meaning[e].number == .cardinal && doc.meaning[e].numberValue == 12 && t[i].lower == Self.h.a) {
            value *= Double(doc.meaning[e].numberValue)
            e += 1
        }
        guard value.isFinite, value < 1e18 else { return nil }
        // Units after: "percent", "per cent", "%", "dollars".
        if e < end, doc.isPunct(e, 37) { unit = 6; e += 1 }
        else if e < end, doc.meaning[e].number == .unit { unit = doc.meaning[e].unit; e += 1 }
        else if e + 1 < end, t[e].lower == Self.h.per, t[e + 1].lower == Self.h.cent { unit = 6; e += 2 }
        var objectEnd = e
        var object: String?
        if unit == 0 || unit != 6 {
            var j = e
            if j < end, t[j].lower == Self.h.of, unit != 0 { j += 1 }
            (objectEnd, object) = objectPhrase(doc, j, end)
            if object == nil { objectEnd = e }
        }
        guard unit != 0 || object != nil else { return nil }
        return (max(e, objectEnd), make(doc, start, max(e, objectEnd), value, unit, object))
    }

    private func make(_ doc: Document, _ a: Int, _ b: Int, _ value: Double, _ unit: UInt8, _ object: String?) -> Amount {
        let located = doc.located(tokens: a..<b)
        return Amount(text: located.text, start: located.start, end: located.end, value: value,
                      unit: unit == 0 ? nil : MeaningLexicon.units[Int(unit)], object: object)
    }

    /// Up to three words after the number that name what it counts; stops at a stopword, a
    /// verb group word, punctuation, a name already read as a date, or a number.
    private func objectPhrase(_ doc: Document, _ from: Int, _ end: Int) -> (Int, String?) {
        let t = doc.tokens
        var e = from
        while e < end, e - from < 3 {
            let k = e
            guard t[k].kind == .word, !t[k].has(.possessive), !doc.inDate[k] else { break }
            // "80 Day Obsession": a number in a title is no count (a nationality is: "20 Russian soldiers").
            if e == from, t[k].has(.capitalized), !doc.lex[k].contains(.demonym) { break }
            let lex = doc.lex[k], m = doc.meaning[k]
            if lex.contains(.stopword) || lex.contains(.speechVerb) || m.flags.contains(.verbGroup) || m.flags.contains(.determiner)
                || m.flags.contains(.clauseWord) || m.number != .none || m.date == .ago { break }
            // "people marched", "robots collectively", "poster writing": a past tense, an adverb
            // or a gerund after the noun belongs to the verb.
            if e > from, t[k].has(.lowercase), t[k].length > 4 {
                let z = Int(t[k].end)
                let a = doc.scalars[z - 2], b = doc.scalars[z - 1]
                if (a == "e" && b == "d") || (a == "l" && b == "y") || (doc.scalars[z - 3] == "i" && a == "n" && b == "g") { break }
            }
            e += 1
        }
        // Drop a trailing adverb-like word.
        while e > from, doc.meaning[e - 1].flags.contains(.generic), e - from > 1 { e -= 1 }
        guard e > from else { return (from, nil) }
        // "The two talked": a lone past-tense word is the verb, not what is counted.
        if e - from == 1, t[from].has(.lowercase), t[from].length > 4, doc.scalars[Int(t[from].end) - 2] == "e", doc.scalars[Int(t[from].end) - 1] == "d" {
            return (from, nil)
        }
        return (e, doc.text(tokens: from..<e))
    }
}
