import Foundation
import NewsAnalysis
import Testing

/// What the entity pass promises whatever the text: no two mentions of different kinds
/// overlap or touch (a name is never cut into pieces of different types), and the shapes the
/// tagger cannot see in a window (lines in capitals, tables of figures) are handled.
@Suite struct EntityMentionTests {
    /// Capitalised words from names of every kind, glue words and figures, drawn into
    /// sentences, headlines in capitals and result lines.
    static let words = [
        "Salem", "Bitar", "West", "Indies", "Rio", "De", "Janeiro", "Melbourne", "Cricket", "Ground", "Andy",
        "Warhol", "Barrick", "Gold", "Corp", "AC", "Milan", "British", "Airways", "Leeds", "Porto", "Tokyo",
        "Glasgow", "Hassan", "Abbas", "Xinhua", "Kremlin", "Apple", "Marvel", "Bank", "United", "States",
        "Ministry", "Party", "FC", "Inc", "John", "Smith", "New", "York", "Times", "Reuters", "Sergei", "Lavrov",
    ]
    static let glue = ["of", "the", "and", "de", "said", "in", "at", "for", "with", ",", "-", "'s", "(", ")", "2", "10-0-42-5", "3"]

    static func text(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var lines: [String] = []
        for _ in 0..<40 {
            var line: [String] = []
            for _ in 0..<Int.random(in: 3...18, using: &rng) {
                if Int.random(in: 0..<3, using: &rng) == 0 { line.append(glue.randomElement(using: &rng)!) }
                else { line.append(words.randomElement(using: &rng)!) }
            }
            var text = line.joined(separator: " ")
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: text = text.uppercased()
            case 1: text += "."
            default: text = "The " + text + " said on Monday."
            }
            lines.append(text)
        }
        return lines.joined(separator: "\n\n")
    }

    @Test func noTwoMentionsOfDifferentKindsTouchOrOverlap() throws {
        let seed = ProcessInfo.processInfo.environment["COPYDESK_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        print("noTwoMentionsOfDifferentKindsTouchOrOverlap: COPYDESK_TEST_SEED=\(seed)")
        var checked = 0
        for round in 0..<20 {
            let text = Self.text(seed: seed &+ UInt64(round))
            let scalars = Array(text.unicodeScalars)
            let report = try Shared.analyze(text)
            var mentions: [(start: Int, end: Int, type: Entity.Kind)] = []
            for e in report.entities { for m in e.mentions { mentions.append((m.start, m.end, e.type)) } }
            mentions.sort { $0.start < $1.start }
            for (a, b) in zip(mentions, mentions.dropFirst()) {
                #expect(b.start >= a.end || a.type == b.type, "overlap: \(a) \(b)")
                let between = scalars[min(a.end, b.start)..<max(a.end, b.start)]
                let touching = b.start >= a.end && between.allSatisfy { $0 == " " }
                #expect(!(touching && a.type != b.type), "touching: \(String(String.UnicodeScalarView(scalars[a.start..<b.end])))")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func aHeadlineInCapitalsNamesOnlyItsNames() throws {
        let report = try Shared.analyze("""
            GET OUT AND VOTE, SAYS GREAT BRITAIN'S PRIME MINISTER IN GLASGOW

            GLASGOW (Reuters) - The prime minister told voters in Glasgow on Monday to turn out.
            """)
        let names = Set(report.entities.flatMap { $0.mentions.map(\.text) })
        for word in ["GET OUT", "VOTE", "GREAT", "GET", "OUT"] { #expect(!names.contains(word), "\(word) is no name") }
        #expect(report.entities.first { $0.name.uppercased() == "GLASGOW" }?.type == .place)
    }

    @Test func resultsNameTeamsAndNoFigures() throws {
        let report = try Shared.analyze("""
            Leeds beat Porto in a friendly on Saturday, and Chelsea drew with Arsenal.

            Leeds 2 Porto 1
            Chelsea 3 Arsenal 0
            Porto 1 Vrelmont 1
            """)
        for e in report.entities {
            #expect(!e.mentions.contains { $0.text.contains { $0.isNumber } }, "\(e.name) holds a figure")
        }
        #expect(report.entities.first { $0.name == "Leeds" }?.type == .organization)
        #expect(report.entities.first { $0.name == "Porto" }?.type == .organization)
        // A side the tagger does not know, against a team, is a team.
        #expect(report.entities.first { $0.name == "Vrelmont" }?.type == .organization)
        // In prose too: a city that beats or is beaten is its club; a country stays a place.
        let prose = try Shared.analyze("Late goal\n\nColumbus beat Buffalo on Tuesday, a week after Detroit routed Winnipeg. Canada beat Sweden in the final.")
        for name in ["Columbus", "Buffalo", "Detroit", "Winnipeg"] {
            #expect(prose.entities.first { $0.name == name }?.type == .organization, "\(name)")
        }
        #expect(prose.entities.first { $0.name == "Canada" }?.type == .place)
    }

    @Test func aTownOnePlaysForIsItsClubAndStillAPlaceOneIsIn() throws {
        let report = try Shared.analyze("""
            A long career

            Mick Dunne played with Footscray for four seasons. He was the father of Geelong player Sam Dunne, and the two sides meet again in Geelong on Saturday. Dunne was born in Texas, and a Texas coach signed him.
            """)
        let kinds = Dictionary(report.entities.flatMap { e in e.mentions.map { ($0.start, e.type) } }, uniquingKeysWith: { a, _ in a })
        func kind(_ name: String, _ nth: Int) -> Entity.Kind? {
            let starts = report.entities.flatMap(\.mentions).filter { $0.text == name }.map(\.start).sorted()
            return nth < starts.count ? kinds[starts[nth]] : nil
        }
        #expect(kind("Footscray", 0) == .organization)
        #expect(kind("Geelong", 0) == .organization)
        #expect(kind("Geelong", 1) == .place)
        // A state's name before "coach" is the state, as newswire types it.
        #expect(kind("Texas", 0) == .place && kind("Texas", 1) == .place)
    }

    @Test func aLargeCityTakenForAPersonIsThePlaceUnlessSomeoneIsCalledSo() throws {
        let report = try Shared.analyze("""
            Old mills

            Prato has been battling rising unemployment. Owing to its history, Prato has an impressive collection of old mills, and Prato says it will build more. Vladimir Sorokin wrote about the mills; Vladimir says they are beautiful. A statue of Constantine the Great stands by the river.
            """)
        let kinds = Dictionary(report.entities.flatMap { e in e.mentions.map { ($0.text, e.type) } }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["Prato"] == .place)
        // Vladimir is a city too, but here the first name of someone in the article.
        #expect(kinds["Vladimir"] == .person)
        #expect(kinds["Constantine"] == .person)
    }

    @Test func namesEitherSideOfVersusAreTwoAndAHeadlinesCapitalsFollowTheText() throws {
        let report = try Shared.analyze("""
            RUGBY - PORTUGAL V CANADA ENDS IN A DRAW

            LISBON 2026-11-28

            Portugal and Canada drew 20-20 in Lisbon on Saturday, a week after Wales v Fiji in Cardiff.
            """)
        let kinds = Dictionary(report.entities.flatMap { e in e.mentions.map { ($0.text, e.type) } }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["PORTUGAL V CANADA"] == nil)
        #expect(kinds["Wales v Fiji"] == nil)
        // In capitals the tagger has less to go on; the name takes the type the text gives it.
        #expect(kinds["PORTUGAL"] == kinds["Portugal"])
        #expect(kinds["CANADA"] == kinds["Canada"])
        #expect(kinds["Portugal"] != nil && kinds["Canada"] != nil)
    }

    @Test func captionsAndDateLinesNameTheirPeopleAndPlaces() throws {
        let report = try Shared.analyze("""
            Ants that treat their own wounds

            OSLO 2026-03-03

            Ingrid Dahl at her bench in Bergen. Photo: Tomas Lind.

            Worker ants of a common black species chew on resin from spruce trees when a fungus gets into their nest, and the colonies that did so lost far fewer of their young over the summer.
            """)
        #expect(report.images.map(\.caption.text).contains { $0.hasPrefix("Ingrid Dahl") })
        let kinds = Dictionary(report.entities.flatMap { e in e.mentions.map { ($0.text, e.type) } }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["Ingrid Dahl"] == .person)
        #expect(kinds["Bergen"] == .place)
        #expect(kinds["OSLO"] == .place)
        #expect(kinds["Tomas Lind"] == .person)
    }

    @Test func whatTheTextSaysANameIsDecidesItsKind() throws {
        let report = try Shared.analyze("""
            Quiet places

            Pellow is a town in the west, and Pellow has a market. Ardith, a parish in the valley, has two churches. Tovana, a Danish chain of discount supermarkets, hired Pellow's mayor.
            """)
        let pellow = try #require(report.entities.first { $0.name == "Pellow" })
        #expect(pellow.type == .place && pellow.mentions.count == 3)
        #expect(report.entities.first { $0.name == "Ardith" }?.type == .place)
        #expect(report.entities.first { $0.name == "Tovana" }?.type == .organization)
        // A noun after "of" describes something else: the daughter of a village baker is still a person.
        let family = try Shared.analyze("Family\n\nMarisol Reyna is the daughter of a village baker, and Reyna is the owner of a town house.")
        #expect(family.entities.first { $0.name == "Marisol Reyna" }?.type == .person)
        // After an opening phrase or before "said", what follows the comma is no description of the name.
        let news = try Shared.analyze("Arrest\n\nFollowing his arrest in Britain, a lawyer for the woman asked for the case to be reopened. "
            + "A man fell ill in Hebei, the news agency said.")
        for name in ["United Kingdom", "Hebei"] {
            #expect(news.entities.first { $0.name == name }?.type == .place, "\(name)")
        }
    }

    @Test func aLegalFormAClubsNameOrTheNounBeforeANameSaysItIsAnOrganisation() throws {
        let report = try Shared.analyze("""
            Markets close higher

            Shares in Kessler Vogt AG and Marinetti SpA rose on Friday, while Holbrook Douglas Corp fell after the daily Tagesspiegel said talks had stalled. Fans of Dunmore United were told by the band Quiet Harbour that the concert would go ahead.
            """)
        let kinds = Dictionary(report.entities.flatMap { e in e.mentions.map { ($0.text, e.type) } }, uniquingKeysWith: { a, _ in a })
        for name in ["Kessler Vogt AG", "Marinetti SpA", "Holbrook Douglas Corp", "Tagesspiegel", "Dunmore United", "Quiet Harbour"] {
            #expect(kinds[name] == .organization, "\(name): \(String(describing: kinds[name]))")
        }
        let maker = try Shared.analyze("Sales\n\nFans were told on Monday that the software maker Harmon would pay for the concert.")
        #expect(maker.entities.first { $0.name == "Harmon" }?.type == .organization)
    }

    @Test func aUnitsNumberAndAPersonsGenerationArePartOfTheName() throws {
        let report = try Shared.analyze("""
            Troops head home

            Soldiers of the 41st Mountain Division and sailors of the Ninth Fleet came home on Monday, said Harold Weems III, who led the 27th Lakeside Book Festival last year.
            """)
        let names = Set(report.entities.flatMap { $0.mentions.map(\.text) })
        for name in ["41st Mountain Division", "Ninth Fleet", "Harold Weems III"] { #expect(names.contains(name), "\(name): \(names)") }
        #expect(!names.contains { $0.hasPrefix("27th") })
    }

    @Test func aShortFormInBracketsAfterANameIsThatName() throws {
        let report = try Shared.analyze("""
            Outbreak

            Officials of the World Health Organisation (WHO) arrived in Lagos on Monday, a week after the Nigerian Port Authority (NPA) closed two harbours.
            """)
        let who = report.entities.first { $0.name == "World Health Organisation" }
        #expect(who?.type == .organization)
        #expect(who?.mentions.map(\.text).contains("WHO") == true, "\(String(describing: who))")
        #expect(report.entities.contains { $0.mentions.contains { $0.text == "NPA" } })
    }

    @Test func aNameFirstMetInCapitalsIsNamedAsTheTextWritesIt() throws {
        let report = try Shared.analyze("""
            SOCCER - DUNMORE HOLD KILBRIDE TO A DRAW

            Dunmore held Kilbride to a goalless draw on Saturday, and Kilbride stay second in the table after three games.
            """)
        let names = report.entities.map(\.name)
        #expect(names.contains("Kilbride"), "\(names)")
        #expect(!names.contains("KILBRIDE") && !names.contains("DUNMORE"))
    }

    @Test func aScorecardsLettersSeparateItsNamesAndAYearIsNoScore() throws {
        let report = try Shared.analyze("""
            England first innings

            Scores on the first day of the test at the Oval on Thursday:

            Alec Stewart c Moin Khan b Waqar Younis 44

            Nasser Hussain c Saeed Anwar b Mushtaq Ahmed 12

            Born 4 May 1931 Lyon, France

            The actress grew up in Lyon and moved to Paris when her father's restaurant closed, and she trained there for two years before her first role on stage.
            """)
        let names = Set(report.entities.flatMap { $0.mentions.map(\.text) })
        for name in ["Alec Stewart", "Moin Khan", "Nasser Hussain", "Saeed Anwar"] { #expect(names.contains(name), "\(name)") }
        #expect(!names.contains { $0.contains(" c ") || $0.contains(" b ") })
        #expect(report.entities.first { $0.name == "Lyon" }?.type == .place)
    }

    @Test func aRoleOrTheBeforeANameIsNoPartOfIt() throws {
        let report = try Shared.analyze("""
            Hosts Portugal win again

            Hosts Portugal beat Canada 2-0 on Friday. Defender Maria Lopez scored in the first half, and Administrator John Smith said fans of The Cleveland Orchestra had filled the stadium.
            """)
        let names = Set(report.entities.flatMap { $0.mentions.map(\.text) })
        for name in ["Portugal", "Maria Lopez", "John Smith", "Cleveland Orchestra"] { #expect(names.contains(name), "\(name)") }
        #expect(!names.contains { $0.hasPrefix("Hosts") || $0.hasPrefix("Defender") || $0.hasPrefix("Administrator") || $0.hasPrefix("The") })
    }

    @Test func feastDaysAndNationalitiesBeforeTheirGroupAreNoNames() throws {
        let report = try Shared.analyze("""
            Talks resume

            The Zairean government said on Monday that Congolese officials would meet in Goma after Christmas. Brian Keller said Christian leaders had asked for the talks before Diwali.
            """)
        let names = Set(report.entities.flatMap { $0.mentions.map(\.text) })
        for word in ["Zairean", "Congolese", "Christmas", "Christian", "Diwali"] { #expect(!names.contains(word), "\(word) is no name") }
        #expect(names.contains("Goma"))
        #expect(names.contains("Brian Keller"))
    }

    @Test func initialsBeforeANameAreTheirsAlsoOpeningASentence() throws {
        let report = try Shared.analyze("Test match\n\nThe visitors were led by A. Stewart and I. Botham. A. Stewart scored 44 and J. R. Hartley took two wickets.")
        let names = report.entities.flatMap { $0.mentions.map(\.text) }
        #expect(names.filter { $0 == "A. Stewart" }.count == 2)
        #expect(names.contains("J. R. Hartley"))
    }

    @Test func aNameInCapitalsIsANameWhateverItSpellsInLowercase() throws {
        let report = try Shared.analyze("A life in two countries\n\nShe grew up in Lyon. At twenty she moved to the US with her brother and opened a bakery. Let us say she never looked back.")
        let us = try #require(report.entities.first { $0.mentions.contains { $0.text == "US" } })
        #expect(us.type == .place)
        #expect(!report.entities.contains { $0.mentions.contains { $0.text == "us" } })
    }

    @Test func aNameAnIllnessIsCalledByIsNobody() throws {
        let report = try Shared.analyze("A new test for memory loss\n\nAlzheimer’s disease starts years before the first signs, said Dr. Maria Lopez of Leeds. Her team hopes to spot Alzheimer’s early, as with Parkinson's disease.")
        #expect(!report.entities.contains { $0.name.hasPrefix("Alzheimer") || $0.name.hasPrefix("Parkinson") })
        #expect(report.entities.contains { $0.name == "Maria Lopez" && $0.type == .person })
        let agency = try Shared.analyze("Outbreak contained\n\nMongolia’s disease control agency said the outbreak in the north was over.")
        #expect(agency.entities.contains { $0.name == "Mongolia" })
    }

    @Test func aSurnameSpelledAnotherWayIsThePersonAndAFault() throws {
        let report = try Shared.analyze("Salt in bread\n\nLena Vandermeer of the food agency said most bread now used iodised salt. "
            + "Mark Hollins, a baker, agreed. \"We want every bakery to use it,\" Ms Vandermeir said, and Hollins nodded.")
        let lena = try #require(report.entities.first { $0.name == "Lena Vandermeer" })
        #expect(lena.mentions.map(\.text) == ["Lena Vandermeer", "Vandermeir"])
        #expect(report.quotes.first { $0.kind == .direct }?.speaker?.name == "Lena Vandermeer")
        #expect(report.issues.filter { $0.kind == .misspelledName }.map(\.text) == ["Vandermeir"])
        // A surname written as introduced is no fault.
        #expect(report.entities.first { $0.name == "Mark Hollins" }?.mentions.count == 2)
    }

    @Test func aSurnameOfTwoWordsIsThePersonAgain() throws {
        let report = try Shared.analyze("Media deals ahead\n\nAnalyst Jessica Reif Ehrlich expects more mergers next year. "
            + "The pressure on cable is rising, Reif Ehrlich wrote to clients, and Reif Ehrlich sees the studios selling first.")
        let analyst = try #require(report.entities.first { $0.name == "Jessica Reif Ehrlich" })
        #expect(analyst.mentions.map(\.text) == ["Jessica Reif Ehrlich", "Reif Ehrlich", "Reif Ehrlich"])
        #expect(!report.entities.contains { $0.name == "Reif Ehrlich" })
    }

    @Test func aNamesLastWordSaysWhatItIs() throws {
        let text = "Late rally\n\nMaria Soto scored 25 points against the Oklahoma City Thunder last night. The Thunder trailed by nine, "
            + "but the Thunder's defence held. Coach Frank Vogel said the Thunder played well, and the Thunder will meet them again in May."
        #expect(try Shared.analyze(text).entities.first { $0.name == "Oklahoma City Thunder" }?.type == .organization)
    }

    @Test func aFamilyNamedInThePluralArePeople() throws {
        let report = try Shared.analyze("A family business\n\nHunter Okonkwo sat on the board for five years. The Okonkwos have denied any wrongdoing.")
        #expect(report.entities.first { $0.mentions.contains { $0.text == "Okonkwos" } }?.type == .person)
    }

    @Test func aGivenNameAloneIsItsOneBearer() throws {
        let report = try Shared.analyze("A case reopened\n\nThe inquiry began with the arrest of Lionel Whitcombe in 2006. Whitcombe served two years. "
            + "\"After he sued, Lionel came back to testify,\" said Joel Flaxman, his lawyer. Whitcombe's conviction was vacated.")
        let lionel = try #require(report.entities.first { $0.name == "Lionel Whitcombe" })
        #expect(lionel.mentions.map(\.text) == ["Lionel Whitcombe", "Whitcombe", "Lionel", "Whitcombe"])
        // Two people of one given name: it alone is neither.
        let two = try Shared.analyze("Brothers\n\nAnna Berg and Anna Lund met in Oslo. Anna said little.")
        #expect(!two.entities.contains { $0.mentions.count > 1 && $0.mentions.contains { $0.text == "Anna" } })
    }

    @Test func anOrganisationKnownTheWorldOverIsThatOrganisation() throws {
        let report = try Shared.analyze("Car sales slow\n\nSales at Toyota fell in March, and Honda said its own were flat. "
            + "Both carmakers advertise on Facebook, which said it would not comment. Google Maps shows the plant near the coast.")
        for name in ["Toyota", "Honda", "Facebook"] {
            #expect(report.entities.first { $0.name == name }?.type == .organization, "\(name)")
        }
        // In a longer name, the tagger decides.
        #expect(!report.entities.contains { $0.name == "Google" })
        // News outlets are organisations too, not the people a name of that shape would be.
        let outlets = try Shared.analyze("Talks stall\n\nThe two studios have met twice, Axios reported, and Politico said a third meeting was set for May.")
        for name in ["Axios", "Politico"] {
            #expect(outlets.entities.first { $0.name == name }?.type == .organization, "\(name)")
        }
        // Spellings newswire uses, and an encyclopaedia the tagger may take for a person.
        let others = try Shared.analyze("Rockets fired\n\nHizbollah fighters fired rockets at dawn, hours after Wikipedia locked its page on the border war.")
        for name in ["Hizbollah", "Wikipedia"] {
            #expect(others.entities.first { $0.name == name }?.type == .organization, "\(name)")
        }
    }

    @Test func acronymsInThePluralAndAPlacesPeopleAreNoNames() throws {
        let report = try Shared.analyze("City budget\n\nNew Yorkers and Londoners pay more for SUVs than drivers in Leeds, "
            + "and Bostonians told the NGOs so. Mayor Jane Doe of New York said ICUs were full.")
        for name in ["New Yorkers", "Londoners", "Bostonians", "SUVs", "NGOs", "ICUs"] {
            #expect(!report.entities.contains { $0.mentions.contains { $0.text == name } }, "\(name)")
        }
        #expect(report.entities.contains { $0.name == "New York" })
        #expect(report.entities.contains { $0.name == "Leeds" })
    }

    @Test func aCountryWrittenWithoutItsLastPeriodIsThatCountry() throws {
        let report = try Shared.analyze("Talks\n\nThe treaty between Moscow and the U.S government was signed in May, and the U.K joined it later.")
        #expect(report.entities.first { $0.mentions.contains { $0.text == "U.S" } }?.name == "United States")
        #expect(report.entities.first { $0.mentions.contains { $0.text == "U.K" } }?.name == "United Kingdom")
    }

    @Test func modelNumbersAreNoNames() throws {
        let report = try Shared.analyze("Russia will sell the S-300 system to Iran, and Israel flies the F-16.")
        #expect(!report.entities.contains { $0.name == "S-300" || $0.name == "F-16" })
        #expect(report.entities.contains { $0.name == "Russia" && $0.type == .place })
    }
}
