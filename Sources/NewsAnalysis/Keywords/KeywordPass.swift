/// Key phrases in the spirit of RAKE, with names merged: candidates are the n-grams (up to four
/// words) of runs of content words (stopwords, generic words, action verbs, titles, numbers,
/// dates and punctuation end a run) and entity mentions (one candidate per entity, under its
/// canonical name). A phrase scores by where it occurs (headline ×3, dek ×2, lead sentences
/// ×1.5, elsewhere ×1), × (1 + 0.5 per extra word) (× 0.5 for a single word), plus half the
/// recurrences of its words elsewhere; a phrase must recur, a single word seen once must be in
/// the headline or dek, and a nationality word alone is dropped; entities
/// score by their mentions the same way, ×1.5. A phrase inside a better one, or holding one,
/// is not listed.
struct KeywordPass {
    static let maximum = 10
    static let maximumWords = 4

    private struct Candidate {
        var words: [UInt64]
        var count = 0
        var weight = 0.0
        var first: Range<Int>
        var entity: Int = -1
    }

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        let t = doc.tokens
        var candidates: [Candidate] = []
        var index: [UInt64: Int] = [:]
        var wordCount: [UInt64: Int] = [:]
        index.reserveCapacity(doc.tokens.count)
        candidates.reserveCapacity(doc.tokens.count)
        wordCount.reserveCapacity(doc.tokens.count / 2)
        let leadEnd = doc.sentences.count > 2 ? doc.sentences[1].upperBound : (doc.sentences.last?.upperBound ?? 0)

        /// Counts every contiguous n-gram (up to four words) of a run of content words, so that
        /// "wheat harvest" inside "drought cuts wheat harvest" is seen each time it recurs.
        func add(_ r: Range<Int>, _ w: Double) {
            for a in r {
                var key = FNV.offset
                for b in a..<min(a + Self.maximumWords, r.upperBound) {
                    key = FNV.combine(key, doc.stem(b))
                    if let n = index[key] {
                        candidates[n].count += 1
                        candidates[n].weight += w
                        // Prefer a mid-sentence occurrence for the written form (no capital from position alone).
                        if t[candidates[n].first.lowerBound].has(.sentenceStart), !t[a].has(.sentenceStart) { candidates[n].first = a..<(b + 1) }
                    } else {
                        index[key] = candidates.count
                        candidates.append(Candidate(words: (a...b).map { doc.stem($0) }, count: 1, weight: w, first: a..<(b + 1)))
                    }
                }
            }
        }
        func scan(_ r: Range<Int>, _ base: Double) {
            var start = -1
            for k in r.lowerBound...r.upperBound {
                let w = k < leadEnd && base == 1 ? 1.5 : base
                if k < r.upperBound, doc.entityAt[k] >= 0 {
                    if start >= 0 { add(start..<k, w); start = -1 }
                    let e = Int(doc.entityAt[k])
                    if k == r.lowerBound || doc.entityAt[k - 1] != doc.entityAt[k] {
                        let key = UInt64(e) | 1 << 63
                        if let n = index[key] {
                            candidates[n].count += 1
                            candidates[n].weight += w
                        } else {
                            index[key] = candidates.count
                            candidates.append(Candidate(words: [], count: 1, weight: w, first: k..<(k + 1), entity: e))
                        }
                    }
                    continue
                }
                // Verbs of the action list and titles ("Prime Minister") are not subjects.
                let content = k < r.upperBound && doc.isContent(k) && !(doc.meaning[k].action != 0 && doc.meaning[k].trigger == .verb && t[k].has(.lowercase))
                    && !(doc.lex[k].contains(.title) && !t[k].has(.lowercase))
                if content { wordCount[doc.stem(k), default: 0] += 1 }
                // A participle or gerund inside a run starts a new phrase ("team left", "Olmert raised").
                let breaks = content && start >= 0 && t[k].has(.lowercase) && isVerbForm(doc, k)
                if !content || breaks {
                    if start >= 0 { add(start..<k, w) }
                    start = content ? k : -1
                } else if start < 0 {
                    start = k
                }
            }
        }
        for n in doc.lines.indices {
            if doc.roles[n] == .headline { scan(doc.lines[n].tokens, 3) }
            if doc.roles[n] == .subheadline { scan(doc.lines[n].tokens, 2) }
        }
        for p in doc.paragraphs { scan(p, 1) }

        var scored: [(Candidate, Double)] = []
        for c in candidates {
            var score: Double
            if c.entity >= 0 {
                score = c.weight * 1.5
            } else {
                // A phrase seen once only in the body is no keyword; only a recurring phrase earns
                // its length bonus.
                if c.count == 1, c.weight < 2 || c.words.count > 1 { continue }
                // A nationality alone ("Russian") is no subject.
                if c.words.count == 1, doc.lex[c.first.lowerBound].contains(.demonym) { continue }
                var support = 0.0
                for w in c.words { support += Double(max(0, (wordCount[w] ?? 0) - c.count)) }
                // Single words count half: a phrase is the better keyword unless the word is
                // twice as frequent.
                let length = c.words.count == 1 ? 0.5 : 1 + 0.5 * Double(c.words.count - 1)
                score = c.weight * length + 0.5 * support / Double(c.words.count)
            }
            scored.append((c, score))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.first.lowerBound < $1.0.first.lowerBound }
        // Best first; a phrase inside a chosen one, or holding one, adds nothing new.
        var chosen: [(Candidate, Double)] = []
        var chosenWords: [Set<UInt64>] = []
        for (c, s) in scored where chosen.count < Self.maximum {
            if c.entity < 0 {
                let words = Set(c.words)
                if chosenWords.contains(where: { $0.isSubset(of: words) || words.isSubset(of: $0) }) { continue }
                chosenWords.append(words)
            }
            chosen.append((c, s))
        }
        let top = chosen.first?.1 ?? 1
        report.keywords = chosen.map { c, s in
            let text = c.entity >= 0 ? report.entities[c.entity].name : phraseText(doc, c.first)
            return Keyword(text: text, score: (s / top * 1000).rounded() / 1000, count: c.count, entity: c.entity >= 0 ? c.entity : nil)
        }
    }

    /// The phrase as written, lowercased unless its words are names or acronyms.
    private func phraseText(_ doc: Document, _ r: Range<Int>) -> String {
        let text = doc.text(tokens: r)
        let t = doc.tokens
        let keep = r.contains { k in t[k].has(.allCaps) || (t[k].has(.capitalized) && !t[k].has(.sentenceStart) && !t[k].has(.lineStart)) }
        return keep ? text : text.lowercased()
    }

    /// Lowercase words ending in "-ed" or "-ing": verbs more often than not.
    private func isVerbForm(_ doc: Document, _ k: Int) -> Bool {
        let tok = doc.tokens[k]
        guard tok.length > 4 else { return false }
        let e = Int(tok.end), s = doc.scalars
        return (s[e - 2] == "e" && s[e - 1] == "d") || (s[e - 3] == "i" && s[e - 2] == "n" && s[e - 1] == "g")
    }
}
