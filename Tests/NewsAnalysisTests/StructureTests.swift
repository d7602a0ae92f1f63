import Testing
import NewsAnalysis

/// The body keeps every sentence of the article and nothing else: date lines glued to the
/// headline or the lead are split off, and captions written inline go to `images`.
@Suite struct StructureTests {
    private let lead = "On Tuesday, the government announced the start of a public process to consider changing the country's flag, with two referendums over the next two years."
    private let second = "Prime Minister John Key said the current flag was a symbol of a colonial era that had long passed, and that the country deserved a flag of its own."

    @Test func aDateLineGluedToTheLeadIsSplitOffAndTheLeadKept() throws {
        let report = try Shared.analyze("New Zealand to vote on its flag\n\nThursday, May 7, 2015 \(lead)\n\n\(second)")
        #expect(report.headline?.text == "New Zealand to vote on its flag")
        #expect(report.dateLine?.text == "Thursday, May 7, 2015")
        #expect(report.subheadline == nil)
        #expect(report.body == "\(lead)\n\n\(second)")
        #expect(report.summary.first?.text == lead)
    }

    @Test func aDateGluedToTheHeadlineIsSplitOff() throws {
        let report = try Shared.analyze("Biologist tells Wikinews about self-medicating ants Tuesday, September 1, 2015\n\n\(lead)\n\n\(second)")
        #expect(report.headline?.text == "Biologist tells Wikinews about self-medicating ants")
        #expect(report.dateLine?.text == "Tuesday, September 1, 2015")
        #expect(report.body == "\(lead)\n\n\(second)")
    }

    @Test func aDateInsideASentenceStaysInIt() throws {
        let sentence = "The referendum will be held on Thursday, May 7, 2015 and the count will follow the next day, officials said on Tuesday."
        let report = try Shared.analyze("Flag vote set\n\n\(sentence) \(second)\n\n\(lead)")
        #expect(report.dateLine == nil)
        #expect(report.body == "\(sentence) \(second)\n\n\(lead)")
    }

    @Test func circaBeforeAYearEndsNoSentence() throws {
        let opening = "Ada Morrow (c. 1820 – March 3, 1889) was a shipbuilder who ran the largest yard on the estuary for forty years."
        let report = try Shared.analyze("Ada Morrow\n\n\(opening) \(second)")
        #expect(report.sentences.count == 2)
        #expect(report.summary.first?.text == opening)
    }

    @Test func versusBetweenThePartiesEndsNoSentence() throws {
        let ruling = "The court's ruling in Hale v. The Harbour Board settled who owns the old quay, and the board said it would not appeal."
        let report = try Shared.analyze("Quay ruling stands\n\n\(ruling) \(second)")
        #expect(report.sentences.count == 2)
        #expect(report.summary.first?.text == ruling)
    }

    @Test func aStopInsideShortBracketsEndsNoSentence() throws {
        let praised = "Sen. Ann Hale (D-N.M.) praised the rule on Tuesday, and said the state would gain jobs from it."
        let criticised = "Sen. Joe Rowe (R-W.Va.), a critic of the rule, said it would cost his state thousands of jobs."
        let aside = "(The agency did not answer questions about the cost.)"
        let report = try Shared.analyze("Energy rule divides senators\n\n\(praised) \(criticised) \(aside) \(second)")
        #expect(report.sentences.count == 4)
        #expect(report.summary.first?.text == praised)
    }

    @Test func captionsWrittenInlineGoToImages() throws {
        let text = """
            New Zealand to vote on its flag

            The current flag of New Zealand.

            Thursday, May 7, 2015

            \(lead)

            Portrait shot of Dennis Hopper… Image: Andy Warhol.

            \(second)

            Opening night, January 23, 2014, of the Andy Warhol exhibit.

            The panel will take suggestions from the public until the middle of July, and then choose four designs for the first referendum.
            """
        let report = try Shared.analyze(text)
        #expect(report.images.map(\.caption.text) == [
            "The current flag of New Zealand.", "Portrait shot of Dennis Hopper…", "Opening night, January 23, 2014, of the Andy Warhol exhibit.",
        ])
        #expect(report.images[1].credit?.text == "Andy Warhol")
        #expect(report.subheadline == nil)
        #expect(report.dateLine?.text == "Thursday, May 7, 2015")
        #expect(report.body == "\(lead)\n\n\(second)\n\nThe panel will take suggestions from the public until the middle of July, and then choose four designs for the first referendum.")
        #expect(!report.summary.contains { $0.text.contains("flag of New Zealand.") || $0.text.contains("Opening night") })
    }

    @Test func aLeadOfTwoSentencesUnderTheHeadlineIsNotADek() throws {
        let report = try Shared.analyze("Flag vote set\n\n\(lead) \(second)\n\n\(lead)")
        #expect(report.subheadline == nil)
        #expect(report.body.hasPrefix(lead))
    }

    @Test func shortParagraphsThatSaySomethingAndSubheadingsStayInTheBody() throws {
        let text = "Markets slide\n\n\(second) \(lead)\n\nShares fell in London.\n\n\(second)\n\nWhat comes next\n\n\(lead)"
        let report = try Shared.analyze(text)
        #expect(report.images.isEmpty)
        #expect(report.body.contains("Shares fell in London."))
        #expect(report.body.contains("What comes next"))
    }
}

/// The summary's choice: learnt weights for texts that are not reported news, the lead for
/// reported news, and never a sentence that leans on a predecessor left out.
@Suite struct SummaryChoiceTests {
    private let sentences = [
        "The museum opened a new wing for its collection of maps and charts from the age of sail.",
        "Visitors can walk through a reconstructed chart room where navigators once plotted their courses.",
        "He added that the wing would stay open late on Fridays through the summer.",
        "The collection of maps and charts from the age of sail is the museum's largest collection of maps.",
    ]

    @Test func reportedNewsKeepsItsLead() throws {
        let text = "Museum opens map wing\n\nBy Jane Doe\n\n" + sentences.joined(separator: " ")
        let report = try Shared.analyze(text)
        #expect(report.summary.map(\.sentence) == [0, 1, 2])
    }

    @Test func notesAboutTheArticleAreNeverChosen() throws {
        let notes = [
            "This story was originally published in our spring issue as a longer feature on the museum.",
            "A version of this article appeared in print with the headline about the map wing.",
            "Read more stories about the city's museums and galleries in our weekend guide.",
        ]
        let candidates = try Shared.analyzer.get().summaryCandidates(Article(text: (sentences + notes).joined(separator: " ")))
        #expect(candidates.eligible == [true, true, true, true, false, false, false])
    }

    @Test func aSentenceThatLeansOnItsPredecessorComesOnlyWithIt() throws {
        let candidates = try Shared.analyzer.get().summaryCandidates(Article(text: sentences.joined(separator: " ")))
        // Weights that prefer the last sentences: 3, then 2 ("He added ..."), then 1.
        let latest = SummaryModel.featureNames.map { $0 == "lead" ? -1.0 : 0 }
        let model = SummaryModel(reported: latest, other: latest)
        // Sentence 2 waits for sentence 1, which comes after it in this order.
        #expect(candidates.select(model, count: 2) == [1, 3])
        #expect(candidates.select(model, count: 3) == [0, 1, 3])
    }

    @Test func theWeightsTheSummaryShipsWithAreNotTheLeadAlone() {
        #expect(SummaryModel.shipped.reported == SummaryModel.lead.reported)
        #expect(SummaryModel.shipped.other != SummaryModel.lead.other)
        #expect(SummaryModel.featureNames.count == SummaryModel.shipped.other.count)
    }
}
