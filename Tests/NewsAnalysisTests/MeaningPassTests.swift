import NewsAnalysis
import Testing

/// Part 2's passes on short texts written for the purpose: what each rule promises.
@Suite struct MeaningPassTests {
    private func analyze(_ body: String, published: String? = nil) throws -> AnalysisReport {
        try Shared.analyzer.get().analyze(Article(text: "A headline for the test\n\n" + body, published: published))
    }

    @Test(arguments: [
        // (text, published, expected value, from, to)
        ("The vote was held on July 21, 2017 in the capital.", nil, "2017-07-21", nil, nil),
        ("The vote was held on 21 July 2017 in the capital.", nil, "2017-07-21", nil, nil),
        ("The vote was held on 2008-06-12 in the capital.", nil, "2008-06-12", nil, nil),
        ("The plant was built in 1998 by the state.", nil, "1998", "1998-01-01", "1998-12-31"),
        ("The law passed in March and took effect later.", "2015-08-02", "2015-03", "2015-03-01", "2015-03-31"),
        ("Police said yesterday that the road was closed.", "2015-08-02", "2015-08-01", nil, nil),
        ("Ministers will meet on Friday to decide.", "2015-08-04", "2015-08-07", nil, nil),
        ("Ministers met on Friday to decide.", "2015-08-04", "2015-07-31", nil, nil),
        ("The deal was signed last week after talks.", "2015-08-05", nil, "2015-07-27", "2015-08-02"),
        ("The company was founded three years ago by two brothers.", "2015-08-05", "2012", "2012-01-01", "2012-12-31"),
        ("Sales rose next month, the firm expects.", "2015-12-10", "2016-01", "2016-01-01", "2016-01-31"),
    ] as [(String, String?, String?, String?, String?)])
    func datesAreNormalised(_ text: String, _ published: String?, _ value: String?, _ from: String?, _ to: String?) throws {
        let report = try analyze(text, published: published)
        let date = try #require(report.dates.first)
        #expect(date.value == value)
        #expect(date.from == from)
        #expect(date.to == to)
    }

    @Test(arguments: ["2015-08-04", "2015-08-04T23:10:00+02:00", "Tue, 04 Aug 2015 10:00:00 GMT", "August 4, 2015", "4 August 2015"])
    func publicationDatesAreReadInCommonForms(_ published: String) throws {
        let report = try analyze("Ministers met on Friday to decide.", published: published)
        #expect(report.dates.first?.value == "2015-07-31")
    }

    @Test func theDateLineIsTheReferenceDate() throws {
        let report = try Shared.analyzer.get().analyze(Article(text: "Storm hits the coast\n\nTuesday, September 22, 2015\n\nThe storm reached the coast on Sunday and left yesterday."))
        #expect(report.dates.map(\.value) == ["2015-09-22", "2015-09-20", "2015-09-21"])
    }

    @Test func timesOfDay() throws {
        let report = try analyze("The polls open at 7 a.m. and close at 8:30 p.m. on the day.")
        #expect(report.dates.compactMap(\.time) == ["07:00", "20:30"])
    }

    @Test(arguments: [
        ("The army sent 20,000 combat soldiers to the border.", 20_000.0, nil, "combat soldiers"),
        ("The bank lent $1.5 million to the farmers.", 1_500_000.0, "USD", nil),
        ("Unemployment fell to 4.5 percent in May.", 4.5, "percent", nil),
        ("Hundreds of thousands of people marched in the city.", 100_000.0, nil, "people"),
        ("Officials counted five hundred ballots by noon.", 500.0, nil, "ballots"),
    ] as [(String, Double, String?, String?)])
    func amounts(_ text: String, _ value: Double, _ unit: String?, _ object: String?) throws {
        let report = try analyze(text)
        let amount = try #require(report.amounts.first)
        #expect(amount.value == value)
        #expect(amount.unit == unit)
        if let object { #expect(amount.object == object) }
    }

    @Test func namesWithDigitsAndScoresAreNotAmounts() throws {
        let report = try analyze("Russia may sell S-300 missiles and F-16 jets. Sweden beat Korea 1 – 0 in the 2018 cup.")
        #expect(report.amounts.isEmpty)
    }

    @Test func toneFollowsVADER() throws {
        // VADER 3.3.2's compound scores for these sentences, computed with the Python package.
        let cases: [(String, Double)] = [
            ("The talks were good.", 0.4404),
            ("The talks were very good.", 0.4927),
            ("The talks were not good.", -0.3412),
            ("The plan is good, but the result was terrible.", -0.4939),
        ]
        for (sentence, expected) in cases {
            let report = try analyze(sentence)
            let polarity = try #require(report.tone?.sentences.first?.polarity)
            #expect(abs(polarity - expected) < 0.002, "\(sentence): \(polarity) vs VADER \(expected)")
        }
    }

    @Test func eventsResolveActorsAndTargets() throws {
        let report = try analyze("German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. Merkel later criticised the Russian government. Police arrested two men in Paris.")
        let events = report.events.map { ($0.actor.name, $0.action, $0.target?.name ?? "") }
        #expect(events.contains { $0 == ("Angela Merkel", .meet, "Emmanuel Macron") })
        #expect(events.contains { $0.0 == "Angela Merkel" && $0.1 == .criticise && $0.2.contains("Russian government") })
        #expect(events.contains { $0.0 == "Police" && $0.1 == .coerce && $0.2 == "two men" })
    }

    @Test func passiveVoiceTakesTheDoerAfterBy() throws {
        let report = try analyze("Two protesters were arrested by police in Paris. A journalist was detained on Monday.")
        #expect(report.events.count == 1)
        let event = try #require(report.events.first)
        #expect(event.actor.name == "police" || event.actor.name == "Police")
        #expect(event.action == .coerce)
        #expect(event.target?.name == "Two protesters")
    }

    @Test func summaryLengthIsConfigurableAndPartOneCanRunAlone() throws {
        let text = try Shared.seed("israel-russia-strategic-ties.txt")
        let base = try Shared.analyzer.get()
        let five = try base.with(options: Analyzer.Options(summarySentences: 5)).analyze(Article(text: text))
        #expect(five.summary.count == 5)
        #expect(five.summary.map(\.sentence) == five.summary.map(\.sentence).sorted())
        let core = try base.with(options: Analyzer.Options(meaning: false)).analyze(Article(text: text))
        #expect(core.summary.isEmpty && core.events.isEmpty && core.tone == nil)
        #expect(core.entities == five.entities)
    }

    @Test func otherLanguagesGetNoEnglishMeaning() throws {
        let report = try Shared.analyze("Der Präsident und die Regierung haben sich am Dienstag auf einen neuen Plan für das Land geeinigt, der im Mai beginnt.")
        #expect(report.language == "de")
        #expect(report.events.isEmpty && report.topics.isEmpty && report.tone == nil)
    }
}

/// Keywords and events on a text that is not the seed.
@Suite struct MeaningPassExtraTests {
    @Test func keywordsArePhrasesAndNames() throws {
        let text = """
            Drought cuts wheat harvest across Europe

            A severe drought has cut the wheat harvest across southern Europe, farmers said on Monday. \
            The wheat harvest in Spain fell by a third, and Italian farmers reported the lowest wheat harvest in decades. \
            The European Commission said it would release emergency funds for farmers hit by the drought. \
            Prices of wheat rose on commodity markets after the reports.
            """
        let report = try Shared.analyze(text)
        let words = report.keywords.map(\.text)
        #expect(words.first == "wheat harvest")
        #expect(report.keywords.first?.count == 4)
        // Phrases, not words: "wheat" alone is inside the better phrase and not repeated, and
        // the headline's verb does not glue itself to it.
        #expect(!words.contains("wheat"))
        #expect(!words.contains { $0.contains("cuts") })
    }

    @Test func pronounsAndCoordinationResolve() throws {
        let text = """
            Leaders meet in Paris

            Chancellor Olaf Scholz arrived in Paris on Tuesday. He met President Emmanuel Macron at the Elysee and urged him to back the plan. \
            Later, Scholz and Macron condemned the attack on the embassy. \
            Scholz, officials said, travelled on to Rome and praised the Italian government.
            """
        let report = try Shared.analyze(text)
        let events = report.events.map { ($0.actor.name, $0.action, $0.target?.name ?? "") }
        #expect(events.contains { $0 == ("Olaf Scholz", .meet, "Emmanuel Macron") })
        #expect(events.contains { $0.0 == "Olaf Scholz" && $0.1 == .criticise })
        #expect(events.contains { $0.0 == "Emmanuel Macron" && $0.1 == .criticise })
        #expect(report.events.first { $0.action == .meet }?.actor.mention.text == "He")
        // After "and", with no action before it in the sentence: the name that opens the sentence.
        #expect(events.contains { $0.0 == "Olaf Scholz" && $0.1 == .praise && $0.2.contains("Italian government") })
    }
}
