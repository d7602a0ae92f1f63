/// Key phrases in the spirit of RAKE, with names merged: candidates are runs of content words
/// (stopwords, generic words, numbers, dates and punctuation end them) and entity mentions
/// (one candidate per entity, under its canonical name). A phrase scores by where it occurs
/// (headline ×3, dek ×2, lead sentences ×1.5, elsewhere ×1), longer phrases a little more, plus
/// half the recurrences of its words elsewhere; entities by their mentions the same way, ×1.5.
/// Words already inside a better phrase are not repeated alone.
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
        let leadEnd = doc.sentences.count > 2 ? doc.sentences[1].upperBound : (doc.sentences.last?.upperBound ?? 0)

        func add(_ r: Range<Int>, _ w: Double) {
            guard !r.isEmpty else { return }
            if r.count > Self.maximumWords {
                for k in r { add(k..<(k + 1), w) }
                return
            }
            var key = FNV.offset
            for k in r { key = FNV.combine(key, doc.stem(k)) }
            guard let n = index[key] else {
                index[key] = candidates.count
                candidates.append(Candidate(words: r.map { doc.stem($0) }, count: 1, weight: w, first: r))
                return
            }
            candidates[n].count += 1
            candidates[n].weight += w
            // Prefer a mid-sentence occurrence for the written form (no capital from position alone).
            if t[candidates[n].first.lowerBound].has(.sentenceStart), !t[r.lowerBound].has(.sentenceStart) { candidates[n].first = r }
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
                var support = 0.0
                for w in c.words { support += Double(max(0, (wordCount[w] ?? 0) - c.count)) }
                score = c.weight * (1 + 0.5 * Double(c.words.count - 1)) + 0.5 * support / Double(c.words.count)
                // A lone word seen once outside the headline is no keyword.
                if c.words.count == 1, c.count == 1, c.weight < 2 { continue }
            }
            scored.append((c, score))
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.first.lowerBound < $1.0.first.lowerBound }
        var chosen: [(Candidate, Double)] = []
        var covered = Set<UInt64>()
        for (c, s) in scored where chosen.count < Self.maximum {
            if c.entity < 0, c.words.count == 1, covered.contains(c.words[0]) { continue }
            chosen.append((c, s))
            for w in c.words { covered.insert(w) }
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
