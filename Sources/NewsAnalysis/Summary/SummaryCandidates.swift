/// The body sentences a summary may take, with their ``SentenceFeatures``: what
/// ``SummaryPass`` chooses from, and what `copydesk bench summary` trains and
/// cross-validates on (``Analyzer/summaryCandidates(_:)``).
public struct SummaryCandidates: Sendable {
    /// Each body sentence's text, in text order (filled for training only:
    /// ``Analyzer/summaryCandidates(_:)``).
    public let texts: [String]
    /// Features of each sentence (``SummaryModel/featureNames``).
    public let rows: [[Double]]
    /// Whether a sentence may be chosen at all: six words or more, ending as a sentence does
    /// (so no subheading, "Share this" or "Updated 3:45 pm" line).
    public let eligible: [Bool]
    /// Sentences that lean on the one before ("He added that ...", "But ..."): chosen only
    /// together with it.
    let leaning: [Bool]
    /// Content stems of each sentence, sorted, for the near-duplicate check.
    let words: [[UInt64]]
    /// Reported news: a date line, a byline or attributed speech in the lead (``SummaryModel``).
    public let reported: Bool

    /// An article with no body sentences.
    static let none = SummaryCandidates(texts: [], rows: [], eligible: [], leaning: [], words: [], reported: false)

    static let minimumWords = 6
    /// Sentences of the lead where attributed speech marks reported news.
    static let leadSentences = 3
    /// First words of a sentence that leans on the one before.
    static let leaningWords = Set(["he", "she", "it", "they", "this", "that", "these", "those", "but", "however", "also", "and", "so",
                                   "then", "meanwhile", "still", "yet", "instead", "moreover", "furthermore", "such"].map { FNV.lowercased($0) })
    /// A sentence whose content words are this share of a chosen one's is a near-duplicate.
    static let duplicateShare = 0.8

    private init(texts: [String], rows: [[Double]], eligible: [Bool], leaning: [Bool], words: [[UInt64]], reported: Bool) {
        (self.texts, self.rows, self.eligible, self.leaning, self.words, self.reported) = (texts, rows, eligible, leaning, words, reported)
    }

    /// - Parameter leadOnlyFor: The model about to choose: when it weighs only the lead for
    ///   this article, only the lead prior and the stems of the first sentences are worked out
    ///   (the choice cannot reach further), which keeps reported news as cheap as before the
    ///   features. `nil` (training) works everything out.
    init(_ doc: Document, _ report: AnalysisReport, withTexts: Bool, leadOnlyFor model: SummaryModel? = nil, length: Int = 0) {
        let t = doc.tokens
        // Reported news: a date line, a byline, or attributed speech in the lead ("..., a
        // senior source said Tuesday").
        let reported = report.dateLine != nil || report.byline != nil
            || doc.sentences.prefix(Self.leadSentences).contains { s in s.contains { doc.lex[$0].contains(.speechVerb) } }
        self.reported = reported
        if let model, model.weighsOnlyTheLead(reported: reported) {
            (rows, words) = SentenceFeatures.leadRows(doc, stemsFor: Self.leadSentencesConsidered(length))
        } else {
            (rows, words) = SentenceFeatures.rows(doc)
        }
        var texts: [String] = [], eligible: [Bool] = [], leaning: [Bool] = []
        for (n, s) in doc.sentences.enumerated() {
            if withTexts { texts.append(doc.text(tokens: s)) }
            let wordCount = s.reduce(0) { $0 + (t[$1].kind == .punctuation ? 0 : 1) }
            eligible.append(wordCount >= Self.minimumWords && Self.closes(doc, s) && !Self.isNote(doc, s))
            leaning.append(n > 0 && Self.leaningWords.contains(t[s.lowerBound].lower))
        }
        self.texts = texts
        self.eligible = eligible
        self.leaning = leaning
    }

    /// Sentences the lead choice of `length` may look at: enough for fragments and
    /// near-duplicates passed over; later sentences have no stems and are never duplicates.
    static func leadSentencesConsidered(_ length: Int) -> Int { 4 * length + 8 }

    /// `model`'s score of sentence `n`.
    func score(_ model: SummaryModel, _ n: Int) -> Double { model.score(rows[n], reported: reported) }

    /// The `count` best sentences by `model`, in text order: never a near-duplicate of one
    /// already chosen, never one that leans on a predecessor left out. With no eligible
    /// sentence, the first ones.
    public func select(_ model: SummaryModel, count: Int) -> [Int] {
        let scores = rows.indices.map { score(model, $0) }
        let order = eligible.indices.filter { eligible[$0] }.sorted { scores[$0] > scores[$1] || scores[$0] == scores[$1] && $0 < $1 }
        var chosen: [Int] = []
        for n in order where chosen.count < count {
            if leaning[n], !chosen.contains(n - 1) { continue }
            if !words[n].isEmpty, chosen.contains(where: { Double(Self.shared(words[$0], words[n])) >= Self.duplicateShare * Double(words[n].count) }) { continue }
            chosen.append(n)
        }
        return chosen.isEmpty ? Array(eligible.indices.prefix(count)) : chosen.sorted()
    }

    /// Stems two sorted lists share.
    private static func shared(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    /// The first `count` eligible sentences: the lead, as a baseline.
    public func lead(count: Int) -> [Int] {
        let lead = eligible.indices.filter { eligible[$0] }.prefix(count)
        return lead.isEmpty ? Array(eligible.indices.prefix(count)) : Array(lead)
    }

    /// A note about the article or the site, not the story: "This story was originally
    /// published in …", "A version of this article appeared …", "Read more …", "Sign up for …".
    private static func isNote(_ doc: Document, _ s: Range<Int>) -> Bool {
        let t = doc.tokens
        let words = Array(s.lazy.filter { t[$0].kind == .word }.prefix(Self.noteReach).map { t[$0].lower })
        guard let first = words.first else { return false }
        if words.count >= 2, Self.promptOpenings.contains(FNV.combine(first, words[1])) { return true }
        return (first == Self.noteWords.this || first == Self.noteWords.a) && words.contains(where: Self.noteWords.pieces.contains)
            && words.contains(where: Self.noteWords.appeared.contains)
    }

    /// Words of a note's opening that are read.
    static let noteReach = 8
    private static let noteWords = (
        this: FNV.lowercased("this"), a: FNV.lowercased("a"),
        pieces: Set(["story", "article", "piece", "post", "column", "essay", "interview"].map { FNV.lowercased($0) }),
        appeared: Set(["originally", "appeared", "republished", "reprinted"].map { FNV.lowercased($0) })
    )
    /// Two-word openings that ask the reader to do something.
    private static let promptOpenings = Set([("read", "more"), ("sign", "up"), ("click", "here"), ("follow", "us"), ("subscribe", "to"), ("read", "also")]
        .map { FNV.combine(FNV.lowercased($0.0), FNV.lowercased($0.1)) })

    /// Ends in ".", "!", "?" or "…", perhaps inside a closing quote or bracket.
    private static func closes(_ doc: Document, _ s: Range<Int>) -> Bool {
        var k = s.upperBound - 1
        while k > s.lowerBound, doc.tokens[k].kind == .punctuation, doc.tokens[k].has(.quote) || doc.tokens[k].first == 41 { k -= 1 }
        let tok = doc.tokens[k]
        if tok.has(.endsWithPeriod) { return true }
        guard tok.kind == .punctuation else { return false }
        let v = tok.first
        return v == 46 || v == 33 || v == 63 || v == 0x2026
    }
}
