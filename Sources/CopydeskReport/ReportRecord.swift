import NewsAnalysis

/// One line of a results file, as the report page needs it.
///
/// The analysis fields of part 1 are decoded with NewsAnalysis's own types: they are the
/// published schema, so a line that breaks them is not a report. The fields of part 2
/// (summary, tone, topics, keywords, dates, amounts, events) are optional and decoded loosely,
/// each on its own: a results file written before they existed, or after they grow, still renders.
public struct ReportRecord: Decodable {
    public var id: String
    var source: String?
    var url: String?
    public var contentHash: String?
    var language: String?
    var counts: TextCounts?

    var headline: LocatedText?
    var subheadline: LocatedText?
    var byline: LocatedText?
    var authors: [String]
    var dateline: LocatedText?
    var dateLine: LocatedText?
    var images: [ImageCaption]
    var paragraphs: [Span]
    var body: String

    var entities: [Entity]
    var quotes: [Quote]
    var issues: [CopyIssue]

    var summary: [SummarySentence]
    var tone: Tone?
    var topics: [Topic]
    var keywords: [Keyword]
    var dates: [Located]
    var amounts: [Amount]
    var events: [Event]

    /// A sentence of the extractive summary.
    struct SummarySentence: Decodable {
        var text: String
        var start: Int?
        var end: Int?
    }

    /// Shares are 0...1; polarity is -1...+1 (VADER's compound score).
    struct Tone: Decodable {
        var polarity: Double
        var positive: Double?
        var negative: Double?
        var neutral: Double?
    }

    struct Topic: Decodable {
        var label: String
        var score: Double?
    }

    struct Keyword: Decodable {
        var text: String
        var score: Double?
    }

    /// A date mention: its words and span, and what it resolves to when known.
    struct Located: Decodable {
        var text: String
        var start: Int
        var end: Int
        var value: String?
    }

    struct Amount: Decodable {
        var text: String
        var start: Int
        var end: Int
        var unit: String?
        var object: String?
    }

    /// Who did what to whom.
    struct Event: Decodable {
        struct Participant: Decodable { var name: String }
        var actor: Participant
        var action: String
        var target: Participant?
        var negated: Bool?
    }

    private enum CodingKeys: String, CodingKey {
        case id, source, url, contentHash, language, counts, headline, subheadline, byline, authors, dateline, dateLine
        case images, paragraphs, body, entities, quotes, issues, summary, tone, topics, keywords, dates, amounts, events
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        contentHash = try c.decodeIfPresent(String.self, forKey: .contentHash)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        counts = try c.decodeIfPresent(TextCounts.self, forKey: .counts)
        headline = try c.decodeIfPresent(LocatedText.self, forKey: .headline)
        subheadline = try c.decodeIfPresent(LocatedText.self, forKey: .subheadline)
        byline = try c.decodeIfPresent(LocatedText.self, forKey: .byline)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        dateline = try c.decodeIfPresent(LocatedText.self, forKey: .dateline)
        dateLine = try c.decodeIfPresent(LocatedText.self, forKey: .dateLine)
        images = try c.decodeIfPresent([ImageCaption].self, forKey: .images) ?? []
        paragraphs = try c.decodeIfPresent([Span].self, forKey: .paragraphs) ?? []
        body = try c.decodeIfPresent(String.self, forKey: .body) ?? ""
        // A report always has these three; an error record (id, source, reason) does not.
        entities = try c.decode([Entity].self, forKey: .entities)
        quotes = try c.decode([Quote].self, forKey: .quotes)
        issues = try c.decode([CopyIssue].self, forKey: .issues)

        summary = (try? c.decodeIfPresent([SummarySentence].self, forKey: .summary)) ?? []
        tone = (try? c.decodeIfPresent(Tone.self, forKey: .tone)) ?? nil
        topics = (try? c.decodeIfPresent([Topic].self, forKey: .topics)) ?? []
        keywords = (try? c.decodeIfPresent([Keyword].self, forKey: .keywords)) ?? []
        dates = (try? c.decodeIfPresent([Located].self, forKey: .dates)) ?? []
        amounts = (try? c.decodeIfPresent([Amount].self, forKey: .amounts)) ?? []
        events = (try? c.decodeIfPresent([Event].self, forKey: .events)) ?? []
    }
}
