import NewsAnalysis
import Testing

/// The seed article's part 2 fields: dates, amounts, keywords, summary, tone, topics, events.
@Suite struct SeedArticleMeaningTests {
    let text: String
    let report: AnalysisReport

    init() throws {
        text = try Shared.seed("israel-russia-strategic-ties.txt")
        report = try Shared.analyze(text, id: "seed")
    }

    @Test func dates() {
        #expect(report.dates.map(\.text) == ["Tuesday", "the night before", "earlier this year"])
        for d in report.dates { #expect(text.slice(d.start, d.end) == d.text) }
        #expect(report.dates.map(\.kind) == [.relative, .relative, .relative])
        #expect(report.dates.map(\.resolution) == [.day, .day, .year])
        // No publication date and no date line: nothing to resolve against.
        #expect(report.dates.allSatisfy { $0.value == nil && $0.from == nil })
    }

    @Test func datesResolveAgainstAPublicationDate() throws {
        // 2008-06-12 was a Thursday.
        let resolved = try Shared.analyzer.get().analyze(Article(text: text, published: "2008-06-12T09:00:00Z"))
        let byText = Dictionary(uniqueKeysWithValues: resolved.dates.map { ($0.text, $0) })
        #expect(byText["Tuesday"]?.value == "2008-06-10")
        // Anaphoric: the night before the last day named (Tuesday).
        #expect(byText["the night before"]?.value == "2008-06-09")
        #expect(byText["earlier this year"]?.value == "2008")
        #expect(byText["earlier this year"]?.from == "2008-01-01" && byText["earlier this year"]?.to == "2008-06-11")
    }

    @Test func amounts() {
        // "S-300" and "224.88" (in the caption) are not amounts.
        #expect(report.amounts.map(\.text) == ["two countries", "two men", "One source"])
        #expect(report.amounts.map(\.value) == [2, 2, 1])
        #expect(report.amounts.first?.object == "countries")
    }

    @Test func keywords() {
        let words = report.keywords.map(\.text)
        #expect(words.count == 10)
        #expect(words.prefix(2) == ["Ehud Olmert", "Dmitri Medvedev"])
        #expect(words.contains { $0.hasSuffix("arms sales") })
        #expect(report.keywords.first?.score == 1)
        // Names are merged with their entities.
        #expect(report.keywords.first?.entity == report.entities.firstIndex { $0.name == "Ehud Olmert" })
        #expect(!words.contains("Olmert"))
    }

    @Test func summary() {
        #expect(report.summary.count == 3)
        #expect(report.summary.map(\.sentence) == [0, 1, 2])
        #expect(report.summary.first?.text.hasPrefix("Israel and Russia will upgrade their strategic dialogue") == true)
        for s in report.summary {
            #expect(text.slice(s.start, s.end) == s.text)
            #expect(!s.text.contains("olmert medvedev big heads"))
        }
    }

    @Test func tone() throws {
        let tone = try #require(report.tone)
        #expect(tone.sentences.count == report.sentences.count)
        #expect(abs(tone.positive + tone.negative + tone.neutral - 1) < 0.01)
        // VADER 3.3.2 (the Python package) gives these compound scores for the 16 sentences.
        let vader = [0.649, 0.541, 0.103, 0.273, 0, 0.659, 0.598, 0.781, -0.459, 0.002, 0.727, 0, 0.052, 0, 0.44, 0.91]
        #expect(tone.sentences.map(\.polarity) == vader)
        #expect(tone.polarity > 0.3 && tone.polarity < 0.5)
        #expect(tone.negative > 0)
    }

    @Test func topics() {
        let ids = report.topics.map(\.id)
        #expect(ids.contains("diplomacy"))
        #expect(ids.contains("conflict-defence"))
        #expect(ids.contains("nuclear"))
        #expect(!ids.contains("sport") && !ids.contains("health"))
        let nuclear = report.topics.first { $0.id == "nuclear" }
        #expect(nuclear?.evidence.contains("uranium") == true && nuclear?.evidence.contains("enrichment") == true)
    }

    private func has(_ actor: String, _ action: ActionClass, _ target: String?, verb: String? = nil, negated: Bool = false) -> Bool {
        report.events.contains { e in
            e.actor.name == actor && e.action == action && e.negated == negated && (verb == nil || e.verb.text == verb)
                && (target == nil ? true : e.target?.name.contains(target!) == true)
        }
    }

    @Test func events() {
        #expect(has("Ehud Olmert", .meet, "Dmitri Medvedev", verb: "meeting"))
        #expect(has("Ehud Olmert", .urge, "Russians", verb: "urged"))
        // "Olmert, the source said, reminded the Russians ... and asked the Kremlin to ...".
        #expect(has("Ehud Olmert", .urge, "Kremlin", verb: "asked"))
        #expect(has("Dmitri Medvedev", .criticise, "Mahmoud Ahmadinejad", verb: "critical"))
        #expect(has("Dmitri Medvedev", .praise, "economic cooperation", verb: "praised"))
        #expect(has("Dmitri Medvedev", .praise, "Israel", verb: "thanked"))
        #expect(has("Sergei Lavrov", .praise, "Israel", verb: "thanked"))
        #expect(has("Vladimir Putin", .meet, "Ehud Olmert", negated: true))
        #expect(has("Moscow", .supply, nil, verb: "sell", negated: true))
        let critical = report.events.first { $0.verb.text == "critical" }
        #expect(critical?.target?.mention.text == "Iranian President Mahmoud Ahmadinejad's rhetoric")
        #expect(critical?.actor.mention.text == "he")
        #expect(critical?.cameo == "11")
        #expect(critical?.target?.entity == report.entities.firstIndex { $0.name == "Mahmoud Ahmadinejad" })
        for e in report.events {
            #expect(text.slice(e.verb.start, e.verb.end) == e.verb.text)
            #expect(e.sentence.start <= e.verb.start && e.verb.end <= e.sentence.end)
            #expect(e.cameo == e.action.cameo)
        }
        // Nobody meets or criticises himself; the caption's lowercase names act in nothing.
        #expect(!report.events.contains { $0.target?.entity != nil && $0.target?.entity == $0.actor.entity })
    }
}
