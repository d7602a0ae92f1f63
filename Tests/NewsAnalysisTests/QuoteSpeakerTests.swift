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

    @Test func aSpeakerIsNeverTakenFromTheWordsReported() throws {
        // "remarks were": a noun of speech inside the reported clause, not a verb with a subject.
        let text = "Ruth Adler said the minister's latest remarks were \"a great disappointment to us all.\""
        #expect(try speakers(text) == ["Ruth Adler", "Ruth Adler"])
    }

    @Test func quotesInSingleMarksAreQuotes() throws {
        let text = "‘We need more time to read the engineers’ report,’ the mayor, Anna Berg, said on Tuesday.\n\n"
            + "She added: ‘Nobody wants a bridge that falls down.’\n\n'The plan is sound,' Peter Novak said."
        let quotes = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n" + text).quotes
        #expect(quotes.map(\.kind) == [.direct, .direct, .direct])
        #expect(quotes.map { $0.speaker?.name } == ["Anna Berg", "Anna Berg", "Peter Novak"])
        // A plural's mark inside the quote closes nothing.
        #expect(quotes.first?.text.hasPrefix("We need more time to read the engineers’ report") == true)
    }

    @Test func aShortStatementIsDirectAndContinued() throws {
        let text = "\"Nobody wins,\" Laura Kim said after the vote. \"Everyone loses.\""
        let quotes = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n" + text).quotes
        #expect(quotes.map(\.kind) == [.direct, .direct])
        #expect(quotes.map { $0.speaker?.name } == ["Laura Kim", "Laura Kim"])
    }

    @Test func anAttributionClosingAParagraphIntroducesTheQuoteBelow() throws {
        let text = "Maria Lopez said the count had been slow all night, she told reporters.\n\n\"They want us to give up. We will not.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func aQuoteOpeningTheNextParagraphContinuesIt() throws {
        let text = "\"We are going to win this state,\" Maria Lopez said on Tuesday.\n\n\"Nobody thought it could be done. We did it anyway, and we will do it again.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func aQuoteWithItsOwnAttributionIsNotContinued() throws {
        let text = "\"We are going to win this state,\" Maria Lopez said on Tuesday. \"That is what they always say before they lose,\" John Smith replied."
        #expect(try speakers(text) == ["Maria Lopez", "John Smith"])
    }

    @Test func aStatementOfSeveralSentencesInStraightQuotesIsAttributedAfterItCloses() throws {
        let text = "\"The harm depends on how long it lasts. So if we look at the children, they will not grow as they should,\" Professor Helen Marsh said."
        #expect(try speakers(text) == ["Helen Marsh"])
    }

    @Test(arguments: [
        ("After the match, Pedro Alvarez, the Chile coach, said, \"We made too many mistakes in the second half to win it.\"", "Pedro Alvarez"),
        ("The secretary general of the union, Marco Bellini, said: \"We face a hard year and we will fight for every job.\"", "Marco Bellini"),
        ("\"Nobody should have to watch a friend suffer like that, not here and not anywhere,\" the doctor said.", "the doctor"),
        ("\"The banks are ready to lend to us,\" said the director, adding that rates were low.", "the director"),
        // The inverted subject with what it was doing.
        ("\"I am staying,\" said Ruth Adler as she left the hall on Friday night.", "Ruth Adler"),
        // A relative clause set off by commas, however long, and the time after the verb.
        ("\"We are going to win this state,\" Maria Lopez, who has run the campaign from a room above a bakery since the spring, said on Tuesday.", "Maria Lopez"),
    ])
    func subjectsOfOtherShapes(_ text: String, _ speaker: String) throws {
        #expect(try speakers(text) == [speaker])
    }

    @Test func wordsPassedOnAreTheirSpeakersThroughTheReporter() throws {
        let report = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\nA senior official said John Smith, \"wants the count stopped in every northern county tonight.\"")
        let quote = try #require(report.quotes.first { $0.kind == .direct })
        #expect(quote.speaker?.name == "John Smith")
        #expect(quote.via?.name == "A senior official")
    }

    @Test func aSentenceEndingOnAColonIntroducesTheQuoteBelowIt() throws {
        let text = "Maria Lopez has called the ruling unfair and rushed:\n\n\"We face a hard year. Whoever made this decision should think again about the families it hurts.\""
        #expect(try speakers(text) == ["Maria Lopez"])
    }

    @Test func aQuoteGoesOnIntoAParagraphThatOpensWithoutAMark() throws {
        let text = "Maria Lopez said, \"We went into the game without our captain.\n\nWe came out of it with a point and a lot to think about.\" After the match, John Smith said, \"We were lucky today and we know it.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez", "John Smith"])
    }

    @Test func aQuoteGoingOnFromAnAttributedOneIsNotGivenTheNextParagraphsSpeaker() throws {
        let text = "\"I never saw the tackle coming,\" Maria Lopez said. \"He hit me from behind while I was looking the other way.\"\n\nJohn Smith said: \"We have lost on this ground before and we will win on it again.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez", "John Smith"])
    }

    @Test func theSentenceBeforeInItsParagraphIntroducesAQuote() throws {
        let text = "\"We will count every vote,\" John Smith said.\n\nMaria Lopez noted the findings show turnout matters. \"A fair count would settle the question in every county of the state.\""
        // The sentence is reported speech of its own, and introduces the quote.
        #expect(try speakers(text) == ["John Smith", "Maria Lopez", "Maria Lopez"])
    }

    @Test func aQuoteStandingAloneAsAParagraphIsAttributedBelowIt() throws {
        let text = "\"My fears have been realized\"\n\nMaria Lopez told the committee, \"I feared how the call would play in the capital. My fears have been realized.\""
        #expect(try speakers(text) == ["Maria Lopez", "Maria Lopez"])
    }

    @Test func aNameAfterADashSignsAQuote() throws {
        #expect(try speakers("\"So far it is the voters one, the pollsters nil. But it is a long game.\" - Maria Lopez") == ["Maria Lopez"])
    }

    @Test func theOneQuotedBeforeSpeaksThroughTheOneAfter() throws {
        let report = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\nJohn Smith called the office twice in March. During the second call, he asked about the budget, called the mayor a fraud and said, \"this cannot go on, not for another week,\" the prosecutor's office said.")
        let quote = try #require(report.quotes.first { $0.kind != .mention })
        #expect(quote.speaker?.name == "John Smith")
        #expect(quote.via?.name == "the prosecutor's office")
    }

    @Test(arguments: [
        ("Senior researcher Anna Berg, of the University of New South Wales's school of public health, said \"it is fair to think the older pupils go without it as well.\"", "Anna Berg"),
        ("Maria Lopez gave her players a talk on Tuesday, telling them to \"believe in themselves and in each other.\"", "Maria Lopez"),
        ("Critics of the plan were scathing, with one reader writing \"Why was nobody told about the plan before the vote?\"", "one reader"),
        ("Maria Lopez waited for the count. At the door of the hall she said, \"Thank you for everything you did for us.\"", "Maria Lopez"),
        ("Sheldon Smith, via a newspaper, said that Carter \"cannot start a fight and then say that he was the one pushed.\"", "Sheldon Smith"),
        // No verb of speech: the colon hands the quote to whom the sentence opens with, past an opening phrase.
        ("During the debate on Wednesday, Maria Lopez defended the budget: \"We kept every promise we made to the northern counties.\"", "Maria Lopez"),
        // One subject for a list of what it did.
        ("During the second call, Peter Novak asked about the budget, called the plan a \"disgrace\" and left the room.", "Peter Novak"),
    ])
    func subjectsAndSpeakersOfMoreShapes(_ text: String, _ speaker: String) throws {
        #expect(try speakers(text).compactMap { $0 } == [speaker])
    }

    @Test func aDescriptionTheArticleNamesIsThatName() throws {
        // "a group of tenants" describes it first; "The group, Riverside Tenants Union," names it.
        let text = "The rent rise was opposed by a group of tenants. The group, Riverside Tenants Union, met on Monday.\n\n"
            + "The group said the landlord had \"broken every promise made to the families in these buildings.\""
        #expect(try speakers(text).first == "Riverside Tenants Union")
    }

    @Test func theTitleNamesWhoHoldsIt() throws {
        let text = "President Maria Lopez spoke to the trade council on Monday. The president said on Tuesday that the state \"will sign only a deal that works for its farmers.\""
        #expect(Set(try speakers(text)) == ["Maria Lopez"])
    }

    @Test func aRemarkAttributedToSomeoneIsTheirs() throws {
        let report = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\nThere is a line attributed to Maria Lopez: \"Count every vote twice and trust the second count.\"")
        #expect(report.quotes.first?.speaker?.name == "Maria Lopez")
        // A painting or a fault is attributed too, and says nothing.
        let painting = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\nThe portrait, long attributed to Maria Lopez, hangs in the town hall.")
        #expect(painting.quotes.isEmpty)
    }

    @Test(arguments: ["gushed", "implored", "emailed", "conceded", "insisted", "accused", "chanted", "yelled", "muttered"])
    func cueVerbsBeyondSaid(_ verb: String) throws {
        let report = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n\"It was the best night of my life,\" Maria Lopez \(verb) on Tuesday, after the count.")
        #expect(report.quotes.first?.speaker?.name == "Maria Lopez")
        #expect(report.quotes.first?.verb == verb)
    }

    @Test func aQuoteInsideAQuoteIsItsOwn() throws {
        let text = "\u{201C}Peter Novak rang on Friday and told me, \u{2018}We have the money for the bridge.\u{2019} Then the council\u{2019}s \u{2018}review\u{2019} began,\u{201D} Anna Berg said. "
            + "\u{201C}When the letter came, I thought, \u{2018}This is the end of it,\u{2019} and we stopped,\u{201D} she said."
        let quotes = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n\(text)").quotes
        let told = try #require(quotes.first { $0.text == "We have the money for the bridge." })
        #expect(told.speaker?.name == "Peter Novak", "\(told)")
        #expect(told.via?.name == "Anna Berg")
        let scare = try #require(quotes.first { $0.text == "review" })
        #expect(scare.kind == Quote.Kind.mention)
        #expect(scare.speaker == nil)
        // "I" inside her quote is the one quoted.
        let thought = try #require(quotes.first { $0.text == "This is the end of it" })
        #expect(thought.speaker?.name == "Anna Berg")
        #expect(thought.via == nil)
        // The outer quotes keep their speaker and their whole text.
        let hers = quotes.filter { (quote: Quote) in quote.kind == .direct && quote.speaker?.name == "Anna Berg" }
        #expect(hers.count == 3, "\(quotes)")
    }

    @Test func aTitleBeforeANameInsideAQuoteLeavesTheNameTheSpeaker() throws {
        let text = "\u{201C}Coach Peter Novak came in after the game and said, \u{2018}Well done,\u{2019} and I thought he meant the fouls,\u{201D} Anna Berg said."
        let quotes = try Shared.analyze("Campaign trail\n\n\(Self.lead)\n\n\(text)").quotes
        let inner = try #require(quotes.first { $0.text == "Well done" })
        #expect(inner.speaker?.name == "Peter Novak", "\(quotes)")
        #expect(inner.via?.name == "Anna Berg")
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
        // After "although", what follows the verb is what was said, not the clause before.
        ("The count stopped at midnight, although Maria Lopez said it would go on tomorrow.", "it would go on tomorrow", "said"),
        // "that" some way after the verb; the question put before the subject is not what was said.
        ("Maria Lopez told the council in a letter sent last month that the count would take three more days.", "the count would take three more days", "told"),
        ("Asked about the size of the crowd, Maria Lopez said the count would take three more days.", "the count would take three more days", "said"),
        ("Maria Lopez was alleging that the count had been stopped in the northern counties.", "the count had been stopped in the northern counties", "alleging"),
        // A participle with no "that"; the one told left out; "who" for the name before it;
        // a stray comma between the subject and its verb.
        ("Maria Lopez thanked the volunteers, saying the count would take three more days.", "the count would take three more days", "saying"),
        ("Maria Lopez told reporters the count would take three more days.", "the count would take three more days", "told"),
        ("As Maria Lopez told the local paper, the count would take three more days.", "the count would take three more days", "told"),
        ("The plan came from Maria Lopez, who said the count would take three more days.", "the count would take three more days", "said"),
        ("Maria Lopez of the Electoral Commission, says the count would take three more days.", "the count would take three more days", "says"),
    ])
    func reportedSpeechFindsItsContentAndSpeaker(_ sentence: String, _ content: String, _ verb: String) throws {
        let found = try indirect(sentence)
        #expect(found.count == 1)
        #expect(found.first?.0 == content)
        #expect(found.first?.1 == "Maria Lopez")
        #expect(found.first?.2 == verb)
    }

    @Test func reportedSpeechMayFollowADirectQuoteInItsSentence() throws {
        let found = try indirect("Maria Lopez spoke outside the hall, \"It was a long night for all of us,\" adding that the count in the north was over.")
        #expect(found.map(\.0) == ["the count in the north was over"])
        #expect(found.first?.1 == "Maria Lopez")
    }

    @Test func anOrganisationSpeaksThroughAParticiple() throws {
        let found = try indirect("The Red Cross welcomed the vote, saying that the new hall would open in the spring.")
        #expect(found.map(\.0) == ["the new hall would open in the spring"])
        #expect(found.first?.1 == "Red Cross")
    }

    @Test func theOneToldIsNotTheSpeaker() throws {
        let found = try indirect("The volunteers were told the count would take three more days.")
        #expect(found.map(\.0) == ["the count would take three more days"])
        #expect(found.first?.1 == nil)
        // Told a story, not that something is so: no reported speech.
        #expect(try indirect("Maria Lopez told the story of her first campaign in the northern counties.").isEmpty)
    }

    @Test func aSubjectOfSeveralWordsOpenedByAQuantifierIsTheSpeaker() throws {
        let found = try indirect("Both campaigns said they were hopeful the count would end by Friday.")
        #expect(found.map(\.0) == ["they were hopeful the count would end by Friday"])
        #expect(found.first?.1 == "Both campaigns")
    }

    @Test func aSourceNounIsTheSpeaker() throws {
        let found = try indirect("Her office said she was keeping long-standing plans to travel to Florida next week.")
        #expect(found.first?.1 == "Her office")
    }

    @Test func aVerbOfSayingInThePlainPresentAfterAPluralSubjectReports() throws {
        #expect(try indirect("Critics argue that the plan would cost the bakers of the county too much.").map { [$0.1, $0.2] } == [["Critics", "argue"]])
        #expect(try indirect("The farmers warn the plan would cost the bakers of the county too much.").first?.1 == "The farmers")
        // After "to", a modal or an article the same words report nothing.
        #expect(try indirect("The bakery struggled to contend with the orders that came in from the county all week.").isEmpty)
        #expect(try indirect("The judges may deny that the orders came in from the county all week.").isEmpty)
        #expect(try indirect("Their claim that the orders came in from the county all week was wrong.").isEmpty)
    }

    @Test func aFragmentAPluralSourceCallsForIsTheirs() throws {
        let report = try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\nThe report's authors say the results confirm a shortage of iodine. "
            + "They call for \"urgent action on salt in bread.\"")
        let fragment = report.quotes.first { $0.text.hasPrefix("urgent action") }
        #expect(fragment?.speaker?.name == "The report's authors")
        #expect(fragment?.verb == "call")
    }

    @Test func aPrepositionAfterTheVerbOpensNoReport() throws {
        #expect(try indirect("Walt Whitman, the first great American poet, wrote about the Civil War and the long years after it.").isEmpty)
        #expect(try indirect("I mean, is the problem national, say between the two old towns on the river, or one of money?").isEmpty)
    }

    @Test func aSpeechVerbAfterAnArticleIsANoun() throws {
        // "the state grant": no one states anything.
        #expect(try indirect("Teachers protesting the state grant cuts that closed three village schools marched on Monday.").isEmpty)
    }

    @Test func aSentenceWithoutAttributionIsNotReportedSpeech() throws {
        #expect(try indirect("The count would take three more days in the northern counties, officials expected.").isEmpty)
        #expect(try indirect("Maria Lopez said on Tuesday.").isEmpty)
    }

    @Test func reportedSpeechMayHoldAQuotedFragment() throws {
        let found = try indirect("Maria Lopez said she worried there would be \"political consequences\" if the count went on for weeks.")
        #expect(found.map(\.0) == ["she worried there would be \"political consequences\" if the count went on for weeks"])
        #expect(found.first?.1 == "Maria Lopez")
    }

    @Test func aQuoteWithOnlyItsSubjectOutsideIsNotReportedSpeech() throws {
        #expect(try indirect("Maria Lopez said that Smith \"cannot start a fight and then claim he was bullied by everyone.\"").isEmpty)
    }

    @Test func theWritersOwnOpinionIsNotReportedSpeech() throws {
        #expect(try indirect("I think the count would take three more days in the northern counties.").isEmpty)
        #expect(try indirect("We believe the count would take three more days in the northern counties.").isEmpty)
        // Past a modal, a negation or an adverb, and contracted: still the writer.
        #expect(try indirect("But if I were to guess, I'd say the count will take three more days.").isEmpty)
        #expect(try indirect("For all the noise, I don't think the count will take three more days.").isEmpty)
        #expect(try indirect("Even if the count were to stop, I still think the result would hold for years.").isEmpty)
        #expect(try indirect("After a long night, I'd like to believe most of the count is done.").isEmpty)
        #expect(try indirect("We're not going to tell anyone the count in the north is nearly done.").isEmpty)
    }

    @Test func whatIsDoneIsNotWhatIsSaid() throws {
        // A passive, "added" with a thing for its object, a noun read as a verb after a participle.
        #expect(try indirect("A fresh map is added to the app nearly each month, and players notice.").isEmpty)
        #expect(try indirect("Parking got harder in the spring, as a December update added a new plan for the town centre.").isEmpty)
        #expect(try indirect("Sam Ortiz added to his medals, winning the 400 metre relay state title.").isEmpty)
        // A participle graded like an adjective is one.
        #expect(try indirect("But the most telling sign was his claim that the hall had been full all night.").isEmpty)
        // "said Tuesday in a chat": when and where, nothing reported; past the day, the report.
        #expect(try indirect("Maria Lopez said Tuesday in a chat with the council's new members.").isEmpty)
        #expect(try indirect("Health officials said Monday the patient was one of three people taken ill.").map(\.0) == ["the patient was one of three people taken ill"])
    }

    @Test func whereOrWhenIsNotWho() throws {
        let quotes = try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\nA verdict announced at a police commission hearing on Friday night "
            + "revealed that the agency had proposed the firings after a \"reverse sting.\"").quotes
        #expect(!quotes.isEmpty)
        #expect(!quotes.contains { $0.speaker?.name.hasPrefix("at ") == true })
    }

    @Test func theOneSpokenToIsNotWhatIsReported() throws {
        #expect(try indirect("In several talks, Maria Lopez explained to me how the count in the north had gone wrong.").map(\.0)
            == ["how the count in the north had gone wrong"])
    }

    @Test func theLastOfAListSummedUpIsNotTheSpeaker() throws {
        let found = try indirect("Officials working on the count in York, Leeds and Hull all told me that no fix is quick.")
        #expect(!found.contains { $0.1 == "Hull all" || $0.1 == "Hull" })
    }

    @Test func aReportMadeTwiceIsOneReport() throws {
        let found = try indirect("\"It will help,\" Peter Novak said, adding that the new hall would open in the spring.")
        #expect(found.map(\.0) == ["the new hall would open in the spring"])
    }
}

/// "he", "she" and "they" stand for the person of their sex (or the group) the text is about;
/// quoted names are no one's speech.
@Suite struct PronounSpeakerTests {
    private func speakers(_ text: String) throws -> [String?] {
        try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\n" + text).quotes.filter { $0.kind == .direct }.map { $0.speaker?.name }
    }

    @Test(arguments: [
        // The pronoun's sex rules out the sentence's subject.
        ("John Smith thanked Maria Lopez for her support at the rally.", "she", "Maria Lopez"),
        ("Maria Lopez thanked John Smith for his support at the rally.", "he", "John Smith"),
        // Of two men, the one the sentence is about.
        ("Tom Harris testified on Tuesday after a call with President Donald Trump.", "he", "Tom Harris"),
    ])
    func aPronounIsThePersonOfItsSexTheTextIsAbout(_ lead: String, _ pronoun: String, _ speaker: String) throws {
        #expect(try speakers(lead + " \"We could not have done this without the volunteers,\" \(pronoun) said.") == [speaker])
    }

    @Test func heIsTheOneWhoSpokeNotTheOneSpokenTo() throws {
        // The subject of a verb of saying, however far into its sentence, before the one told.
        let text = "\"Customers began to ask for it,\" Tom Harris told Peter Novak at the rally. \"We took that to heart,\" he said."
        #expect(try speakers(text) == ["Tom Harris", "Tom Harris"])
        // In the pronoun's own sentence, the one it names.
        let own = "Tom Harris spoke first. While the plan did not appeal to Peter Novak, he said \"it could still work for the county.\""
        #expect(try speakers(own).last == "Peter Novak")
    }

    @Test func aNearerDescriptionOfTheSexBeatsANameOfNoKnownSex() throws {
        let text = "The account that the shop opened in the spring of last year is run by Kiran Lino. "
            + "On Friday we met one grandmother, who knew her daughter and son used the app. \"I am ahead of other parents,\" she said."
        #expect(try speakers(text) == ["one grandmother"])
        // Not past a recent subject: "Kiran Lino runs the account" is whom "she" goes back to.
        let subject = "Kiran Lino runs the account the shop opened last year, and met one grandmother at the fair. \"I am ahead of other parents,\" she said."
        #expect(try speakers(subject) == ["Kiran Lino"])
    }

    @Test func aTitleGivesTheSex() throws {
        let text = "Mrs. Okafor met Mr. Brandt in the town hall on Monday. \"The talks went better than either of us expected,\" she said."
        #expect(try speakers(text) == ["Okafor"])
    }

    @Test func whatAPersonIsSaidToBeGivesTheSex() throws {
        let text = "Taran Okafor is one of the few women on the county board. Jordan Brandt ran against her.\n\n"
            + "Taran Okafor spoke first.\n\n\"We counted every vote twice,\" he said."
        #expect(try speakers(text) == ["Jordan Brandt"])
    }

    @Test(arguments: [
        ("My husband met every one of the candidates on Monday.", "My husband"),
        ("A 40-year-old woman from the village told the inquiry about the night of the fire.", "A 40-year-old woman"),
        // A name the description goes with is the speaker, not the description.
        ("The actress Taran Okafor told the inquiry about the night of the fire.", "Taran Okafor"),
    ])
    func aPronounWithNoNameThatFitsIsTheDescriptionBefore(_ lead: String, _ speaker: String) throws {
        let pronoun = speaker.contains("husband") ? "he" : "she"
        #expect(try speakers(lead + " \"We will not hire anyone before the spring,\" \(pronoun) said.") == [speaker])
    }

    @Test func theyAreThePluralSourceBefore() throws {
        let text = "The scientists found crop yields would fall by a tenth in every case they examined. \"The world will need half as much food again by the middle of the century,\" they said."
        #expect(try speakers(text) == ["The scientists"])
    }

    @Test(arguments: [
        ("Maria Lopez spoke first at the rally. Peter Novak arrived late in the afternoon. \"I told John Smith this morning that we would win the county by a wide margin,\" he said.", "Peter Novak"),
        ("The board has not yet published its offer. \"We will not put an offer this low to the members,\" they said.", "they"),
    ])
    func aPronounIsNoOneTheQuoteNames(_ text: String, _ speaker: String) throws {
        #expect(try speakers(text) == [speaker])
    }

    @Test func theyAreTheSubjectOfTwoBefore() throws {
        let text = "The harbour board met in the town hall on Monday. Mayor Taran Okafor and the leaders of the council have not criticised the dockers. "
            + "\"We will not cut the pilots' pay before the spring,\" they said."
        #expect(try speakers(text) == ["Taran Okafor"])
    }

    @Test func theyReachBackThreeSentences() throws {
        let text = "The union's officials left the talks on Monday evening without an agreement on pay or hours. "
            + "The two sides had met every day for a fortnight in a hotel near the station, and both had said at the start that a deal was close, that the gap was small and that nobody wanted a strike before the winter. "
            + "The board has not yet published its offer. "
            + "\"The offer is too low to put to the members, and it is the last one we will take to them,\" they said."
        #expect(try speakers(text) == ["The union's officials"])
    }

    @Test func theyAreNotAnOrganisationNamedAfterAPreposition() throws {
        let text = "The report's authors found bus use had fallen. The study, published in the British Medical Journal this week, covered 1,700 towns. \"Cheaper fares are the simplest way to bring riders back,\" they said."
        #expect(try speakers(text) == ["The report's authors"])
    }

    @Test func theyAreNotAGroupNamedAfterAPreposition() throws {
        let text = "The scientists found crop yields would fall by a tenth. Their rivals spent the week arguing with critics of the study. \"The world will need half as much food again by the middle of the century,\" they said."
        #expect(try speakers(text) == ["The scientists"])
    }

    @Test func noOneFitsNoOneIsNamed() throws {
        // Only a woman is in reach: "he" stays "he".
        let text = "Maria Lopez spoke first at the rally in the square. \"We could not have done this without the volunteers,\" he said."
        #expect(try speakers(text) == ["he"])
    }

    @Test(arguments: [
        ("She told the panel on \"Meet the Press\" that the count would go on.", "Meet the Press"),
        ("The plan, dubbed \"Operation Harvest\", starts on Monday in the northern counties.", "Operation Harvest"),
        ("The candidates traded barbs over what one called the \"focus\" of the campaign.", "focus"),
        ("The union called on the \"interim\" board to step down by Friday.", "interim"),
        // A name given inside reported speech is still a name.
        ("Maria Lopez denied that she and two aides had formed what critics dubbed the \"Back Room\" team.", "Back Room"),
        ("Peter Novak said the three were known as the \"Three Wise Men\" at the ministry.", "Three Wise Men"),
        // Title case where a statement could stand: a slogan after a comma, a title with a figure.
        ("Nurses marched with banners bearing slogans such as, \"More Beds, Fewer Forms.\" through the town.", "More Beds, Fewer Forms."),
        ("The council opened a website, \"The Flood Map 2030 Project\", to show which streets are at risk.", "The Flood Map 2030 Project"),
        // Single marks where double ones quote: a term.
        ("Peter Novak said the deal was \"the best we could get\" and that a 'phase two' deal would follow.", "phase two"),
        // A verb of saying coupled by "or" reports nothing.
        ("Nothing the mayor did or said in office broke the \"code\" of the council.", "code"),
        // A word in single marks ending in s, with a plural's mark later in the sentence.
        ("The new ‘Lanterns’ range of lamps shows the approach of the brothers’ studio.", "Lanterns"),
    ])
    func quotedNamesAreMentions(_ sentence: String, _ words: String) throws {
        let quote = try #require(try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\n\(sentence)").quotes.first { $0.text == words })
        #expect(quote.kind == .mention)
        #expect(quote.speaker == nil)
    }

    @Test func inchMarksQuoteNothing() throws {
        let text = "Deals\n\nThe 65\" TV is now $549, and the box is 30\" long and 18\" deep. "
            + "My guess: this is the cheapest 70\"+ TV of the year. \"We sold out by noon,\" the manager said of the 34\" monitors."
        let quotes = try Shared.analyze(text).quotes
        #expect(quotes.map(\.text) == ["We sold out by noon"])
        #expect(quotes.first?.speaker?.name == "the manager")
        // A quote that ends on a figure still closes there.
        let score = try Shared.analyze("Final\n\n\"We won 3-1\" he said after the game, and the crowd cheered.").quotes
        #expect(score.map(\.text) == ["We won 3-1"])
    }

    @Test func aSloganAVerbOfSayingGivesIsSpeech() throws {
        let text = "Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\nHundreds of nurses chanted, \"Save Our Wards,\" outside the county hospital on Monday."
        let quote = try #require(try Shared.analyze(text).quotes.first { $0.text.hasPrefix("Save Our Wards") })
        #expect(quote.kind != .mention)
        #expect(quote.speaker?.name == "Hundreds of nurses")
    }

    @Test(arguments: [
        ("Anna Berg, a nurse at the county hospital, said managers had \"ignored\" the staff for years.", "ignored", "Anna Berg"),
        ("Mayor Peter Novak called the budget \"reckless\" at a meeting on Monday.", "reckless", "Peter Novak"),
    ])
    func aWordQuotedInWhatSomeoneSaysIsTheirs(_ sentence: String, _ words: String, _ speaker: String) throws {
        let quote = try #require(try Shared.analyze("Campaign trail\n\n\(QuoteSpeakerTests.lead)\n\n\(sentence)").quotes.first { $0.text == words })
        #expect(quote.kind == .partial)
        #expect(quote.speaker?.name == speaker)
    }
}
