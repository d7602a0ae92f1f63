/// Extractive summary: the body sentences ``SummaryModel`` scores highest, in text order.
/// Body sentences only, so never a headline, dek, caption, credit, date line, byline or
/// contributor note; ``SummaryCandidates`` passes over fragments, near-duplicates and
/// sentences that lean on a predecessor left out. A sentence's `score` is the model's.
struct SummaryPass {
    let length: Int
    let model: SummaryModel

    /// Sets the report's summary; `forTraining` also returns what it chose from, with every
    /// feature and each sentence's text (``Analyzer/summaryCandidates(_:)``).
    func run(_ doc: Document, _ report: inout AnalysisReport, forTraining: Bool) -> SummaryCandidates? {
        guard length > 0 || forTraining, !doc.sentences.isEmpty else { return nil }
        let found = SummaryCandidates(doc, report, withTexts: forTraining, leadOnlyFor: forTraining ? nil : model, length: length)
        report.summary = found.select(model, count: length).map { n in
            let located = doc.located(tokens: doc.sentences[n])
            return SummarySentence(text: located.text, start: located.start, end: located.end, sentence: n,
                                   score: (found.score(model, n) * 1000).rounded() / 1000)
        }
        return forTraining ? found : nil
    }
}
