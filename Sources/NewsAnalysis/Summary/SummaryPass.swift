/// Extractive summary: the first `length` body sentences that read as sentences, in text
/// order. Body sentences only, so never a headline, caption, credit or contributor note; a
/// sentence under six words or without closing punctuation (a subheading, a "Share this" or
/// "Updated 3:45 pm" line inside the body) is passed over, and so is one whose content words
/// repeat four fifths of a sentence already taken.
///
/// Why lead-first: on news, the lead is the summary the writer already made. On
/// `gum_news_dev.jsonl` every content signal tried on top of position (overlap with the
/// headline, centrality, entity salience, a penalty for quoted speech) lowered ROUGE; the
/// measured ablation is in `Tools/README.md`. A sentence's `score` is its lead prior,
/// 1 / sqrt(1 + index).
struct SummaryPass {
    let length: Int
    static let minimumWords = 6

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        let t = doc.tokens
        let sentences = doc.sentences
        guard length > 0, !sentences.isEmpty else { return }
        var chosen: [Int] = []
        var chosenWords: [Set<UInt64>] = []
        for (n, s) in sentences.enumerated() where chosen.count < length {
            let wordCount = s.reduce(0) { $0 + (t[$1].kind == .punctuation ? 0 : 1) }
            guard wordCount >= Self.minimumWords, closes(doc, s) else { continue }
            var words = Set<UInt64>()
            for k in s where doc.isContent(k) || doc.entityAt[k] >= 0 && t[k].kind == .word && !t[k].has(.possessive) { words.insert(doc.stem(k)) }
            if !words.isEmpty, chosenWords.contains(where: { Double($0.intersection(words).count) >= 0.8 * Double(words.count) }) { continue }
            chosen.append(n)
            chosenWords.append(words)
        }
        if chosen.isEmpty { chosen = Array(sentences.indices.prefix(length)) }
        report.summary = chosen.map { n in
            let located = doc.located(tokens: sentences[n])
            return SummarySentence(text: located.text, start: located.start, end: located.end, sentence: n,
                                   score: (1000 / (1 + Double(n)).squareRoot()).rounded() / 1000)
        }
    }

    /// Ends in ".", "!", "?" or "…", perhaps inside a closing quote or bracket.
    private func closes(_ doc: Document, _ s: Range<Int>) -> Bool {
        var k = s.upperBound - 1
        while k > s.lowerBound, doc.tokens[k].kind == .punctuation, doc.tokens[k].has(.quote) || doc.tokens[k].first == 41 { k -= 1 }
        let tok = doc.tokens[k]
        if tok.has(.endsWithPeriod) { return true }
        guard tok.kind == .punctuation else { return false }
        let v = tok.first
        return v == 46 || v == 33 || v == 63 || v == 0x2026
    }
}
