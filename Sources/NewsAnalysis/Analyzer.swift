import Foundation

/// Turns one article into an ``AnalysisReport``. Create one per process (it loads the
/// gazetteer, name lists and tagger weights once, about 30 MB) and share it between threads:
/// it holds no mutable state.
///
/// One tokenisation feeds every pass, in this order: structure (lines, headline, captions,
/// paragraphs, sentences, contributors), language, entities, quotes, copy-editing issues.
/// Later passes (dates, amounts, keywords, ...) take the same `Document`.
public final class Analyzer: Sendable {
    public static let version = "0.2.0"
    /// Longest text analysed by default, in code points (about 16 MB of English).
    public static let defaultMaximumScalars = 16_000_000

    let lexicon: Lexicon
    let tagger: TaggerModel
    /// Texts longer than this, in code points, throw ``AnalysisError/tooLarge(scalars:limit:)``.
    public let maximumScalars: Int

    /// Loads the bundled resources.
    public convenience init() throws {
        try self.init(tagger: nil)
    }

    /// Loads the bundled lexicon, with `tagger` instead of the bundled weights when given.
    public convenience init(tagger: TaggerModel?, maximumScalars: Int = Analyzer.defaultMaximumScalars) throws {
        let lexicon = try Lexicon.bundled()
        self.init(lexicon: lexicon, tagger: try tagger ?? TaggerModel.bundled(), maximumScalars: maximumScalars)
    }

    init(lexicon: Lexicon, tagger: TaggerModel, maximumScalars: Int) {
        self.lexicon = lexicon
        self.tagger = tagger
        self.maximumScalars = maximumScalars
    }

    /// The same analyzer with other tagger weights (cross-validation trains one per fold).
    public func with(tagger: TaggerModel) -> Analyzer {
        Analyzer(lexicon: lexicon, tagger: tagger, maximumScalars: maximumScalars)
    }

    /// Trains tagger weights on gold entity spans with this analyzer's lexicon and gazetteer.
    public func trainTagger(on examples: [TrainingExample], epochs: Int = 8, seed: UInt64 = 42) -> TaggerModel {
        var trainer = TaggerTrainer(lexicon: lexicon)
        for e in examples { trainer.add(text: e.text, entities: e.entities) }
        return trainer.train(epochs: epochs, seed: seed)
    }

    /// Analyses raw bytes: throws ``AnalysisError/invalidUTF8(offset:)`` unless they are UTF-8.
    public func analyze(utf8 bytes: [UInt8], id: String? = nil, url: String? = nil) throws -> AnalysisReport {
        if let bad = Self.firstInvalidUTF8(bytes) { throw AnalysisError.invalidUTF8(offset: bad) }
        return try analyze(Article(id: id, text: String(decoding: bytes, as: UTF8.self), url: url))
    }

    /// Analyses `article`; throws ``AnalysisError`` for input that is not an article.
    public func analyze(_ article: Article) throws -> AnalysisReport {
        let clock = ContinuousClock()
        let began = clock.now
        let text = article.text
        let bytes = text.utf8.count
        if bytes > maximumScalars * 4 { throw AnalysisError.tooLarge(scalars: text.unicodeScalars.count, limit: maximumScalars) }
        let scalars = Array(text.unicodeScalars)
        if scalars.count > maximumScalars { throw AnalysisError.tooLarge(scalars: scalars.count, limit: maximumScalars) }
        var visible = 0, letters = 0
        for c in scalars where !Tokenizer.isSpace(c) {
            visible += 1
            if Tokenizer.isLetter(c) { letters += 1 }
        }
        if visible == 0 { throw AnalysisError.empty }
        if visible >= 50, letters * 4 < visible { throw AnalysisError.notText }

        var report = AnalysisReport(id: article.id, url: article.url, contentHash: Self.hash(text), analyzerVersion: Self.version)
        var doc = Document(scalars: scalars, lexicon: lexicon)
        StructurePass(lexicon: lexicon).run(&doc, &report, title: article.title)
        report.language = LanguageGuesser().guess(doc)
        if report.language == "en" || report.language == "und" {
            EntityPass(lexicon: lexicon, tagger: tagger).run(&doc, &report)
            QuotePass().run(&doc, &report)
        }
        CopyEditPass().run(&doc, &report)
        var words = 0
        for p in doc.paragraphs { for k in p where doc.tokens[k].kind != .punctuation && !doc.tokens[k].has(.possessive) { words += 1 } }
        report.counts = TextCounts(characters: scalars.count, words: words, sentences: doc.sentences.count, paragraphs: doc.paragraphs.count)
        let elapsed = clock.now - began
        report.elapsedMicroseconds = Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        return report
    }

    static func hash(_ text: String) -> String {
        var h = FNV.offset
        for b in text.utf8 { h = (h ^ UInt64(b)) &* FNV.prime }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var v: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; min = 0x80; v = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; min = 0x800; v = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; min = 0x10000; v = UInt32(b & 0x07)
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
