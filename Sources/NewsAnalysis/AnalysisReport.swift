/// What the analyzer found in one article. Every span is in Unicode code points of
/// ``Article/text`` (end-exclusive), or of ``PageInfo/text`` for a web page. Optional fields are left out of the JSON when absent.
/// Published as a JSON Schema in `Resources/report.schema.json`.
public struct AnalysisReport: Sendable, Hashable, Codable {
    // Identity
    public var id: String?
    public var url: String?
    /// FNV-1a 64 of the text's UTF-8, as 16 hex digits: spots the same text sent twice.
    public var contentHash: String
    public var analyzerVersion: String
    /// Time spent in ``Analyzer/analyze(_:)``, in microseconds.
    public var elapsedMicroseconds: Int

    // Structure
    public var headline: LocatedText?
    /// The dek: the line under the headline that sells the story.
    public var subheadline: LocatedText?
    public var byline: LocatedText?
    public var authors: [String]
    /// "JERUSALEM (AP) —": where the story was filed.
    public var dateline: LocatedText?
    /// A line that is only a date ("Friday, July 21, 2017"), as it stands.
    public var dateLine: LocatedText?
    /// When the article was published and last modified, ISO 8601 ("2023-12-17T10:20:00-05:00",
    /// or "2023-12-17" for a date alone): from the page for a web page, else as the caller gave it.
    public var published: String?
    public var modified: String?
    public var images: [ImageCaption]
    /// Who else reported ("AP contributed to this report." gives "AP").
    public var contributors: [String]
    /// Body paragraphs, without headline, captions, credits and contributor notes.
    public var paragraphs: [Span]
    /// The clean body text: ``paragraphs`` joined by blank lines.
    public var body: String
    /// Sentences of the body, in text order.
    public var sentences: [Span]
    /// ISO 639-1 code of the text's language, or "und".
    public var language: String
    public var counts: TextCounts

    // Meaning
    public var entities: [Entity]
    public var quotes: [Quote]
    public var issues: [CopyIssue]

    // Part 2: run for English (and undetermined) text; empty otherwise.
    /// Dates and times, in text order.
    public var dates: [DateMention]
    public var amounts: [Amount]
    /// Key phrases and names, best first.
    public var keywords: [Keyword]
    /// Extractive summary: body sentences in text order (3 by default, ``Analyzer/Options``).
    public var summary: [SummarySentence]
    public var tone: Tone?
    /// Topics from the taxonomy, best first.
    public var topics: [Topic]
    /// Who did what to whom, in text order.
    public var events: [Event]

    /// For an article read from a web page: the text the spans index, the page's metadata and
    /// where each paragraph came from.
    public var page: PageInfo?

    public init(id: String?, url: String?, contentHash: String, analyzerVersion: String) {
        self.id = id
        self.url = url
        self.contentHash = contentHash
        self.analyzerVersion = analyzerVersion
        self.elapsedMicroseconds = 0
        self.authors = []
        self.images = []
        self.contributors = []
        self.paragraphs = []
        self.body = ""
        self.sentences = []
        self.language = "und"
        self.counts = TextCounts(characters: 0, words: 0, sentences: 0, paragraphs: 0)
        self.entities = []
        self.quotes = []
        self.issues = []
        self.dates = []
        self.amounts = []
        self.keywords = []
        self.summary = []
        self.topics = []
        self.events = []
    }
}
