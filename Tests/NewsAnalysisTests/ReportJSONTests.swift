import Foundation
import JSONOutput
import NewsAnalysis
import Testing

/// The hand-written JSON form of the report says what the `Codable` form says.
struct ReportJSONTests {
    private func parsed(_ bytes: some Sequence<UInt8>) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSObject)
    }

    private func expectSameAsCodable(_ report: AnalysisReport) throws {
        var json = JSONWriter()
        report.write(to: &json)
        #expect(try parsed(json.bytes) == parsed(JSONEncoder().encode(report)))
    }

    @Test func seedReport() throws {
        try expectSameAsCodable(Shared.analyze(Shared.seed("israel-russia-strategic-ties.txt")))
    }

    @Test(arguments: [
        "x",
        "Hello.",
        "BERLIN (Reuters) — Chancellor Olaf Scholz said on Tuesday that Germany would send $2.5 billion in aid. \"We will not waver,\" he said.",
        "Photo: AP\n\nA \"quoted\" word\\ with a backslash\tand a tab. The the stutter.\n\nAP contributed to this report.",
    ])
    func analysedTexts(text: String) throws {
        try expectSameAsCodable(Shared.analyze(text))
    }

    /// Every optional member present and every list non-empty, so none can be left out unseen.
    @Test func everyMemberOfAFullReport() throws {
        let located = LocatedText(text: "Paris", start: 3, end: 8)
        let span = Span(start: 1, end: 2)
        var report = AnalysisReport(id: "id", url: "https://example.com/a", contentHash: "00ff", analyzerVersion: "9")
        report.elapsedMicroseconds = 12
        report.headline = located
        report.subheadline = located
        report.byline = located
        report.authors = ["A. Writer"]
        report.dateline = located
        report.dateLine = located
        report.images = [ImageCaption(caption: located, credit: located, url: "https://example.com/a.jpg"), ImageCaption(caption: located, credit: nil)]
        report.published = "2024-01-02T10:00:00+01:00"
        report.modified = "2024-01-02"
        report.contributors = ["AP"]
        report.paragraphs = [span]
        report.body = "Body \"text\"\n"
        report.sentences = [span, span]
        report.language = "en"
        report.counts = TextCounts(characters: 1, words: 2, sentences: 3, paragraphs: 4)
        let geo = try JSONDecoder().decode(Entity.Geo.self, from: Data(#"{"kind":"city","countryCode":"FR","latitude":48.85341,"longitude":2.3488,"population":2138551}"#.utf8))
        report.entities = [
            Entity(name: "Paris", type: .place, mentions: [.init(start: 3, end: 8, text: "Paris")], salience: 0.25,
                   titles: ["Mayor"], nationality: "French", geo: geo),
            Entity(name: "Ann", type: .person, mentions: []),
        ]
        let speaker = Quote.Speaker(name: "Ann", entity: 1, mention: located)
        report.quotes = [
            Quote(text: "q", start: 0, end: 1, kind: .direct, verb: "said", speaker: speaker),
            Quote(text: "r", start: 2, end: 3, kind: .partial, verb: nil, speaker: Quote.Speaker(name: "?", entity: nil, mention: nil)),
        ]
        report.issues = [CopyIssue(kind: .stutteredWord, spans: [span], text: "the the", message: "m")]
        report.dates = [DateMention(text: "Tuesday", start: 0, end: 7, kind: .relative, resolution: .day, value: "2024-01-02",
                                    from: "2024-01-01", to: "2024-01-03", time: "10:00")]
        report.amounts = [Amount(text: "$2.5 billion", start: 0, end: 12, value: 2.5e9, unit: "USD", object: "aid")]
        report.keywords = [Keyword(text: "aid", score: 0.1234, count: 2, entity: 0)]
        report.summary = [SummarySentence(text: "S.", start: 0, end: 2, sentence: 0, score: 1.0 / 3.0)]
        report.tone = Tone(positive: 0.1, negative: 0.2, neutral: 0.7, polarity: -0.296, scoredWords: 3,
                           sentences: [SentenceTone(sentence: 0, positive: 0, negative: 1, neutral: 0, polarity: -0.5)])
        report.topics = [Topic(id: "politics", label: "Politics", score: 0.5, evidence: ["vote"])]
        let participant = Event.Participant(name: "Ann", entity: 1, mention: located)
        report.events = [
            Event(actor: participant, action: .meet, verb: located, target: participant, negated: true, sentence: span),
            Event(actor: Event.Participant(name: "x", entity: nil, mention: located), action: .attack, verb: located, target: nil,
                  negated: false, sentence: span),
        ]
        var page = PageInfo(text: "Paris", encoding: "utf-8", encodingSource: "meta", bodySource: "page")
        page.siteName = "Site"
        page.canonicalURL = "https://example.com/a"
        page.declaredLanguage = "en-GB"
        page.description = "Dek"
        page.topImage = "https://example.com/a.jpg"
        page.section = "World"
        page.tags = ["a", "b"]
        page.paywalled = false
        page.paragraphs = [ByteRange(start: 10, end: 20)]
        page.sources = [MetadataSource(field: "headline", source: "h1")]
        report.page = page
        try expectSameAsCodable(report)
        // And the keys really are all there: the Codable form of this report has no nulls to hide a gap.
        var json = JSONWriter()
        report.write(to: &json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object.count == 31)
    }
}
