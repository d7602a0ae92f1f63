/// Finds quoted passages and who said them. The speaker is the subject of the attribution
/// verb nearest the quote in its sentence ("the source said", "said Smith", "quoted Lavrov as
/// saying"); a participle ("adding that") keeps the subject of the verb before it; a described
/// source ("the source") is named by its first, fullest description in the article.
struct QuotePass {
    private struct Attribution {
        var verb: Int
        var subject: Range<Int>?
    }

    static let h = (
        according: FNV.lowercased("according"), to: FNV.lowercased("to"), quoted: FNV.lowercased("quoted"),
        as: FNV.lowercased("as"), saying: FNV.lowercased("saying"),
        aux: Set(["had", "has", "have", "was", "is", "were", "will", "would", "also", "then", "later", "previously", "once", "again", "further", "reportedly"].map { FNV.lowercased($0) }),
        boundary: Set(["that", "and", "but", "while", "as", "because", "when", "which", "who", "after", "before", "if", "than"].map { FNV.lowercased($0) }),
        prepositions: Set(["in", "at", "from", "of", "with", "for", "on", "close"].map { FNV.lowercased($0) }),
        pronouns: Set(["he", "she", "they", "i", "we"].map { FNV.lowercased($0) }),
        inverting: Set(["said", "says", "added", "adds", "asked", "told", "explained", "wrote", "writes", "continued", "noted", "recalled", "replied", "insisted", "warned", "tweeted", "stated", "declared"].map { FNV.lowercased($0) }),
        determiners: Set(["the", "a", "an", "one", "two", "several", "some", "many", "another", "this", "that"].map { FNV.lowercased($0) }),
        that: FNV.lowercased("that"),
        /// Verbs whose object is what was said, "that" or not: "said the talks had failed".
        clauseVerbs: Set(["said", "says", "believes", "believed", "claimed", "claims", "argued", "argues", "insisted", "insists",
                          "warned", "warns", "denied", "added", "explained", "noted", "admitted", "acknowledged", "suggested",
                          "predicted", "conceded"].map { FNV.lowercased($0) })
    )

    func run(_ doc: inout Document, _ report: inout AnalysisReport) {
        let t = doc.tokens
        guard !doc.sentences.isEmpty else { return }
        // Attributions in every sentence; the first description of each kind of source names it.
        var attributions: [[Attribution]] = []
        var descriptions: [UInt64: Range<Int>] = [:]
        for s in doc.sentences {
            let list = attributionsIn(doc, s)
            for a in list {
                if let r = a.subject, let head = head(doc, r), descriptions[head] == nil || isIndefinite(doc, r) && !isIndefinite(doc, descriptions[head]!) {
                    descriptions[head] = r
                }
            }
            attributions.append(list)
        }
        var sentenceOf = [Int32](repeating: -1, count: t.count)
        for (n, s) in doc.sentences.enumerated() { for k in s { sentenceOf[k] = Int32(n) } }

        // The last attributed direct quote, and the paragraph it is in: a direct quote with no
        // attribution of its own right after it continues it.
        var previous: (paragraph: Int, speaker: Quote.Speaker)?
        for (paragraph, p) in doc.paragraphs.enumerated() {
            var open = -1
            var openChar: UInt32 = 0
            var i = p.lowerBound
            while i < p.upperBound {
                let tok = t[i]
                if tok.kind == .punctuation, tok.has(.quote) {
                    let v = tok.first
                    let isOpen = v == 0x201C || v == 0x201E || v == 0xAB || (v == 34 && open < 0)
                    let isClose = v == 0x201D || v == 0xBB || (v == 34 && open >= 0)
                    if isClose, open >= 0, openChar != 0x2018 {
                        if i > open + 1 { add(doc, &report, open, i, sentenceOf, attributions, descriptions, paragraph: paragraph, previous: &previous) }
                        open = -1
                    } else if isOpen {
                        open = i
                        openChar = v
                    }
                }
                i += 1
            }
            if open >= 0, p.upperBound > open + 1, p.upperBound - open > 3 {
                add(doc, &report, open, p.upperBound, sentenceOf, attributions, descriptions, paragraph: paragraph, previous: &previous)
            }
        }
        // Reported speech: attributed sentences without quotation marks.
        for (n, s) in doc.sentences.enumerated() where !s.contains(where: { t[$0].kind == .punctuation && t[$0].has(.quote) }) {
            guard let (content, attribution) = reportedContent(doc, s, attributions[n]), let subject = attribution.subject else { continue }
            let speaker = resolve(doc, subject, before: content.lowerBound, descriptions, report.entities)
            let located = doc.located(tokens: content)
            report.quotes.append(Quote(text: located.text, start: located.start, end: located.end, kind: .indirect,
                                       verb: doc.text(tokens: attribution.verb..<(attribution.verb + 1)), speaker: speaker))
        }
        report.quotes.sort { $0.start < $1.start }
    }

    /// What a sentence reports someone said, and the attribution: "X said (that) CONTENT",
    /// "X told reporters on Tuesday that CONTENT", "CONTENT, X said", "CONTENT, said X",
    /// "According to X, CONTENT", "CONTENT, according to X". Four words at least.
    private func reportedContent(_ doc: Document, _ s: Range<Int>, _ attributions: [Attribution]) -> (Range<Int>, Attribution)? {
        let t = doc.tokens
        var end = s.upperBound
        while end > s.lowerBound, t[end - 1].kind == .punctuation { end -= 1 }
        func words(_ r: Range<Int>) -> Int { r.isEmpty ? 0 : r.filter { t[$0].kind != .punctuation }.count }
        /// The clause before a comma that ends at `k` (exclusive).
        func before(_ k: Int) -> Range<Int>? {
            var e = k
            while e > s.lowerBound, t[e - 1].kind == .punctuation { e -= 1 }
            return e > s.lowerBound && doc.isPunct(e, 44) ? s.lowerBound..<e : nil
        }
        for a in attributions {
            guard let subject = a.subject else { continue }
            var content: Range<Int>?
            if t[a.verb].lower == Self.h.according {
                if a.verb == s.lowerBound, let comma = (subject.upperBound..<end).first(where: { doc.isPunct($0, 44) }) {
                    content = (comma + 1)..<end
                } else {
                    content = before(a.verb)
                }
            } else if subject.upperBound <= a.verb {
                if let that = (a.verb + 1..<min(a.verb + 8, end)).first(where: { t[$0].lower == Self.h.that }) {
                    content = (that + 1)..<end
                } else if subject.lowerBound > s.lowerBound {
                    // "CONTENT, a senior source said Tuesday": the clause before the speaker.
                    content = before(subject.lowerBound)
                } else if a.verb + 1 < end, Self.h.clauseVerbs.contains(t[a.verb].lower), !Self.h.prepositions.contains(t[a.verb + 1].lower),
                          t[a.verb + 1].kind == .word, !doc.isPunct(a.verb + 1, 44) {
                    // "X said the talks had failed."
                    content = (a.verb + 1)..<end
                }
            } else {
                // "CONTENT, said the minister."
                content = before(a.verb)
            }
            if let content, words(content) >= 4 { return (content, a) }
        }
        return nil
    }

    private func add(_ doc: Document, _ report: inout AnalysisReport, _ open: Int, _ close: Int, _ sentenceOf: [Int32],
                     _ attributions: [[Attribution]], _ descriptions: [UInt64: Range<Int>],
                     paragraph: Int, previous: inout (paragraph: Int, speaker: Quote.Speaker)?) {
        let t = doc.tokens
        var a = open + 1, b = close
        while b > a, t[b - 1].kind == .punctuation, t[b - 1].first == 44 || t[b - 1].first == 59 || t[b - 1].first == 58 { b -= 1 }
        guard b > a else { return }
        let words = (a..<b).filter { t[$0].kind != .punctuation }.count
        guard words >= 1 else { return }
        let before = open > 0 ? t[open - 1] : nil
        let startsClause = before == nil || t[open].has(.sentenceStart) || t[open].has(.lineStart)
            || (before!.kind == .punctuation && (before!.first == 44 || before!.first == 58))
        let kind: Quote.Kind = startsClause && words >= 4 ? .direct : .partial
        // The sentences the quote touches, and the ones around it for a quote that is a sentence.
        let first = Int(sentenceOf[open] >= 0 ? sentenceOf[open] : sentenceOf[a])
        let last = Int(sentenceOf[close - 1] >= 0 ? sentenceOf[close - 1] : Int32(first))
        var candidates: [Attribution] = []
        if first >= 0 {
            for n in first...max(first, last) where n < attributions.count { candidates += attributions[n] }
        }
        candidates.removeAll { $0.verb > open && $0.verb < close }
        if candidates.isEmpty, first >= 0, kind == .direct {
            if last + 1 < attributions.count { candidates += attributions[last + 1].filter { $0.verb - close < 12 } }
        }
        var best: Attribution?
        var bestDistance = Int.max
        for c in candidates where c.subject != nil {
            let d = c.verb < open ? open - c.verb : c.verb - close + 1
            if d < bestDistance { best = c; bestDistance = d }
        }
        var speaker: Quote.Speaker?
        if let best, let r = best.subject { speaker = resolve(doc, r, before: open, descriptions, report.entities) }
        // `"A," Trump implored. "Make sure you vote."`, or a quote that opens the next paragraph:
        // a direct quote with no attribution of its own goes on with the last speaker quoted.
        if kind == .direct, speaker == nil, best == nil, let previous, paragraph - previous.paragraph <= 1 {
            speaker = Quote.Speaker(name: previous.speaker.name, entity: previous.speaker.entity, mention: nil)
        }
        if startsClause, let speaker { previous = (paragraph, speaker) }
        let text = doc.text(Int(t[a].start), Int(t[b - 1].end))
        report.quotes.append(Quote(text: text, start: Int(t[a].start), end: Int(t[b - 1].end), kind: kind,
                                   verb: best.map { doc.text(tokens: $0.verb..<($0.verb + 1)) }, speaker: speaker))
    }

    /// Attribution verbs of a sentence (outside quotation marks) with their subjects.
    private func attributionsIn(_ doc: Document, _ s: Range<Int>) -> [Attribution] {
        let t = doc.tokens
        var out: [Attribution] = []
        var inQuote = false
        for i in s {
            if t[i].kind == .punctuation, t[i].has(.quote), t[i].first != 0x2019 || t[i].has(.spaceBefore) {
                let v = t[i].first
                inQuote = v == 0x201C || v == 0x201E ? true : v == 0x201D ? false : !inQuote
                continue
            }
            // Lowercase, but for "According to X, ..." opening the sentence.
            guard !inQuote, doc.lex[i].contains(.speechVerb), t[i].has(.lowercase) || i == s.lowerBound && t[i].lower == Self.h.according else { continue }
            var subject: Range<Int>?
            if t[i].lower == Self.h.according {
                if i + 2 < s.upperBound, t[i + 1].lower == Self.h.to { subject = phraseAfter(doc, i + 2, s) }
            } else if t[i].lower == Self.h.saying, i >= 2, t[i - 1].lower == Self.h.as,
                      let q = (s.lowerBound..<i).last(where: { t[$0].lower == Self.h.quoted }) {
                subject = q + 1 < i - 1 ? (q + 1)..<(i - 1) : nil
            } else {
                subject = phraseBefore(doc, i, s)
                let afterComma = i > s.lowerBound && (doc.isPunct(i - 1, 44) || (t[i - 1].has(.quote) && i >= 2 && doc.isPunct(i - 2, 44)))
                // "adding that ...": a participle after a comma keeps the subject of the verb before.
                if subject == nil, afterComma, isParticiple(doc, i), let prev = out.last?.subject { subject = prev }
                // "..., said Smith." / "\"...,\" said the minister.": the subject follows the verb.
                if subject == nil, afterComma || (i > s.lowerBound && t[i - 1].has(.quote)), Self.h.inverting.contains(t[i].lower) {
                    subject = phraseAfter(doc, i + 1, s, closed: true)
                }
            }
            out.append(Attribution(verb: i, subject: subject))
        }
        return out
    }

    private func isParticiple(_ doc: Document, _ i: Int) -> Bool {
        let tok = doc.tokens[i]
        guard tok.length > 4 else { return false }
        let e = Int(tok.end)
        return doc.scalars[e - 3] == "i" && doc.scalars[e - 2] == "n" && doc.scalars[e - 1] == "g"
    }

    /// The noun phrase right before a verb, back to a comma, a quote or a clause word.
    private func phraseBefore(_ doc: Document, _ verb: Int, _ s: Range<Int>) -> Range<Int>? {
        let t = doc.tokens
        var end = verb
        while end > s.lowerBound, Self.h.aux.contains(t[end - 1].lower) || doc.isAdverb(end - 1) || doc.lex[end - 1].contains(.calendar) { end -= 1 }
        var start = end
        while start > s.lowerBound, end - start < 10 {
            let p = start - 1
            if t[p].kind == .punctuation, !t[p].has(.possessive) { break }
            if Self.h.boundary.contains(t[p].lower) { break }
            if doc.lex[p].contains(.speechVerb), t[p].has(.lowercase) { break }
            start -= 1
        }
        guard start < end else { return nil }
        // Keep it to a noun phrase: it must hold a name, a pronoun or a source noun.
        let ok = (start..<end).contains { k in
            (t[k].has(.capitalized) && !doc.lex[k].contains(.stopword)) || Self.h.pronouns.contains(t[k].lower) || doc.lex[k].contains(.sourceNoun)
        }
        return ok ? start..<end : nil
    }

    /// The noun phrase right after a verb ("said the minister", "according to officials").
    private func phraseAfter(_ doc: Document, _ from: Int, _ s: Range<Int>, closed: Bool = false) -> Range<Int>? {
        let t = doc.tokens
        guard from < s.upperBound else { return nil }
        var end = from
        while end < s.upperBound, end - from < 10 {
            if t[end].kind == .punctuation, !t[end].has(.possessive) { break }
            if Self.h.boundary.contains(t[end].lower) && end > from { break }
            if doc.lex[end].contains(.speechVerb) { break }
            end += 1
        }
        guard end > from else { return nil }
        // An inverted subject ends the clause: "said the minister." not "reminded the Russians that".
        if closed, end < s.upperBound, t[end].kind != .punctuation { return nil }
        if Self.h.boundary.contains(t[from].lower) { return nil }
        let ok = (from..<end).contains { k in
            (t[k].has(.capitalized) && !doc.lex[k].contains(.stopword)) || Self.h.pronouns.contains(t[k].lower) || doc.lex[k].contains(.sourceNoun)
        }
        return ok ? from..<end : nil
    }

    /// The head noun of a description ("source" in "a senior source in the Office").
    private func head(_ doc: Document, _ r: Range<Int>) -> UInt64? {
        var end = r.upperBound
        if let p = r.first(where: { Self.h.prepositions.contains(doc.tokens[$0].lower) }), p > r.lowerBound { end = p }
        let k = end - 1
        guard doc.lex[k].contains(.sourceNoun), doc.entityAt.isEmpty || doc.entityAt[k] < 0 else { return nil }
        return doc.tokens[k].lower
    }

    private func isIndefinite(_ doc: Document, _ r: Range<Int>) -> Bool {
        let w = doc.tokens[r.lowerBound].lower
        return w == FNV.lowercased("a") || w == FNV.lowercased("an")
    }

    private func resolve(_ doc: Document, _ r: Range<Int>, before: Int, _ descriptions: [UInt64: Range<Int>], _ entities: [Entity]) -> Quote.Speaker {
        let t = doc.tokens
        let mention = doc.located(tokens: r)
        // A named entity in the subject (the last one: "the source in Olmert's office" is not Olmert).
        if let headEnd = head(doc, r).map({ _ in r.upperBound }), headEnd > 0, let d = descriptions[head(doc, r)!] {
            return Quote.Speaker(name: doc.text(tokens: d), entity: nil, mention: mention)
        }
        var entity = -1
        for k in r where doc.entityAt[k] >= 0 {
            let e = Int(doc.entityAt[k])
            if entities[e].type != .place, k + 1 >= r.upperBound || !t[k + 1].has(.possessive) { entity = e }
        }
        if entity >= 0 { return Quote.Speaker(name: entities[entity].name, entity: entity, mention: mention) }
        if r.count == 1, Self.h.pronouns.contains(t[r.lowerBound].lower) {
            var k = before
            while k > 0, before - k < 2_000 {
                k -= 1
                if doc.entityAt[k] >= 0, entities[Int(doc.entityAt[k])].type == .person {
                    let e = Int(doc.entityAt[k])
                    return Quote.Speaker(name: entities[e].name, entity: e, mention: mention)
                }
            }
        }
        return Quote.Speaker(name: mention.text, entity: nil, mention: mention)
    }
}
