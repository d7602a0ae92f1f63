import Foundation

/// Turns one article into an ``AnalysisReport``. Create one per process (it loads the
/// gazetteer, name lists and tagger weights once, about 30 MB) and share it between threads:
/// it holds no mutable state.
///
/// One tokenisation feeds every pass, in this order: structure (lines, headline, captions,
/// paragraphs, sentences, contributors), language, entities, quotes, copy-editing issues.
/// Later passes (dates, amounts, keywords, ...) take the same `Document`.
public final class Analyzer: Sendable {
    /// What a caller may tune per analyzer.
    public struct Options: Sendable, Hashable {
        /// Sentences in the extractive summary.
        public var summarySentences: Int
        /// Run part 2's passes (dates, amounts, keywords, summary, tone, topics, events); off
        /// gives part 1's report alone, for comparison and for callers that need only that.
        public var meaning: Bool

        /// Weights the summary scores sentences by.
        public var summaryModel: SummaryModel

        public init(summarySentences: Int = 3, meaning: Bool = true, summaryModel: SummaryModel = .shipped) {
            self.summarySentences = summarySentences
            self.meaning = meaning
            self.summaryModel = summaryModel
        }
    }

    public static let version = "0.3.0"
    /// Longest text analysed by default, in code points (about 16 MB of English).
    public static let defaultMaximumScalars = 16_000_000

    let lexicon: Lexicon
    let tagger: TaggerModel
    public let options: Options
    /// Texts longer than this, in code points, throw ``AnalysisError/tooLarge(scalars:limit:)``.
    public let maximumScalars: Int

    /// Loads the bundled resources.
    public convenience init() throws {
        try self.init(tagger: nil)
    }

    /// Loads the bundled lexicon, with `tagger` instead of the bundled weights when given.
    public convenience init(tagger: TaggerModel?, maximumScalars: Int = Analyzer.defaultMaximumScalars, options: Options = Options()) throws {
        let lexicon = try Lexicon.bundled()
        self.init(lexicon: lexicon, tagger: try tagger ?? TaggerModel.bundled(), maximumScalars: maximumScalars, options: options)
    }

    init(lexicon: Lexicon, tagger: TaggerModel, maximumScalars: Int, options: Options) {
        self.lexicon = lexicon
        self.tagger = tagger
        self.maximumScalars = maximumScalars
        self.options = options
    }

    /// The same analyzer with other tagger weights (cross-validation trains one per fold).
    public func with(tagger: TaggerModel) -> Analyzer {
        Analyzer(lexicon: lexicon, tagger: tagger, maximumScalars: maximumScalars, options: options)
    }

    /// The same analyzer (sharing its loaded resources) with other options.
    public func with(options: Options) -> Analyzer {
        Analyzer(lexicon: lexicon, tagger: tagger, maximumScalars: maximumScalars, options: options)
    }

    /// Trains tagger weights on gold entity spans with this analyzer's lexicon and gazetteer.
    public func trainTagger(on examples: [TrainingExample], epochs: Int = 8, seed: UInt64 = 42) -> TaggerModel {
        var trainer = TaggerTrainer(lexicon: lexicon)
        for e in examples { trainer.add(text: e.text, entities: e.entities) }
        return trainer.train(epochs: epochs, seed: seed)
    }

    /// Analyses UTF-8 bytes as they arrived, checking and decoding them in one pass (no `String`
    /// first); throws ``AnalysisError/invalidUTF8(offset:)`` unless they are UTF-8.
    public func analyze(utf8 bytes: [UInt8], id: String? = nil, url: String? = nil, title: String? = nil, published: String? = nil) throws -> AnalysisReport {
        let began = ContinuousClock.now
        if bytes.count > maximumScalars * 4 {
            // Every code point starts with a byte that is not a continuation byte.
            throw AnalysisError.tooLarge(scalars: bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }, limit: maximumScalars)
        }
        let (scalars, invalidOffset) = bytes.withUnsafeBufferPointer { UTF8Scalars.decode($0) }
        if let invalidOffset { throw AnalysisError.invalidUTF8(offset: invalidOffset) }
        return try analyze(scalars: scalars, contentHash: Self.hash(bytes), id: id, url: url, title: title, published: published, began: began)
    }

    /// Analyses `article`; throws ``AnalysisError`` for input that is not an article.
    public func analyze(_ article: Article) throws -> AnalysisReport {
        let began = ContinuousClock.now
        let text = article.text
        if text.utf8.count > maximumScalars * 4 { throw AnalysisError.tooLarge(scalars: text.unicodeScalars.count, limit: maximumScalars) }
        // A native string lends its bytes, and the fast decoder reads them; it never fails on a String.
        let scalars = text.utf8.withContiguousStorageIfAvailable { UTF8Scalars.decode($0).scalars } ?? Array(text.unicodeScalars)
        return try analyze(scalars: scalars, contentHash: Self.hash(text.utf8), id: article.id, url: article.url, title: article.title, published: article.published, began: began)
    }

    /// The sentences the summary chose from for `article`, with their features: what
    /// `copydesk bench summary` trains ``SummaryModel`` weights and cross-validates on.
    public func summaryCandidates(_ article: Article) throws -> SummaryCandidates {
        try analysis(scalars: Array(article.text.unicodeScalars), contentHash: "", id: article.id, url: article.url, title: article.title,
                     published: article.published, began: .now, forTraining: true).summary ?? SummaryCandidates.none
    }

    /// The time each pass takes on `article`, in the order they run: what `copydesk bench
    /// analysis` prints as the passes' costs.
    public func passTimes(_ article: Article) throws -> [(pass: String, time: Duration)] {
        let clock = PassClock()
        _ = try analysis(scalars: Array(article.text.unicodeScalars), contentHash: "", id: article.id, url: article.url, title: article.title,
                         published: article.published, began: .now, forTraining: false, clock: clock)
        return clock.laps
    }

    func analyze(
        scalars: [Unicode.Scalar], contentHash: String, id: String?, url: String?, title: String?, published: String?,
        began: ContinuousClock.Instant, layout: TextLayout? = nil
    ) throws -> AnalysisReport {
        try analysis(scalars: scalars, contentHash: contentHash, id: id, url: url, title: title, published: published,
                     began: began, layout: layout, forTraining: false).report
    }

    /// The analysis itself, on the article's code points; `forTraining` also gives what the
    /// summary chose from; `clock`, when given, times each pass.
    private func analysis(
        scalars: [Unicode.Scalar], contentHash: String, id: String?, url: String?, title: String?, published: String?,
        began: ContinuousClock.Instant, layout: TextLayout? = nil, forTraining: Bool, clock: PassClock? = nil
    ) throws -> (report: AnalysisReport, summary: SummaryCandidates?) {
        if scalars.count > maximumScalars { throw AnalysisError.tooLarge(scalars: scalars.count, limit: maximumScalars) }
        var visible = 0, letters = 0
        for c in scalars where !Tokenizer.isSpace(c) {
            visible += 1
            if Tokenizer.isLetter(c) { letters += 1 }
        }
        if visible == 0 { throw AnalysisError.empty }
        if visible >= 50, letters * 4 < visible { throw AnalysisError.notText }

        var report = AnalysisReport(id: id, url: url, contentHash: contentHash, analyzerVersion: Self.version)
        clock?.start()
        var doc = Document(scalars: scalars, lexicon: lexicon)
        clock?.lap("tokens")
        StructurePass(lexicon: lexicon).run(&doc, &report, title: title, layout: layout)
        report.language = LanguageGuesser().guess(doc)
        clock?.lap("structure")
        if report.language == "en" || report.language == "und" {
            EntityPass(lexicon: lexicon, tagger: tagger).run(&doc, &report)
            clock?.lap("entities")
            QuotePass().run(&doc, &report)
            clock?.lap("quotes")
        }
        CopyEditPass().run(&doc, &report)
        clock?.lap("copy-editing")
        var summary: SummaryCandidates?
        if options.meaning, report.language == "en" || report.language == "und" {
            summary = runMeaningPasses(&doc, &report, published: published, forTraining: forTraining, clock: clock)
        }
        var words = 0
        for p in doc.paragraphs { for k in p where doc.tokens[k].kind != .punctuation && !doc.tokens[k].has(.possessive) { words += 1 } }
        report.counts = TextCounts(characters: scalars.count, words: words, sentences: doc.sentences.count, paragraphs: doc.paragraphs.count)
        let elapsed = ContinuousClock.now - began
        report.elapsedMicroseconds = Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        return (report, summary)
    }

    /// Part 2, over the same tokens and the meaning each token got in the document's one
    /// lexicon lookup.
    private func runMeaningPasses(_ doc: inout Document, _ report: inout AnalysisReport, published: String?, forTraining: Bool,
                                  clock: PassClock?) -> SummaryCandidates? {
        if doc.entityAt.isEmpty { doc.entityAt = [Int32](repeating: -1, count: doc.tokens.count) }
        DatePass().run(&doc, &report, published: DatePass.publicationDate(published, lexicon: lexicon))
        doc.prepareContent()
        clock?.lap("dates")
        AmountPass().run(doc, &report)
        clock?.lap("amounts")
        TonePass().run(doc, &report)
        clock?.lap("tone")
        TopicPass().run(doc, &report)
        clock?.lap("topics")
        KeywordPass().run(doc, &report)
        clock?.lap("keywords")
        let summary = SummaryPass(length: options.summarySentences, model: options.summaryModel).run(doc, &report, forTraining: forTraining)
        clock?.lap("summary")
        EventPass().run(doc, &report)
        clock?.lap("events")
        return summary
    }

    /// FNV-1a of the text's UTF-8 bytes, as 16 hex digits: a report's `contentHash`, and how
    /// other data names a text without holding it.
    public static func hash(_ utf8: some Sequence<UInt8>) -> String {
        var h = FNV.offset
        for b in utf8 { h = (h ^ UInt64(b)) &* FNV.prime }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
