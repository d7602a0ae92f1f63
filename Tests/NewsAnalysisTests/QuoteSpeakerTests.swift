import NewsAnalysis
import Testing

/// Speakers for quotes that carry no attribution of their own, and cue verbs beyond "said".
@Suite struct QuoteSpeakerTests {
    /// A lead of two sentences, so the first quoted paragraph is not taken for a dek.
    static let lead = "The candidates spent the last day before the vote in the state's largest cities. Both drew crowds."

    private func speakers(_ text: String) throws -> [String?] {
        try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n" + text + "\n\nThe campaign did not answer questions about the size of the crowd, which officials put at several thousand.").quotes.map { $0.speaker?.name }
    }

    @Test func aQuoteRightAfterAnAttributedOneContinuesIt() throws {
        #expect(try speakers(#""Get out there," Donald Trump implored the crowd on Tuesday. "Make sure you go out and vote, because this one matters.""#) == ["Donald Trump", "Donald Trump"])
    }

    @Test func aQuoteOpeningTheNextParagraphContinuesIt() throws {
        let text = "\"We are going to win this state,\" Maria Lopez said on Tuesday.\n\n\"Nobody thought it could be done. We did it anyway, and we will do it again.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func aQuoteWithItsOwnAttributionIsNotContinued() throws {
        let text = "\"We are going to win this state,\" Maria Lopez said on Tuesday. \"That is what they always say before they lose,\" John Smith replied."
        #expect(try speakers(text) == ["Maria Lopez", "John Smith"])
    }

    @Test(arguments: ["gushed", "implored", "emailed", "conceded", "insisted", "accused"])
    func cueVerbsBeyondSaid(_ verb: String) throws {
        let report = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n\"It was the best night of my life,\" Maria Lopez \(verb) on Tuesday, after the count.")
        #expect(report.quotes.first?.speaker?.name == "Maria Lopez")
        #expect(report.quotes.first?.verb == verb)
    }
}

/// Reported speech without quotation marks becomes a quote of kind `indirect`.
@Suite struct ReportedSpeechTests {
    private func indirect(_ sentence: String) throws -> [(String, String?, String?)] {
        try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\n\(sentence)")
            .quotes.filter { $0.kind == .indirect }.map { ($0.text, $0.speaker?.name, $0.verb) }
    }

    @Test(arguments: [
        ("Maria Lopez said that the count would take three more days in the northern counties.", "the count would take three more days in the northern counties", "said"),
        ("Maria Lopez told reporters on Tuesday that the count would take three more days.", "the count would take three more days", "told"),
        ("The count would take three more days in the northern counties, Maria Lopez said.", "The count would take three more days in the northern counties", "said"),
        ("The count would take three more days in the northern counties, said Maria Lopez.", "The count would take three more days in the northern counties", "said"),
        ("According to Maria Lopez, the count would take three more days in the northern counties.", "the count would take three more days in the northern counties", "According"),
        ("Maria Lopez denied the count had been stopped in any of the northern counties.", "the count had been stopped in any of the northern counties", "denied"),
    ])
    func reportedSpeechFindsItsContentAndSpeaker(_ sentence: String, _ content: String, _ verb: String) throws {
        let found = try indirect(sentence)
        #expect(found.count == 1)
        #expect(found.first?.0 == content)
        #expect(found.first?.1 == "Maria Lopez")
        #expect(found.first?.2 == verb)
    }

    @Test func aSentenceWithoutAttributionIsNotReportedSpeech() throws {
        #expect(try indirect("The count would take three more days in the northern counties, officials expected.").isEmpty)
        #expect(try indirect("Maria Lopez said on Tuesday.").isEmpty)
    }
}
