/// Finds copy-editing faults in the body: stuttered words ("the the", "elected who was
/// elected"), a clause written twice close together (a half-deleted edit), sentences that
/// appear twice, and surnames spelled unlike the person's (which the entity pass links).
/// (Repeated caption lines are found by the structure pass.)
struct CopyEditPass {
    static let glue = Set(["who", "which", "that", "was", "is", "were", "are", "been", "has", "had", "be"].map { FNV.lowercased($0) })
    /// Words that legitimately come twice in a row ("had had", "that that").
    static let doubles = Set(["had", "that", "is", "do", "very", "bye", "ha", "no", "so", "far", "more", "really"].map { FNV.lowercased($0) })

    func run(_ doc: inout Document, _ report: inout AnalysisReport) {
        let t = doc.tokens
        var issues: [CopyIssue] = []
        for p in doc.paragraphs {
            // Words of the paragraph, without punctuation.
            let words = p.filter { t[$0].kind != .punctuation && !t[$0].has(.possessive) }
            for (n, i) in words.enumerated() {
                let w = t[i].lower
                guard t[i].kind == .word else { continue }
                if n + 1 < words.count, t[words[n + 1]].lower == w, !Self.doubles.contains(w), words[n + 1] == i + 1 {
                    issues.append(CopyIssue(kind: .stutteredWord, spans: [doc.span(tokens: i..<(i + 1)), doc.span(tokens: (i + 1)..<(i + 2))],
                                            text: doc.text(tokens: i..<(i + 2)), message: "word repeated"))
                    continue
                }
                // "elected who was elected": a word, a relative clause's glue, the word again.
                guard t[i].length >= 4, !doc.lex[i].contains(.stopword) else { continue }
                var k = n + 1
                while k < words.count, k - n <= 3, Self.glue.contains(t[words[k]].lower) { k += 1 }
                if k > n + 1, k < words.count, t[words[k]].lower == w, words[k] - i == k - n {
                    let r = i..<(words[k] + 1)
                    issues.append(CopyIssue(kind: .stutteredWord, spans: [doc.span(tokens: i..<(i + 1)), doc.span(tokens: words[k]..<(words[k] + 1))],
                                            text: doc.text(tokens: r), message: "word repeated around a relative clause"))
                }
            }
            duplicatedClauses(doc, words, &issues)
        }
        // A person's surname spelled two ways: once for each spelling.
        var spellings: Set<String> = []
        for (name, variant) in doc.misspelledNames where spellings.insert(doc.text(tokens: variant)).inserted {
            issues.append(CopyIssue(kind: .misspelledName, spans: [doc.span(tokens: name), doc.span(tokens: variant)], text: doc.text(tokens: variant),
                                    message: "spelled \"\(doc.text(tokens: (name.upperBound - 1)..<name.upperBound))\" where the person is introduced"))
        }
        // Sentences that appear twice anywhere in the body.
        var seen: [UInt64: Int] = [:]
        for (n, s) in doc.sentences.enumerated() where s.count >= 6 {
            var h = FNV.offset
            for k in s { h = FNV.combine(h, t[k].lower) }
            if let first = seen[h] {
                issues.append(CopyIssue(kind: .duplicatedSentence, spans: [doc.span(tokens: doc.sentences[first]), doc.span(tokens: s)],
                                        text: doc.text(tokens: s), message: "sentence appears twice"))
            } else {
                seen[h] = n
            }
        }
        report.issues.append(contentsOf: issues)
        report.issues.sort { ($0.spans.first ?? Span(start: 0, end: 0)) < ($1.spans.first ?? Span(start: 0, end: 0)) }
    }

    /// A run of at least four words (two of them not function words) that comes again within
    /// 25 words: the first draft of a clause left in front of its rewrite.
    private func duplicatedClauses(_ doc: Document, _ words: [Int], _ issues: inout [CopyIssue]) {
        let t = doc.tokens
        let n = 4
        guard words.count >= 2 * n else { return }
        // The last 32 four-word hashes, in a ring: only a repeat within 25 words matters.
        var ring = [UInt64](repeating: 0, count: 32)
        var skipUntil = 0
        for j in 0...(words.count - n) {
            var h = FNV.offset
            for k in j..<(j + n) { h = FNV.combine(h, t[words[k]].lower) }
            defer { ring[j & 31] = h }
            guard j >= skipUntil else { continue }
            var found = -1
            var d = n
            while d <= min(25, j) {
                if ring[(j - d) & 31] == h { found = j - d; break }
                d += 1
            }
            guard found >= 0 else { continue }
            let p = found
            var len = n
            while j + len < words.count, p + len < j, t[words[p + len]].lower == t[words[j + len]].lower { len += 1 }
            let content = (j..<(j + len)).filter { !doc.lex[words[$0]].contains(.stopword) }.count
            guard content >= 2 else { continue }
            // The abandoned draft runs from its clause's start to where the rewrite begins.
            var a = words[p]
            var lo = 0, hi = doc.sentences.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if doc.sentences[mid].upperBound <= a { lo = mid + 1 } else { hi = mid }
            }
            let sentence = lo < doc.sentences.count && doc.sentences[lo].contains(a) ? doc.sentences[lo] : nil
            if let s = sentence, words[p] - s.lowerBound <= 8 { a = s.lowerBound }
            let draft = a..<words[j]
            let rewrite = words[j]..<(words[j + len - 1] + 1)
            issues.append(CopyIssue(kind: .duplicatedClause, spans: [doc.span(tokens: draft), doc.span(tokens: rewrite)],
                                    text: doc.text(tokens: draft), message: "clause written twice; the first draft was left in"))
            skipUntil = j + len
        }
    }
}
