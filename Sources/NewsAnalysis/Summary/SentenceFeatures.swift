/// What the summary weighs each body sentence by: where it stands, whether it is short, how
/// much of the article's vocabulary and headline it carries, and whether it speaks in the
/// first person. Every value is on a scale comparable across articles (a share, a flag, or a
/// ratio to the article's best), so weights learnt on some genres apply to others. Tried and
/// dropped because no cross-validated weight came of them: length, the salience of the
/// names in a sentence, quotation marks, questions, opening a paragraph.
enum SentenceFeatures {
    /// Names of the features, in the order of each row; ``SummaryModel`` weights follow it.
    static let names = ["lead", "short", "centrality", "headline", "firstPerson"]

    static let firstPerson = Set(["i", "we", "me", "my", "our", "us", "you", "your", "i'm", "we're", "you're"].map { FNV.lowercased($0) })

    /// The lead prior alone for every sentence, and the stems of the first `count`.
    static func leadRows(_ doc: Document, stemsFor count: Int) -> (rows: [[Double]], stems: [[UInt64]]) {
        let rows = doc.sentences.indices.map { i in [1 / (1 + Double(i)).squareRoot()] + [Double](repeating: 0, count: names.count - 1) }
        let stems = doc.sentences.enumerated().map { i, s in i < count ? contentStems(doc, s) : [] }
        return (rows, stems)
    }

    /// A sentence's content stems, sorted, each once.
    static func contentStems(_ doc: Document, _ s: Range<Int>) -> [UInt64] {
        var stems: [UInt64] = []
        for k in s where doc.isContent(k) { stems.append(doc.stem(k)) }
        stems.sort()
        return stems.enumerated().compactMap { $0.offset > 0 && stems[$0.offset - 1] == $0.element ? nil : $0.element }
    }

    /// One row per sentence of `doc`, in text order, and each sentence's content stems
    /// (sorted, each once). Needs ``Document/prepareContent()``.
    static func rows(_ doc: Document) -> (rows: [[Double]], stems: [[UInt64]]) {
        let t = doc.tokens
        let sentences = doc.sentences
        guard !sentences.isEmpty else { return ([], []) }
        // The article's vocabulary: content stems and how many sentences use each.
        var stemsOf: [[UInt64]] = []
        stemsOf.reserveCapacity(sentences.count)
        var spread: [UInt64: Double] = [:]
        spread.reserveCapacity(t.count / 2)
        for s in sentences {
            let stems = contentStems(doc, s)
            stemsOf.append(stems)
            for stem in stems { spread[stem, default: 0] += 1 }
        }
        var headline = Set<UInt64>()
        for n in doc.lines.indices where doc.roles[n] == .headline || doc.roles[n] == .subheadline {
            for k in doc.lines[n].tokens where doc.isContent(k) { headline.insert(doc.stem(k)) }
        }
        // Centrality: the share of the article's repeated vocabulary a sentence holds.
        let central = stemsOf.map { stems in stems.reduce(0.0) { $0 + (spread[$1]! - 1) } / Double(max(stems.count, 1)).squareRoot() }
        let topCentral = max(central.max() ?? 0, 1e-9)
        var rows: [[Double]] = []
        rows.reserveCapacity(sentences.count)
        for (i, s) in sentences.enumerated() {
            var words = 0
            var firstPerson = false
            for k in s where t[k].kind != .punctuation {
                words += 1
                if t[k].length <= 6, Self.firstPerson.contains(t[k].lower) { firstPerson = true }
            }
            let stems = stemsOf[i]
            let onHeadline = headline.isEmpty ? 0 : Double(stems.filter(headline.contains).count) / Double(headline.count)
            rows.append([
                1 / (1 + Double(i)).squareRoot(),
                words < 10 ? 1 : 0,
                central[i] / topCentral,
                onHeadline,
                firstPerson ? 1 : 0,
            ])
        }
        return (rows, stemsOf)
    }
}
