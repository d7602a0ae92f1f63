/// Finds people, places and organisations: the tagger proposes mentions; rules fix what a
/// tagger cannot see in a window ("Sergei's Courtyard" is a place, "the Kremlin" an
/// organisation, "ENGLAND V PAKISTAN" two names); every later mention of a known name or
/// surname is added; one name keeps one type, a city named alone is a place and a place beside
/// a score in a results table a team; pieces of one name that touch become one; mentions are
/// then grouped into entities with canonical names, titles, gazetteer data and salience.
struct EntityPass {
    let lexicon: Lexicon
    let tagger: TaggerModel

    struct Mention {
        var range: Range<Int>
        var kind: Entity.Kind
    }

    /// Entity being built: its kind, name, key and mention token ranges.
    private struct Builder {
        var kind: Entity.Kind
        var name: String
        var key: UInt64
        var mentions: [Range<Int>]
        var titles: [String] = []
        var nationality: String?
        var place: Int32 = -1
    }

    func run(_ doc: inout Document, _ report: inout AnalysisReport) {
        let fx = FeatureExtractor(lexicon: lexicon)
        let ctx = fx.context(doc)
        var labels = [EntityLabel](repeating: .outside, count: doc.tokens.count)
        tagger.tag(doc, ctx, doc.entityScope, fx, into: &labels)
        var mentions = tagged(doc, labels)
        splitAtVersus(doc, &mentions)
        applyRules(doc, ctx, &mentions)
        knownOrganisations(doc, &mentions)
        kindsTheWordsSay(doc, &mentions)
        acronymsInBrackets(doc, &mentions)
        propagate(doc, ctx, &mentions)
        harmonise(doc, ctx, &mentions)
        definitions(doc, &mentions)
        numbersInNames(doc, &mentions)
        cities(doc, &mentions)
        teams(doc, &mentions)
        opponents(doc, &mentions)
        settle(doc, &mentions)
        let grouped = group(&doc, mentions)
        doc.entityAt = [Int32](repeating: -1, count: doc.tokens.count)
        for (n, g) in grouped.enumerated() {
            for r in g.1 { for k in r { doc.entityAt[k] = Int32(n) } }
        }
        report.entities = grouped.map(\.0)
        doc.entitySexes = PronounResolver.sexes(doc, report.entities, lexicon)
    }

    // MARK: - Mentions

    private func tagged(_ doc: Document, _ labels: [EntityLabel]) -> [Mention] {
        var out: [Mention] = []
        for r in doc.entityScope {
            var start = -1
            var kind: Entity.Kind = .person
            for i in r {
                let l = labels[i]
                if l.isBegin || l == .outside {
                    if start >= 0 { out.append(Mention(range: start..<i, kind: kind)) }
                    start = l.isBegin ? i : -1
                    if let k = l.kind { kind = k }
                }
            }
            if start >= 0 { out.append(Mention(range: start..<r.upperBound, kind: kind)) }
        }
        return out
    }

    /// "ENGLAND V PAKISTAN", "Leeds vs Porto": two names either side of "v" or "vs", which a
    /// headline in capitals makes look like one with an initial inside. A lone lowercase
    /// consonant is no part of a name either: a scorecard's "Stewart c Khan b Younis" is three.
    private func splitAtVersus(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        func separates(_ k: Int) -> Bool {
            Self.versus.contains(t[k].lower) || t[k].kind == .word && t[k].length == 1 && t[k].has(.lowercase) && !Self.vowels.contains(t[k].first)
        }
        guard mentions.contains(where: { m in m.range.dropFirst().dropLast().contains(where: separates) }) else { return }
        mentions = mentions.flatMap { m -> [Mention] in
            var parts: [Mention] = []
            var start = m.range.lowerBound
            for k in m.range.dropFirst().dropLast() where separates(k) {
                parts.append(Mention(range: start..<k, kind: m.kind))
                start = k + 1
            }
            parts.append(Mention(range: start..<m.range.upperBound, kind: m.kind))
            return parts.filter { !$0.range.isEmpty }
        }
    }

    /// Letters that are words alone in the languages names come from ("y", "e", "i", "o", "a", "u").
    private static let vowels: Set<UInt32> = Set("aeiouy".unicodeScalars.map(\.value))

    /// Roles written before a name as if they were titles, in sports reports above all: no
    /// part of the name. None that opens names too ("Champions League", "Leaders Summit",
    /// "Forward Party"); not the lexicon's titles, which the tagger reads as features.
    private static let roles = Set([
        "hosts", "holders", "defender", "midfielder", "striker", "goalkeeper", "winger", "skipper", "batsman",
        "bowler", "spinner", "wicketkeeper", "pitcher", "quarterback", "administrator", "rookie", "compatriot",
        "countryman", "teammate", "runner-up", "incumbent", "challenger",
    ].map { FNV.lowercased($0) })

    private static let the = FNV.lowercased("the")

    private static let versus = Set(["v", "v.", "vs", "vs."].map { FNV.lowercased($0) })

    private func applyRules(_ doc: Document, _ ctx: FeatureExtractor.Context, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var extra: [Mention] = []
        for r in doc.entityScope {
            var i = r.lowerBound
            while i < r.upperBound {
                // "Sergei's Courtyard", "the Prime Minister's Office": a possessive name whose
                // head is a place or organisation noun names that place or organisation.
                if t[i].has(.possessive), i > r.lowerBound, i + 1 < r.upperBound, t[i + 1].has(.capitalized) {
                    var j = i + 1
                    while j < r.upperBound, j - i <= 3, t[j].has(.capitalized), t[j].kind == .word { j += 1 }
                    let head = doc.lex[j - 1]
                    let kind: Entity.Kind? = head.contains(.placeNoun) ? .place : head.contains(.organisationWord) ? .organization : nil
                    var k = i
                    while k > r.lowerBound, i - k < 4, t[k - 1].has(.capitalized), t[k - 1].kind == .word,
                          !(doc.lex[k - 1].contains(.stopword) && (k - 1 == r.lowerBound || t[k - 1].has(.sentenceStart))) { k -= 1 }
                    if let kind, k < i { extra.append(Mention(range: k..<j, kind: kind)) }
                    i = j
                    continue
                }
                // Metonyms: "the Kremlin", "the White House" speak for a government.
                let code = ctx.phrase[i]
                if code & 7 == 5, code >> 8 == 1 || code >> 8 == 2 {
                    var j = i + 1
                    while j < r.upperBound, ctx.phrase[j] >> 8 >= 3, ctx.phrase[j] & 7 == 5 { j += 1 }
                    extra.append(Mention(range: i..<j, kind: .organization))
                    i = j
                    continue
                }
                i += 1
            }
        }
        if !extra.isEmpty {
            var claimed = [Bool](repeating: false, count: t.count)
            for e in extra { for k in e.range { claimed[k] = true } }
            mentions.removeAll { m in m.range.contains { claimed[$0] } }
            mentions.append(contentsOf: extra)
        }
        // Drop what is no name at all; trim titles off the front of a person's name, and roles
        // and "the" off the front of any ("Hosts UAE", "Defender Hassan Abbas", "The Canadian
        // Press", as GUM marks names); an initial before a
        // person's name is theirs, also where it opens a sentence and reads like "A".
        mentions = mentions.compactMap { m in
            var m = m
            var a = m.range.lowerBound
            while m.kind == .person, a > 0, t[a - 1].has(.initial), !mentions.contains(where: { $0.range.contains(a - 1) }) {
                a -= 1
                m.range = a..<m.range.upperBound
            }
            while a < m.range.upperBound - 1, t[a + 1].has(.capitalized),
                  m.kind == .person && doc.lex[a].contains(.title) || Self.roles.contains(t[a].lower) || t[a].lower == Self.the { a += 1 }
            m.range = a..<m.range.upperBound
            // A name has a word of its own, of two letters or more: "S-300" and "F-16" are models.
            // A word in capitals on a line that is not is one, whatever it spells in lowercase
            // ("the US", "the WHO").
            let meaningful = m.range.contains { k in
                t[k].kind == .word && letters(doc, k) >= 2 && (!doc.lex[k].contains(.stopword) || t[k].has(.allCaps) && !ctx.shouted[k])
                    && !doc.lex[k].contains(.calendar)
                    && !(m.range.count == 1 && (isDemonym(doc, k) || Self.holidays.contains(t[k].lower)))
                    && !(m.kind == .person && doc.lex[k].contains(.title))
            }
            // A name ends in a word, not in a comma or a hyphen.
            var b = m.range.upperBound
            while b > m.range.lowerBound, t[b - 1].kind == .punctuation, t[b - 1].first != 41 { b -= 1 }
            m.range = m.range.lowerBound..<b
            return meaningful && !m.range.isEmpty && !isPluralAcronym(doc, m.range) && !namesAPlacesPeople(doc, m.range) ? m : nil
        }
        // "Alzheimer's disease": a person's name a condition is called by is nobody, anywhere in
        // the article ("Mongolia's disease agency" keeps its place).
        let conditions = Set(mentions.filter { $0.kind == .person && namesACondition(doc, $0.range) }.map { key(doc, $0.range) })
        if !conditions.isEmpty { mentions.removeAll { conditions.contains(key(doc, $0.range)) } }
    }

    /// Whether a name stands before a possessive and a word for an illness ("Crohn's disease").
    private func namesACondition(_ doc: Document, _ r: Range<Int>) -> Bool {
        let b = r.upperBound
        return b + 1 < doc.tokens.count && doc.tokens[b].has(.possessive) && Self.conditionWords.contains(doc.tokens[b + 1].lower)
    }

    private static let conditionWords = Set(["disease", "syndrome", "disorder", "palsy", "lymphoma", "sarcoma"].map { FNV.lowercased($0) })

    /// A name alone that is an organisation known the world over ("Toyota", "Facebook") is that
    /// organisation, and is found in the body even where the tagger missed it (not in a title-case
    /// headline: "Eat an Apple a Day"); one in a longer name ("Google Maps") is left to the tagger.
    private func knownOrganisations(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        func isKnown(_ k: Int) -> Bool { isKnownOrganisation(doc, k) }
        var covered = [Bool](repeating: false, count: t.count)
        for n in mentions.indices {
            for k in mentions[n].range { covered[k] = true }
            if mentions[n].range.count == 1, isKnown(mentions[n].range.lowerBound) { mentions[n].kind = .organization }
        }
        for r in doc.paragraphs {
            for k in r where !covered[k] && isKnown(k) {
                let joined = { (j: Int) in r.contains(j) && t[j].kind == .word && t[j].has(.capitalized) && !t[j].has(.sentenceStart) }
                if !joined(k - 1) || t[k].has(.sentenceStart), !joined(k + 1) { mentions.append(Mention(range: k..<(k + 1), kind: .organization)) }
            }
        }
    }

    /// What a name's own last word, or the noun right before it, says it is: a legal form or a
    /// club's name ends it ("Daimler-Benz AG", "Olivetti SpA", "Leeds United"); "the daily
    /// Handelsblatt", "the band Gigi", "news agency Interfax", "software maker Oanda" are
    /// organisations.
    private func kindsTheWordsSay(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        for n in mentions.indices where mentions[n].kind != .organization {
            let r = mentions[n].range
            let before = r.lowerBound - 1
            if r.count >= 2 && Self.organisationEndings.contains(t[r.upperBound - 1].lower)
                || before >= 0 && t[before].has(.lowercase) && Self.organisationNouns.contains(t[before].lower) {
                mentions[n].kind = .organization
            }
        }
    }

    /// What the text says a name is, in a definition or an apposition right after it: "Aisby is
    /// a village in Lincolnshire", "Bilka is a Danish chain of hypermarkets", "Staedtler, a
    /// stationery company", "Daniel Segal is a British mathematician". The noun that heads the
    /// description decides the name's type wherever the article uses it, unless the name ends
    /// in that noun already ("Coronado Unified School District is the school district"). No
    /// description follows a name that is no subject: after a comma ("born in Danvers,
    /// Massachusetts is an American rapper"), at the end of a phrase put first ("After the
    /// decline of the Olmec, a city rose"), or before a reporting clause ("…in Inner Mongolia
    /// Autonomous Region, the news agency said").
    private func definitions(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var defined: [UInt64: Entity.Kind] = [:]
        for m in mentions {
            let b = m.range.upperBound
            guard b + 2 < t.count, Self.articles.contains(t[b + 1].lower) else { continue }
            let copula = Self.copulas.contains(t[b].lower)
            if copula ? doc.isPunct(m.range.lowerBound - 1, 44) : !doc.isPunct(b, 44) || endsOpeningPhrase(doc, m.range) { continue }
            var j = b + 2
            while j < min(t.count, b + 2 + Self.definitionReach) {
                let word = t[j]
                if word.kind == .punctuation ? !(word.first == 45 || word.first == 47) : Self.definitionStops.contains(word.lower) { break }
                if word.kind == .word, word.has(.lowercase), !word.has(.possessive), !(j + 1 < t.count && t[j + 1].has(.possessive)),
                   let kind = Self.definitionHeads[word.lower] {
                    let reporting = !copula && j + 1 < t.count && doc.lex[j + 1].contains(.speechVerb)
                    if word.lower != t[b - 1].lower, !reporting { defined[key(doc, m.range)] = kind }
                    break
                }
                j += 1
            }
        }
        guard !defined.isEmpty else { return }
        for n in mentions.indices {
            if let kind = defined[key(doc, mentions[n].range)] { mentions[n].kind = kind }
        }
    }

    /// Whether the name ends a phrase its sentence opens with, before the first comma:
    /// "Following his arrest in the UK, …", "Posted by the analysts at Digital Foundry, …".
    private func endsOpeningPhrase(_ doc: Document, _ name: Range<Int>) -> Bool {
        let t = doc.tokens
        let lineStart = doc.line(containing: name.lowerBound).map { doc.lines[$0].tokens.lowerBound } ?? 0
        var k = name.lowerBound - 1
        while k >= lineStart, t[k].kind != .punctuation || !(t[k].first == 46 || t[k].first == 33 || t[k].first == 63) {
            if doc.isPunct(k, 44) { return false }
            k -= 1
        }
        let first = k + 1
        guard first < name.lowerBound, t[first].kind == .word else { return false }
        let word = doc.text(tokens: first..<first + 1).lowercased()
        return Self.openers.contains(t[first].lower) || (word.count > 4 && (word.hasSuffix("ed") || word.hasSuffix("ing")))
    }

    private static let copulas = Set(["is", "are", "was", "were"].map { FNV.lowercased($0) })
    private static let articles = Set(["a", "an", "the"].map { FNV.lowercased($0) })
    /// Words a description's head comes before: "a village in", "the daughter of".
    private static let definitionStops = Set(WordLists.words(WordLists.definitionStops).map { FNV.lowercased($0) })
    /// Words that open a sentence with a phrase before its subject: "After the decline of …,".
    private static let openers = Set(WordLists.words(WordLists.phraseOpeners).map { FNV.lowercased($0) })
    /// Tokens after the article searched for the description's head.
    static let definitionReach = 6
    /// Nouns that say what a name names when they head its description.
    private static let definitionHeads: [UInt64: Entity.Kind] = {
        var heads: [UInt64: Entity.Kind] = [:]
        let lists: [(Entity.Kind, String)] = [
            (.place, WordLists.placeDescriptions), (.organization, WordLists.organisationDescriptions),
            (.person, WordLists.personDescriptions),
        ]
        for (kind, list) in lists {
            for word in WordLists.words(list) { heads[FNV.lowercased(word)] = kind }
        }
        return heads
    }()

    /// "The World Health Organisation (WHO)": a word in capitals in brackets right after a
    /// name of several words is its short form, of its type, also where it spells a stopword.
    private func acronymsInBrackets(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var added: [Mention] = []
        for m in mentions where m.kind != .person && m.range.count >= 2 {
            let open = m.range.upperBound, word = open + 1, close = open + 2
            guard close < t.count, t[open].first == 40, t[close].first == 41, t[word].kind == .word, t[word].has(.allCaps),
                  !mentions.contains(where: { $0.range.contains(word) }) else { continue }
            added.append(Mention(range: word..<(word + 1), kind: m.kind))
        }
        mentions.append(contentsOf: added)
    }

    /// Numbers that are part of a name: a military unit's number before it ("the 65th Air
    /// Division", "the Sixth Fleet", "3 Air Division"; an edition's is not: "the 12th Lakeside
    /// Book Festival"), and a person's generation after it ("Glenn Profitt II").
    private func numbersInNames(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        let original = mentions
        func isFree(_ k: Int) -> Bool { !original.contains { $0.range.contains(k) } }
        for n in mentions.indices {
            let r = mentions[n].range
            let before = r.lowerBound - 1, after = r.upperBound
            if mentions[n].kind == .organization, before >= 0, !t[r.lowerBound].has(.lineStart), Self.units.contains(t[r.upperBound - 1].lower) {
                if doc.ordinal(before) != nil || t[before].has(.capitalized) && Self.ordinalWords.contains(t[before].lower)
                    || (doc.integer(before) ?? 1000) < 1000, isFree(before) {
                    mentions[n].range = before..<r.upperBound
                }
            }
            if mentions[n].kind == .person, r.count >= 2, after < t.count, !t[after].has(.lineStart),
               Self.generations.contains(t[after].lower), isFree(after) {
                mentions[n].range = mentions[n].range.lowerBound..<(after + 1)
            }
        }
    }

    private static let ordinalWords = Set([
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    ].map { FNV.lowercased($0) })
    /// Heads of the names of military units, which go by their numbers.
    private static let units = Set([
        "division", "fleet", "corps", "army", "regiment", "brigade", "battalion", "squadron", "wing", "infantry",
        "cavalry", "airborne", "legion", "force", "district",
    ].map { FNV.lowercased($0) })
    /// What follows a name to tell a father from his son.
    private static let generations = Set(["ii", "iii", "iv", "jr", "jr.", "sr", "sr."].map { FNV.lowercased($0) })

    /// Last words of companies' legal names and of clubs' names.
    private static let organisationEndings = Set([
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "gmbh", "spa", "s.p.a.", "sa",
        "s.a.", "nv", "n.v.", "bv", "ab", "asa", "oyj", "kgaa", "pty", "bhd", "srl", "sarl",
        "united", "rovers", "wanderers", "athletic", "albion", "hotspur",
    ].map { FNV.lowercased($0) })
    /// Nouns that name the kind of organisation whose name follows them.
    private static let organisationNouns = Set([
        "newspaper", "daily", "weekly", "magazine", "agency", "broadcaster", "band", "team", "club", "carmaker",
        "automaker", "airline", "label", "company", "firm", "manufacturer", "retailer", "maker", "distributor",
    ].map { FNV.lowercased($0) })

    /// Whether token `k` is, capitalised, one of ``Lexicon/organisations``.
    private func isKnownOrganisation(_ doc: Document, _ k: Int) -> Bool {
        let t = doc.tokens[k]
        return t.kind == .word && t.has(.capitalized) && lexicon.organisations.contains(t.lower)
    }

    /// A nationality or people, also in the plural ("Russian", "Americans", "Thais"): no name
    /// of its own in the gold conventions followed here.
    private func isDemonym(_ doc: Document, _ k: Int) -> Bool {
        if doc.lex[k].contains(.demonym) { return true }
        let t = doc.tokens[k]
        // One the gazetteer lacks, known by its ending and the group it describes: "the
        // Zairean government", "Congolese officials" ("Christian leaders" is no name either).
        if k + 1 < doc.tokens.count, doc.tokens[k + 1].has(.lowercase), Self.groups.contains(doc.tokens[k + 1].lower) {
            let letters = lowercaseLetters(doc, k)
            if Self.demonymEndings.contains(where: { letters.suffix($0.count).elementsEqual($0) }) { return true }
        }
        guard t.length > 3 else { return false }
        let stem = singular(doc, k)
        return stem != 0 && lexicon.word(stem).flags.contains(.demonym)
    }

    /// An acronym in the plural ("LLMs", "SUVs", "NGOs"): a kind of thing, no one name.
    private func isPluralAcronym(_ doc: Document, _ r: Range<Int>) -> Bool {
        guard r.count == 1 else { return false }
        let t = doc.tokens[r.lowerBound]
        guard t.length >= 3, doc.scalars[Int(t.end) - 1] == "s" else { return false }
        return doc.scalars[Int(t.start)..<(Int(t.end) - 1)].allSatisfy { $0.properties.isUppercase }
    }

    /// The people of a place the gazetteer knows, named after it ("New Yorkers", "Londoners",
    /// "Bostonians"): no name of their own, as demonyms are not.
    private func namesAPlacesPeople(_ doc: Document, _ r: Range<Int>) -> Bool {
        let last = r.upperBound - 1
        let tok = doc.tokens[last]
        guard tok.kind == .word, tok.length > 5 else { return false }
        let end = Int(tok.end)
        for ending in Self.peopleEndings where tok.length > ending.count + 2
            && doc.scalars[(end - ending.count)..<end].elementsEqual(ending, by: { Lowercase.fold($0.value) == $1 }) {
            let place = FNV.combine(key(doc, r.lowerBound..<last), stemHash(doc, last, dropping: ending.count))
            if let e = lexicon.phrases[place], e.place >= 0 { return true }
        }
        return false
    }

    /// Endings that name a place's people, as lowercase scalar values.
    private static let peopleEndings: [[UInt32]] = ["ers", "ians", "ans", "ites"].map { $0.unicodeScalars.map(\.value) }

    /// Feast days named alone ("at Christmas"): dates, not places ("Christmas Island" is one).
    private static let holidays = Set([
        "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "thanksgiving", "passover", "halloween",
        "lent", "advent", "pentecost", "epiphany", "yom", "kwanzaa",
    ].map { FNV.lowercased($0) })

    /// Endings of demonyms, as lowercase scalar values: -ean, -ian, -ese, -ish.
    private static let demonymEndings: [[UInt32]] = ["ean", "ian", "ese", "ish"].map { $0.unicodeScalars.map(\.value) }
    /// Nouns a demonym describes as an adjective.
    private static let groups = Set([
        "government", "army", "troops", "forces", "soldiers", "officials", "authorities", "police", "embassy",
        "ministry", "media", "press", "rebels", "navy", "parliament", "leaders", "president", "prime", "foreign",
        "people", "citizens", "nationals", "refugees", "community", "side", "team", "league", "capital", "border",
    ].map { FNV.lowercased($0) })

    private func letters(_ doc: Document, _ k: Int) -> Int {
        let t = doc.tokens[k]
        guard t.has(.hasDigit) else { return t.length }
        return doc.scalars[Int(t.start)..<Int(t.end)].reduce(0) { $0 + (Tokenizer.isLetter($1) ? 1 : 0) }
    }

    /// Adds every later occurrence of a name already found, and bare surnames of people.
    private func propagate(_ doc: Document, _ ctx: FeatureExtractor.Context, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var known: [UInt64: Entity.Kind] = [:]
        var surnames: [UInt64: Bool] = [:]
        var covered = [Bool](repeating: false, count: t.count)
        var longest = 1
        for m in mentions {
            known[key(doc, m.range)] = m.kind
            longest = max(longest, min(m.range.count, 6))
            if m.kind == .person, m.range.count >= 2, t[m.range.upperBound - 1].has(.capitalized) {
                surnames[t[m.range.upperBound - 1].lower] = true
            }
            for k in m.range { covered[k] = true }
        }
        guard !known.isEmpty else { return }
        for r in doc.entityScope {
            var i = r.lowerBound
            while i < r.upperBound {
                guard !covered[i], t[i].has(.capitalized), t[i].kind == .word,
                      !(doc.lex[i].contains(.stopword) && t[i].has(.sentenceStart)) else { i += 1; continue }
                var h = FNV.offset
                var found: (Int, Entity.Kind)?
                var j = i
                while j < r.upperBound, j - i < longest, !covered[j] {
                    h = FNV.combine(h, t[j].lower)
                    if let kind = known[h] { found = (j + 1 - i, kind) }
                    j += 1
                }
                // In a line of capitals every word looks like a name's: "CANADA ENDS".
                let nextIsName = i + 1 < r.upperBound && t[i + 1].has(.capitalized) && t[i + 1].kind == .word
                    && !doc.lex[i + 1].contains(.stopword) && !t[i + 1].has(.sentenceStart)
                    && !(ctx.shouted[i] && ctx.shouted[i + 1])
                if let (len, kind) = found, !(len == 1 && nextIsName) {
                    mentions.append(Mention(range: i..<(i + len), kind: kind))
                    for k in i..<(i + len) { covered[k] = true }
                    i += len
                    continue
                }
                if surnames[t[i].lower] != nil, !nextIsName {
                    mentions.append(Mention(range: i..<(i + 1), kind: .person))
                    covered[i] = true
                }
                i += 1
            }
        }
    }

    /// One name, one type per article: a person's surname is that person wherever it stands,
    /// and a name tagged with different types takes the type most of its mentions have.
    private func harmonise(_ doc: Document, _ ctx: FeatureExtractor.Context, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var surnames = Set<UInt64>()
        for m in mentions where m.kind == .person && m.range.count >= 2 { surnames.insert(t[m.range.upperBound - 1].lower) }
        // "Lionel White" taken for a place, then "White" five times a person: a given name and a
        // surname the article uses alone for a person are that person.
        var alone: [UInt64: Int] = [:]
        for m in mentions where m.kind == .person && m.range.count == 1 { alone[t[m.range.lowerBound].lower, default: 0] += 1 }
        for k in mentions.indices where mentions[k].kind != .person && mentions[k].range.count == 2 {
            let r = mentions[k].range
            if (alone[t[r.upperBound - 1].lower] ?? 0) >= Self.surnameUses, isFirstName(doc, r.lowerBound) {
                mentions[k].kind = .person
                surnames.insert(t[r.upperBound - 1].lower)
            }
        }
        var votes: [UInt64: (Int, Int, Int)] = [:]
        for k in mentions.indices {
            let first = mentions[k].range.lowerBound
            if mentions[k].range.count == 1, surnames.contains(t[first].lower) || surnames.contains(singular(doc, first)) { mentions[k].kind = .person }
            let m = mentions[k]
            var v = votes[key(doc, m.range)] ?? (0, 0, 0)
            // A name in capitals (a headline, a dateline) votes less: the tagger reads it with
            // less to go on than the same name in a sentence.
            let vote = ctx.shouted[m.range.lowerBound] ? 1 : 2
            switch m.kind {
            case .person: v.0 += vote
            case .place: v.1 += vote
            case .organization: v.2 += vote
            }
            votes[key(doc, m.range)] = v
        }
        for k in mentions.indices {
            guard let v = votes[key(doc, mentions[k].range)] else { continue }
            let counts = [(Entity.Kind.person, v.0), (.place, v.1), (.organization, v.2)]
            let mine = counts.first { $0.0 == mentions[k].kind }!.1
            if let top = counts.max(by: { $0.1 < $1.1 }), top.1 > mine { mentions[k].kind = top.0 }
        }
        // "Los Angeles Lakers" taken for a place, and "Lakers" alone an organisation throughout:
        // a name's head comes last, and the article says what it is.
        for k in mentions.indices where mentions[k].range.count >= 2 && mentions[k].kind == .place {
            let last = mentions[k].range.upperBound - 1
            guard let v = votes[key(doc, last..<(last + 1))], v.2 >= Self.headUses, v.2 > v.0 + v.1 else { continue }
            mentions[k].kind = .organization
        }
    }

    /// Times a surname stands alone for a person before a full name it ends is taken for theirs.
    static let surnameUses = 2
    /// Votes of a name's last word alone as an organisation before the name is taken for one.
    static let headUses = 4

    /// The lowercase hash of word `k` without a final "s" ("the Bidens" are a family of Bidens),
    /// or 0 for a word that has none.
    private func singular(_ doc: Document, _ k: Int) -> UInt64 {
        let tok = doc.tokens[k]
        guard tok.kind == .word, tok.length > 3, doc.scalars[Int(tok.end) - 1] == "s" else { return 0 }
        return stemHash(doc, k, dropping: 1)
    }

    /// The lowercase hash of word `k` without its last `dropped` letters, as the tokenizer would
    /// hash that word ("Londoners" less "ers" is "London").
    private func stemHash(_ doc: Document, _ k: Int, dropping dropped: Int) -> UInt64 {
        let tok = doc.tokens[k]
        var h = FNV.offset
        for c in doc.scalars[Int(tok.start)..<(Int(tok.end) - dropped)] { h = FNV.mix(h, Lowercase.fold(c.value)) }
        return h
    }

    /// A city named alone is the place, also where it stands for its government ("getting
    /// Teheran to cease enrichment"), as newswire annotates it; teams are settled after.
    private func cities(_ doc: Document, _ mentions: inout [Mention]) {
        // A large city the tagger took for a person is the city, where the gazetteer has it by
        // that name (not another spelling), it is nobody's first name or common surname, no
        // one in the article has it in their full name and no epithet follows ("Constantine the Great").
        let t = doc.tokens
        let fullNames = mentions.filter { $0.kind == .person && $0.range.count > 1 && (lexicon.phrases[key(doc, $0.range)]?.place ?? -1) < 0 }
        let names = Set(fullNames.flatMap { $0.range.map { t[$0].lower } })
        for k in mentions.indices where mentions[k].kind == .person {
            let r = mentions[k].range
            guard let e = lexicon.phrases[key(doc, r)], e.place >= 0, !e.isAlias else { continue }
            let place = lexicon.places[Int(e.place)]
            let epithet = r.upperBound + 1 < t.count && t[r.upperBound].lower == Self.the && t[r.upperBound + 1].has(.capitalized)
            guard place.kind == .city, place.population >= Self.largeCity, !epithet, !r.contains(where: { names.contains(t[$0].lower) }),
                  !r.contains(where: { doc.lex[$0].contains(.firstCommon) || doc.lex[$0].contains(.firstRare) || doc.lex[$0].contains(.lastCommon) || doc.lex[$0].contains(.lastMid) })
            else { continue }
            mentions[k].kind = .place
        }
        for k in mentions.indices where mentions[k].kind == .organization {
            // "Toyota" is the company before the city.
            let r = mentions[k].range
            if r.count == 1, isKnownOrganisation(doc, r.lowerBound) { continue }
            guard let e = lexicon.phrases[key(doc, r)], e.place >= 0,
                  lexicon.places[Int(e.place)].kind == .city else { continue }
            mentions[k].kind = .place
        }
    }

    /// People, at least, in a city the tagger is overruled on.
    static let largeCity = 100_000

    /// Results and standings name teams by their towns and countries ("Leeds 2 Porto 1"): a
    /// place right before or after a score on a line of figures, not in brackets, is a team, an
    /// organisation, and so is every mention of that name in the article but one after "in";
    /// so is a city that beats or is beaten in a sentence ("Leeds beat Porto"), that one
    /// plays or signs for, and one whose players or coach these are ("a Porto striker",
    /// "Tottenham's manager").
    private func teams(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        var teams = Set<UInt64>()
        // A score has a few digits; "1931 Lyon" is a birth's year and place.
        func isScore(_ k: Int) -> Bool { t[k].kind == .number && t[k].length <= 3 }
        for m in mentions where m.kind == .place {
            let before = m.range.lowerBound - 1, after = m.range.upperBound
            let scored = (after < t.count && isScore(after) && !t[after].has(.lineStart))
                || (before >= 0 && isScore(before) && !t[m.range.lowerBound].has(.lineStart))
            // "Leeds beat Porto": a city that beats or is beaten is its club (a country so named
            // is left a place, as newswire types national sides).
            let k = key(doc, m.range)
            if let e = lexicon.phrases[k], e.place >= 0, lexicon.places[Int(e.place)].kind == .city,
               after < t.count && Self.beating.contains(t[after].lower) || before >= 0 && Self.beating.contains(t[before].lower) {
                teams.insert(k)
                continue
            }
            // "played for Footscray", "signed with Coburg", "a North Melbourne player": a
            // town one plays for, or whose players and coaches these are, is its club; a
            // country or a state so named is left a place ("a Texas coach"), as above.
            let wide = lexicon.phrases[k].map { $0.place >= 0 && lexicon.places[Int($0.place)].kind != .city } ?? false
            if !wide, before >= 1 && Self.clubVerbs.contains(t[before - 1].lower) && Self.clubPrepositions.contains(t[before].lower)
                || after < t.count && Self.clubRoles.contains(t[after].lower)
                || after + 1 < t.count && t[after].has(.possessive) && Self.clubRoles.contains(t[after + 1].lower) {
                teams.insert(k)
                continue
            }
            guard scored, before < 0 || t[before].first != 40 else { continue }
            guard let n = doc.line(containing: m.range.lowerBound), TagLattice.isTable(doc, doc.lines[n].tokens) else { continue }
            teams.insert(k)
        }
        guard !teams.isEmpty else { return }
        // "These teams meet again in Oklahoma City": the town is still a place where it is one.
        let within = FNV.lowercased("in")
        for k in mentions.indices where teams.contains(key(doc, mentions[k].range)) {
            let before = mentions[k].range.lowerBound - 1
            if before >= 0, t[before].lower == within { continue }
            mentions[k].kind = .organization
        }
    }

    /// A result line is two sides and their scores ("VfB Stuttgart 1 Schalke 1"): where one side
    /// is a team, the other, a name the tagger did not know, is one too.
    private func opponents(_ doc: Document, _ mentions: inout [Mention]) {
        let t = doc.tokens
        let tables = doc.lines.indices.filter { doc.roles[$0] == .body && doc.lines[$0].tokens.count <= 12 && TagLattice.isTable(doc, doc.lines[$0].tokens) }
        guard !tables.isEmpty else { return }
        var kindAt: [Int: Entity.Kind] = [:]
        for m in mentions { for k in m.range { kindAt[k] = m.kind } }
        for line in tables.map({ doc.lines[$0] }) {
            // The line's shape: runs of capitalised words, each followed by one number.
            var sides: [Range<Int>] = []
            var k = line.tokens.lowerBound
            while k < line.tokens.upperBound {
                let start = k
                while k < line.tokens.upperBound, t[k].kind == .word, t[k].has(.capitalized) { k += 1 }
                guard k > start, k < line.tokens.upperBound, t[k].kind == .number else { sides = []; break }
                sides.append(start..<k)
                k += 1
            }
            guard sides.count == 2 else { continue }
            for (side, other) in [(sides[0], sides[1]), (sides[1], sides[0])]
            where side.allSatisfy({ kindAt[$0] == nil }) && other.allSatisfy({ kindAt[$0] == .organization }) {
                mentions.append(Mention(range: side, kind: .organization))
            }
        }
    }

    /// "played for", "signed with": the verb and the word before a club's name.
    private static let clubVerbs = Set(WordLists.words("played plays playing signed signs signing").map { FNV.lowercased($0) })
    private static let clubPrepositions = Set(["for", "with"].map { FNV.lowercased($0) })
    /// The people of a club, named after it: "a Porto striker", "the Leeds manager".
    private static let clubRoles = Set(WordLists.words("""
        player players footballer footballers striker strikers defender midfielder midfielders goalkeeper \
        winger forward captain coach manager
        """).map { FNV.lowercased($0) })

    /// Verbs of one side beating another, read only beside a city's name.
    private static let beating = Set(["beat", "beats", "defeated", "defeats", "edged", "routed", "thrashed", "downed", "blanked", "outscored"]
        .map { FNV.lowercased($0) })

    /// Sorts the mentions and leaves no two that overlap, or touch with nothing but space
    /// between them: such pieces are one name, of the kind of its last piece (an English
    /// name's head comes last: "Melbourne Cricket Ground").
    private func settle(_ doc: Document, _ mentions: inout [Mention]) {
        mentions.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var out: [Mention] = []
        out.reserveCapacity(mentions.count)
        for m in mentions {
            guard var last = out.last else { out.append(m); continue }
            // Adjacent tokens: only space between them (a punctuation mark that separates two
            // names is outside both, since names shed their trailing commas and hyphens).
            let touches = m.range.lowerBound == last.range.upperBound && !doc.tokens[m.range.lowerBound].has(.lineStart)
            if m.range.lowerBound < last.range.upperBound || touches {
                if m.range.upperBound > last.range.upperBound {
                    last.range = last.range.lowerBound..<m.range.upperBound
                    last.kind = m.kind
                }
                out[out.count - 1] = last
            } else {
                out.append(m)
            }
        }
        mentions = out
    }

    private func key(_ doc: Document, _ r: Range<Int>) -> UInt64 {
        var h = FNV.offset
        for k in r { h = FNV.combine(h, doc.tokens[k].lower) }
        return h
    }

    // MARK: - Entities

    private func group(_ doc: inout Document, _ mentions: [Mention]) -> [(Entity, [Range<Int>])] {
        let t = doc.tokens
        var builders: [Builder] = []
        var byKey: [UInt64: Int] = [:]
        var bySurname: [UInt64: Int] = [:]
        // A given name's one bearer, or -1 when two people share it.
        var byGivenName: [UInt64: Int] = [:]
        // People with full names first, the longest first, so that surnames of one or two words find them.
        let ordered = mentions.filter { $0.kind == .person && $0.range.count >= 3 } + mentions.filter { $0.kind == .person && $0.range.count == 2 }
            + mentions.filter { !($0.kind == .person && $0.range.count >= 2) }
        for m in ordered {
            let k = key(doc, m.range)
            var index: Int?
            switch m.kind {
            case .person:
                if let b = byKey[k] { index = b }
                else if m.range.count == 1, let b = bySurname[t[m.range.lowerBound].lower] { index = b }
                else if m.range.count == 2, let b = bySurname[key(doc, m.range)] { index = b }
                // "Marta came back in May": the one person the article names so.
                else if m.range.count == 1, let b = byGivenName[t[m.range.lowerBound].lower], b >= 0 { index = b }
                else if m.range.count == 1, let b = misspelledSurname(doc, m.range.lowerBound, builders, bySurname) {
                    index = b
                    doc.misspelledNames.append((builders[b].mentions[0], m.range))
                }
            case .place:
                if let e = lexicon.phrases[k], e.place >= 0 {
                    let pk = UInt64(e.place) | 1 << 62
                    if let b = byKey[pk] { index = b } else {
                        builders.append(Builder(kind: .place, name: lexicon.places[Int(e.place)].name, key: pk, mentions: [], place: e.place))
                        byKey[pk] = builders.count - 1
                        index = builders.count - 1
                    }
                    byKey[k] = index
                } else { index = byKey[k] }
            case .organization:
                if let b = byKey[k] { index = b }
                else if m.range.count == 1, t[m.range.lowerBound].has(.allCaps) {
                    index = builders.firstIndex { $0.kind == .organization && initials(of: $0.name) == doc.text(tokens: m.range) }
                }
            }
            if let index, builders[index].kind == m.kind {
                // A name first met in a headline in capitals ("LEEDS") is named as the text writes it.
                if builders[index].key == k, isInCapitals(doc, builders[index].mentions[0]), !isInCapitals(doc, m.range) {
                    builders[index].name = doc.text(tokens: m.range)
                }
                builders[index].mentions.append(m.range)
                byKey[k] = index
                continue
            }
            builders.append(Builder(kind: m.kind, name: doc.text(tokens: m.range), key: k, mentions: [m.range]))
            byKey[k] = builders.count - 1
            if m.kind == .person, m.range.count >= 2 {
                bySurname[t[m.range.upperBound - 1].lower] = builders.count - 1
                // A surname of two words ("Jessica Reif Ehrlich" is "Reif Ehrlich" later).
                if m.range.count >= 3 { bySurname[key(doc, (m.range.upperBound - 2)..<m.range.upperBound)] = builders.count - 1 }
                let given = t[m.range.lowerBound].lower
                if isFirstName(doc, m.range.lowerBound) { byGivenName[given] = byGivenName[given] == nil ? builders.count - 1 : -1 }
            }
        }
        // Credits and contributor notes ("AP") are organisations when in capitals, else people.
        for r in doc.creditMentions {
            let k = key(doc, r)
            if let b = byKey[k] { builders[b].mentions.append(r); continue }
            let kind: Entity.Kind = r.count == 1 && t[r.lowerBound].has(.allCaps) || r.contains(where: { doc.lex[$0].contains(.organisationWord) }) ? .organization : .person
            builders.append(Builder(kind: kind, name: doc.text(tokens: r), key: k, mentions: [r]))
            byKey[k] = builders.count - 1
        }
        for b in builders.indices where builders[b].kind == .person { attachTitles(doc, &builders[b]) }

        // Salience: mentions, a headline or dek mention, and an early first mention.
        var headline: Range<Int>? = nil, dek: Range<Int>? = nil
        for n in doc.lines.indices {
            if doc.roles[n] == .headline { headline = doc.lines[n].tokens }
            if doc.roles[n] == .subheadline { dek = doc.lines[n].tokens }
        }
        let length = Double(max(1, doc.scalars.count))
        var out: [(Entity, Double, [Range<Int>])] = []
        for b in builders where !b.mentions.isEmpty {
            var ranges: [Range<Int>] = []
            for r in b.mentions.sorted(by: { $0.lowerBound < $1.lowerBound }) where ranges.last?.lowerBound != r.lowerBound { ranges.append(r) }
            var score = 0.0
            for r in ranges {
                score += 1
                if let h = headline, h.contains(r.lowerBound) { score += 3 }
                if let d = dek, d.contains(r.lowerBound) { score += 1.5 }
            }
            score += 2 * (1 - Double(t[ranges[0].lowerBound].start) / length)
            var geo: Entity.Geo?
            if b.place >= 0 {
                let p = lexicon.places[Int(b.place)]
                let kind = switch p.kind { case .continent: "continent"; case .country: "country"; case .region: "region"; case .city: "city" }
                geo = Entity.Geo(kind: kind, countryCode: p.countryCode, latitude: p.latitude, longitude: p.longitude, population: p.population)
            }
            let mentions = ranges.map { r in Entity.Mention(start: Int(t[r.lowerBound].start), end: Int(t[r.upperBound - 1].end), text: doc.text(tokens: r)) }
            let entity = Entity(name: b.kind == .person ? fullName(doc, b) : b.name, type: b.kind, mentions: mentions,
                                titles: b.kind == .person ? b.titles : nil, nationality: b.nationality, geo: geo)
            out.append((entity, score, ranges))
        }
        let top = out.map(\.1).max() ?? 1
        return out.map { e, s, r in
            var e = e
            e.salience = (s / top * 1000).rounded() / 1000
            return (e, r)
        }.sorted { $0.0.mentions[0].start < $1.0.mentions[0].start }
    }

    /// The one person whose surname the bare name at `k` nearly spells: a letter or, in long
    /// names, two dropped, added, changed or swapped, the first letter kept ("Vandermeer" and
    /// "Vandermeir"); nil for none or more than one. First names ("Frances", "Francis") and plurals
    /// ("the Dunnings") are other people.
    private func misspelledSurname(_ doc: Document, _ k: Int, _ builders: [Builder], _ bySurname: [UInt64: Int]) -> Int? {
        let variant = lowercaseLetters(doc, k)
        guard variant.count >= Self.shortestMisspelledName, !isFirstName(doc, k) else { return nil }
        let letterS = UInt32(("s" as Unicode.Scalar).value)
        var found: Int?
        for b in Set(bySurname.values) {
            let last = builders[b].mentions[0].upperBound - 1
            let surname = lowercaseLetters(doc, last)
            let plural = variant.last == letterS && (variant.dropLast().elementsEqual(surname) || variant.dropLast(2).elementsEqual(surname))
            guard surname.count >= Self.shortestMisspelledName, surname.first == variant.first, !isFirstName(doc, last), !plural,
                  Self.editDistance(surname, variant) <= (max(surname.count, variant.count) >= 8 ? 2 : 1) else { continue }
            if found != nil { return nil }
            found = b
        }
        return found
    }

    /// Letters of a name shorter than this are not taken for a misspelling of another.
    static let shortestMisspelledName = 6

    private func isFirstName(_ doc: Document, _ k: Int) -> Bool {
        doc.lex[k].contains(.firstCommon) || doc.lex[k].contains(.firstRare)
    }

    private func lowercaseLetters(_ doc: Document, _ k: Int) -> [UInt32] {
        doc.scalars[Int(doc.tokens[k].start)..<Int(doc.tokens[k].end)].map { Lowercase.fold($0.value) }
    }

    /// Edits (a letter dropped, added, changed, or two side by side swapped) that turn `a` into `b`.
    static func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], twoBack[j - 2] + 1) }
            }
            (twoBack, previous) = (previous, current)
        }
        return previous[b.count]
    }

    /// The longest form the person is mentioned by.
    private func fullName(_ doc: Document, _ b: Builder) -> String {
        // The longest mention, as the text writes it rather than in a headline's capitals, the first.
        func rank(_ r: Range<Int>) -> (Int, Int, Int) { (r.count, isInCapitals(doc, r) ? 0 : 1, -r.lowerBound) }
        return doc.text(tokens: b.mentions.max { rank($0) < rank($1) }!)
    }

    /// Whether every word of a mention longer than a letter is in capitals ("LEEDS", "ALEXANDER LEBED").
    private func isInCapitals(_ doc: Document, _ r: Range<Int>) -> Bool {
        !r.contains { doc.tokens[$0].kind == .word && doc.tokens[$0].length > 1 && !doc.tokens[$0].has(.allCaps) }
    }

    /// Titles in capitals right before a mention ("Russian Foreign Minister Sergei Lavrov").
    private func attachTitles(_ doc: Document, _ b: inout Builder) {
        let t = doc.tokens
        for r in b.mentions {
            var k = r.lowerBound
            while k > 0, t[k - 1].has(.capitalized) || t[k - 1].has(.allCaps), doc.lex[k - 1].contains(.title), r.lowerBound - k < 4, !t[k].has(.lineStart) { k -= 1 }
            if k < r.lowerBound {
                let title = doc.text(tokens: k..<r.lowerBound)
                if !b.titles.contains(title) { b.titles.append(title) }
            }
            if k > 0, b.nationality == nil, !t[k].has(.lineStart) || k == r.lowerBound {
                let p = k - 1
                if doc.lex[p].contains(.demonym), t[p].has(.capitalized) { b.nationality = lexicon.demonyms[t[p].lower] }
                else if doc.lex[p].contains(.country), k < r.lowerBound,
                        let e = lexicon.phrases[FNV.combine(FNV.offset, t[p].lower)], e.place >= 0 {
                    b.nationality = lexicon.places[Int(e.place)].countryCode
                }
            }
        }
    }

    private func initials(of name: String) -> String {
        String(name.split(separator: " ").compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }
}
