import NewsAnalysis
import Testing

/// The seed article's report, field by field: the issue's golden test.
@Suite struct SeedArticleTests {
    let text: String
    let report: AnalysisReport

    init() throws {
        text = try Shared.seed("israel-russia-strategic-ties.txt")
        report = try Shared.analyze(text, id: "seed")
    }

    private func entity(_ name: String) -> Entity? { report.entities.first { $0.name == name } }

    private func mentions(_ name: String) -> [String] { entity(name)?.mentions.map(\.text) ?? [] }

    @Test func identity() {
        #expect(report.id == "seed")
        #expect(report.analyzerVersion == Analyzer.version)
        #expect(report.contentHash.count == 16)
        #expect(report.language == "en")
    }

    @Test func structure() throws {
        #expect(report.headline?.text == "Israel, Russia to upgrade strategic ties")
        #expect(report.headline?.start == 0 && report.headline?.end == 40)
        #expect(report.subheadline?.text == "Olmert, Medvedev agree on new channel to share intel and discuss Russian arms sales to region.")
        #expect(report.images.count == 1)
        let image = try #require(report.images.first)
        #expect(image.caption.text == "olmert medvedev big heads 224.88")
        #expect(image.caption.span == text.span(of: "olmert medvedev big heads 224.88"))
        #expect(image.credit?.text == "AP")
        #expect(report.contributors == ["AP"])
        #expect(report.byline == nil && report.authors.isEmpty)
        // One body paragraph, from "Israel and Russia" to "resolving the issue.", without the captions or the note.
        #expect(report.paragraphs.count == 1)
        let body = try #require(report.paragraphs.first)
        #expect(text.slice(body.start, body.end).hasPrefix("Israel and Russia will upgrade"))
        #expect(text.slice(body.start, body.end).hasSuffix("for resolving the issue."))
        #expect(!report.body.contains("olmert medvedev big heads"))
        #expect(!report.body.contains("contributed to this report"))
        #expect(report.counts.paragraphs == 1)
        #expect(report.counts.characters == text.unicodeScalars.count)
    }

    @Test func sentences() {
        let sentences = report.sentences.map { text.slice($0.start, $0.end) }
        #expect(sentences.count == 16)
        #expect(sentences.first?.hasSuffix("with Russian President Dmitri Medvedev.") == true)
        // The quote closes its sentence; the next starts after it.
        #expect(sentences.contains { $0.hasSuffix("understand more clearly now our concerns.\"") })
        #expect(sentences.last == "One source quoted Lavrov as saying this was an issue of great \"symbolic importance\" for Russia, and expressed his appreciation to Olmert for resolving the issue.")
    }

    @Test func people() throws {
        let people = report.entities.filter { $0.type == .person }
        #expect(Set(people.map(\.name)) == ["Ehud Olmert", "Dmitri Medvedev", "Sergei Lavrov", "Vladimir Putin", "Mahmoud Ahmadinejad"])
        #expect(entity("Ehud Olmert")?.titles == ["Prime Minister"])
        #expect(entity("Dmitri Medvedev")?.titles == ["President"])
        #expect(entity("Dmitri Medvedev")?.nationality == "RU")
        #expect(entity("Sergei Lavrov")?.titles == ["Foreign Minister"])
        #expect(entity("Vladimir Putin")?.titles == ["Prime Minister"])
        #expect(entity("Mahmoud Ahmadinejad")?.titles == ["President"])
        #expect(entity("Mahmoud Ahmadinejad")?.nationality == "IR")
        // Every mention: bare surnames and possessives ("Olmert's") included, the caption's lowercase words not.
        #expect(mentions("Ehud Olmert") == ["Olmert", "Ehud Olmert"] + Array(repeating: "Olmert", count: 8))
        #expect(mentions("Dmitri Medvedev") == ["Medvedev", "Dmitri Medvedev"] + Array(repeating: "Medvedev", count: 7))
        #expect(mentions("Sergei Lavrov") == ["Sergei Lavrov", "Lavrov", "Lavrov"])
        #expect(mentions("Vladimir Putin") == ["Vladimir Putin"])
        #expect(mentions("Mahmoud Ahmadinejad") == ["Mahmoud Ahmadinejad"])
        let olmert = try #require(entity("Ehud Olmert"))
        #expect(olmert.mentions.map(\.start) == text.codePointOffsets(of: "Olmert").map { $0 == 488 ? 483 : $0 })
        #expect(olmert.salience == 1)
    }

    @Test func places() throws {
        let places = report.entities.filter { $0.type == .place }
        let coded = Dictionary(uniqueKeysWithValues: places.compactMap { p in p.geo.map { (p.name, $0.countryCode) } })
        #expect(coded == ["Israel": "IL", "Russia": "RU", "Syria": "SY", "Iran": "IR", "Moscow": "RU", "Tehran": "IR", "Jerusalem": "IL"])
        #expect(mentions("Tehran") == ["Teheran"])
        #expect(entity("Tehran")?.geo?.kind == "city")
        #expect(mentions("Israel").count == 6)
        #expect(mentions("Russia").count == 4)
        #expect(mentions("Moscow").count == 4)
        #expect(mentions("Iran").count == 2)
        let tehran = try #require(entity("Tehran")?.geo)
        #expect(abs(tehran.latitude - 35.69) < 0.1 && abs(tehran.longitude - 51.42) < 0.1)
        // "Sergei's Courtyard" is a place in Jerusalem, not Sergei Lavrov.
        #expect(entity("Sergei's Courtyard")?.type == .place)
        #expect(places.count == 8)
    }

    @Test func organisations() {
        let orgs = report.entities.filter { $0.type == .organization }
        #expect(Set(orgs.map(\.name)) == ["Prime Minister's Office", "Kremlin", "IAF", "AP"])
        #expect(mentions("Kremlin").count == 4)
        #expect(mentions("AP").count == 3)
        #expect(mentions("IAF") == ["IAF"])
    }

    @Test func quotes() {
        let source = "a senior source in the Prime Minister's Office"
        let expected: [(String, String, String, Quote.Kind)] = [
            ("Israel and Russia will upgrade their strategic dialogue and use that forum to share intelligence assessments and discuss Russian arms sales to the region", source, "said", .indirect),
            // What the source added is reported speech, the quoted fragment in it a quote of its own.
            ("the Israeli team left the meeting feeling that \"[the Russians] understand more clearly now our concerns.\"", source, "adding", .indirect),
            ("[the Russians] understand more clearly now our concerns.", source, "adding", .partial),
            ("open and frank.", source, "characterized", .partial),
            // "the source said Olmert, \"urged ...\"": Olmert's words, through the source (`via`).
            ("urged the Russians to play a more active role in getting Teheran to cease uranium enrichment.", "Ehud Olmert", "said", .direct),
            ("influence, leverage and power", source, "said", .partial),
            ("assets more effectively in dealing with the area of nuclear proliferation.", source, "said", .partial),
            ("do nothing to harm Israel's national security.", source, "said", .partial),
            ("days when Russia was a hostile country to Israel are no longer, and it is important to cultivate the relationship.", source, "said", .partial),
            ("Medvedev made clear he was opposed to a nuclear Iran and was very critical of Iranian President Mahmoud Ahmadinejad's rhetoric against Israel", "Ehud Olmert", "told", .indirect),
            // The seed repeats half a sentence ("a cursory statement saying Medvedev The Kremlin put
            // out a cursory statement after the talks, saying …"): each "saying" reports its own part.
            ("Medvedev The Kremlin put out a cursory statement after the talks", "a cursory statement", "saying", .indirect),
            ("Medvedev had praised the \"economic cooperation between the two countries,\" and expressed hope for its further development", "a cursory statement", "saying", .indirect),
            ("economic cooperation between the two countries", "Dmitri Medvedev", "praised", .partial),
            ("both Medvedev and Lavrov thanked Israel for approving the transfer of ownership of Sergei's Courtyard in Jerusalem to the Russian government", "Sources in Olmert's office", "said", .indirect),
            // "quoted Lavrov as saying": Lavrov's words, reported, with the fragment he is quoted on.
            ("this was an issue of great \"symbolic importance\" for Russia, and expressed his appreciation to Olmert for resolving the issue", "Sergei Lavrov", "saying", .indirect),
            ("symbolic importance", "Sergei Lavrov", "saying", .partial),
        ]
        #expect(report.quotes.count == expected.count)
        for (quote, (words, speaker, verb, kind)) in zip(report.quotes, expected) {
            #expect(quote.text == words)
            #expect(text.slice(quote.start, quote.end) == words)
            #expect(quote.speaker?.name == speaker)
            #expect(quote.verb == verb)
            #expect(quote.kind == kind)
        }
        let medvedev = report.entities.firstIndex { $0.name == "Dmitri Medvedev" }
        #expect(report.quotes[12].speaker?.entity == medvedev)
        #expect(report.quotes[4].speaker?.mention?.text == "Olmert")
        #expect(report.quotes[4].via?.name == source)
        #expect(report.quotes[4].via?.mention?.text == "the source")
        #expect(report.quotes.filter { $0.via != nil }.count == 1)
    }

    @Test func copyEditingIssues() throws {
        #expect(report.issues.map(\.kind) == [.repeatedCaption, .stutteredWord, .duplicatedClause])
        let caption = report.issues[0]
        #expect(caption.spans == [text.span(of: "olmert medvedev big heads 224.88", occurrence: 0)!,
                                  text.span(of: "olmert medvedev big heads 224.88", occurrence: 1)!])
        #expect(report.issues[1].text == "elected who was elected")
        let clause = report.issues[2]
        #expect(clause.text == "Following the talks, the Kremlin put out a cursory statement saying Medvedev")
        #expect(clause.spans.last.map { text.slice($0.start, $0.end) } == "The Kremlin put out a cursory statement")
    }
}
