/// Who "he", "she" and "it" stand for, for the passes that need a speaker or an actor.
///
/// A pronoun stands for an entity named before it that can be it: for he and she, a person of
/// that sex or of unknown sex, first the subject of its own sentence or of one of the last
/// few (a name near the sentence's start, or right before a verb of saying; in the pronoun's
/// own sentence, the first one named before it), else the nearest one named, where one known to be
/// of that sex wins over nearer ones of unknown sex; for it, the nearest organisation. A
/// pronoun with no one in reach that fits stands for no one: no answer is better than a wrong
/// one ("they" is left to the caller, who knows what kind of group it needs); for he and she
/// ``referent(of:before:_:_:)`` then takes the nearest description of a man or a woman
/// (``description(of:before:_:)``), which also beats a person named farther back whose sex is
/// not known and who is no recent subject. A person's sex comes from a title beside any mention of
/// them (Mr, Mrs, Queen, spokeswoman), from what a mention is said to be ("X is one of the
/// first women …", "X, a father of two,"), or else from their first name (`names.tsv`: the
/// 1990 US census).
enum PronounResolver {
    enum Sex: UInt8, Sendable {
        case unknown, male, female
    }

    /// Tokens back from the pronoun that are searched: about three paragraphs of news.
    static let reach = 600

    private static let h = (
        male: Set(["he", "him", "his", "himself"].map { FNV.lowercased($0) }),
        female: Set(["she", "her", "hers", "herself"].map { FNV.lowercased($0) }),
        neuter: Set(["it", "its", "itself"].map { FNV.lowercased($0) }),
        maleTitles: Set(["mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "emperor", "sheikh", "monsieur", "herr",
                         "señor", "father", "brother", "uncle", "spokesman", "chairman", "congressman", "businessman",
                         "actor", "boyfriend", "husband", "son", "grandfather"].map { FNV.lowercased($0) }),
        femaleTitles: Set(["mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "mme", "dame", "lady", "queen", "princess",
                           "duchess", "baroness", "empress", "sister", "mother", "aunt", "spokeswoman", "chairwoman",
                           "congresswoman", "businesswoman", "actress", "girlfriend", "wife", "daughter", "grandmother"].map { FNV.lowercased($0) }),
        // What a person is said to be ("Berg is one of the few women on the board", "Kim, a mother of three,"):
        // the titles, and these.
        malePredicates: Set(["man", "men", "boy"].map { FNV.lowercased($0) }),
        femalePredicates: Set(["woman", "women", "girl"].map { FNV.lowercased($0) }),
        // Singular nouns a description of a man or a woman ends on ("my husband", "the woman").
        maleNouns: Set(["man", "boy", "husband", "father", "son", "brother", "uncle", "grandfather", "boyfriend",
                        "gentleman", "king", "prince", "spokesman", "chairman", "businessman", "actor", "nephew"].map { FNV.lowercased($0) }),
        femaleNouns: Set(["woman", "girl", "wife", "mother", "daughter", "sister", "aunt", "grandmother", "girlfriend",
                          "lady", "queen", "princess", "spokeswoman", "chairwoman", "businesswoman", "actress", "niece"].map { FNV.lowercased($0) }),
        descriptionOpeners: Set(["the", "a", "an", "one", "my", "his", "her", "our", "your", "their", "this", "that"].map { FNV.lowercased($0) }),
        copulas: Set(["is", "was"].map { FNV.lowercased($0) }),
        coordinators: Set(["and", "or"].map { FNV.lowercased($0) }),
        predicateEnds: Set(["to", "with", "and", "who", "that", "which", "by", "for"].map { FNV.lowercased($0) })
    )

    /// Words after "is" or an appositive's comma in which a predicate noun of sex is looked for.
    static let predicateReach = 7

    /// The sex of each of `entities` (``Sex/unknown`` for places and organisations).
    static func sexes(_ doc: Document, _ entities: [Entity], _ lexicon: Lexicon) -> [Sex] {
        var sexes = [Sex](repeating: .unknown, count: entities.count)
        var titled = [Bool](repeating: false, count: entities.count)
        // A title right before a mention: "Mr. Olmert", "Queen Elizabeth", "spokeswoman Jane Doe".
        let t = doc.tokens
        for k in 1..<max(1, doc.entityAt.count) where doc.entityAt[k] >= 0 && doc.entityAt[k - 1] != doc.entityAt[k] {
            let e = Int(doc.entityAt[k])
            guard entities[e].type == .person, !titled[e] else { continue }
            var p = k - 1
            if t[p].kind == .punctuation, p > 0, t[p].first == 46 { p -= 1 }
            if h.maleTitles.contains(t[p].lower) { sexes[e] = .male; titled[e] = true }
            if h.femaleTitles.contains(t[p].lower) { sexes[e] = .female; titled[e] = true }
        }
        // What a mention is said to be, right after it: "Berg is one of the few women on
        // the board", "Lopez, a mother of three, …".
        for k in 0..<doc.entityAt.count where doc.entityAt[k] >= 0 && k + 2 < t.count && doc.entityAt[k + 1] != doc.entityAt[k] {
            let e = Int(doc.entityAt[k])
            guard entities[e].type == .person, !titled[e], h.copulas.contains(t[k + 1].lower) || t[k + 1].kind == .punctuation && t[k + 1].first == 44 else { continue }
            var j = k + 2
            while j < min(t.count, k + 2 + predicateReach), t[j].kind == .word, !h.predicateEnds.contains(t[j].lower) {
                let w = t[j].lower
                if h.maleTitles.contains(w) || h.malePredicates.contains(w) { sexes[e] = .male; titled[e] = true; break }
                if h.femaleTitles.contains(w) || h.femalePredicates.contains(w) { sexes[e] = .female; titled[e] = true; break }
                j += 1
            }
        }
        for (e, entity) in entities.enumerated() where entity.type == .person && !titled[e] {
            let words = entity.name.split(separator: " ")
            guard words.count >= 2, let sex = lexicon.firstNameSexes[FNV.lowercased(words[0])] else { continue }
            sexes[e] = sex
        }
        return sexes
    }

    /// The entity the pronoun at token `k` stands for, if it is one this resolves and someone
    /// in reach fits, named before token `limit` when one is given: for the speaker of a quote,
    /// before the quote, since nobody the quote names is the one who says it.
    static func antecedent(of k: Int, before limit: Int? = nil, _ doc: Document, _ entities: [Entity]) -> Int? {
        candidate(of: k, before: limit, doc, entities)?.entity
    }

    /// Whom a pronoun stands for: an entity, or a description of a man or a woman.
    enum Referent {
        case entity(Int)
        case description(Range<Int>)
    }

    /// The ``antecedent(of:before:_:_:)``, or else the ``description(of:before:_:)``; the
    /// description also where it is nearer than the one person who fits by name only, of a sex
    /// not known ("… the paper met one grandmother. \"…,\" she said" is the grandmother's), but not
    /// where that person is a recent sentence's subject.
    static func referent(of k: Int, before limit: Int? = nil, _ doc: Document, _ entities: [Entity]) -> Referent? {
        let found = candidate(of: k, before: limit, doc, entities)
        let description = description(of: k, before: limit, doc)
        if let found, let description, !found.sure {
            let last = (0..<min(k, limit ?? k)).last { doc.entityAt[$0] == Int32(found.entity) } ?? -1
            return last > description.lowerBound ? .entity(found.entity) : .description(description)
        }
        if let found { return .entity(found.entity) }
        return description.map(Referent.description)
    }

    /// The antecedent, and whether it is sure: a recent subject, or one of the pronoun's sex
    /// (not merely a person of a sex not known).
    private static func candidate(of k: Int, before limit: Int?, _ doc: Document, _ entities: [Entity]) -> (entity: Int, sure: Bool)? {
        let word = doc.tokens[k].lower
        let k = min(k, limit ?? k)
        let sex: Sex
        if h.male.contains(word) {
            sex = .male
        } else if h.female.contains(word) {
            sex = .female
        } else if h.neuter.contains(word) {
            var j = k - 1
            while j >= 0, k - j < reach {
                let e = Int(doc.entityAt[j])
                if e >= 0, entities[e].type == .organization { return (e, true) }
                j -= 1
            }
            return nil
        } else {
            return nil
        }
        func fits(_ e: Int) -> Sex? {
            guard entities[e].type == .person else { return nil }
            let known = e < doc.entitySexes.count ? doc.entitySexes[e] : .unknown
            return known == sex || known == .unknown ? known : nil
        }
        // The subject of this sentence or of one of the last few, when one fits: "Harris
        // testified on Tuesday, after a call with President Trump. He said ..." is Harris's.
        if let subject = recentSubject(before: k, doc, fits) { return (subject, true) }
        var nearestUnknown: Int?
        var j = k - 1
        while j >= 0, k - j < reach {
            let e = Int(doc.entityAt[j])
            j -= 1
            guard e >= 0, let known = fits(e) else { continue }
            if known == sex { return (e, true) }
            if nearestUnknown == nil { nearestUnknown = e }
        }
        return nearestUnknown.map { ($0, false) }
    }

    /// The person "he" or "she" at token `k` stands for when no one named fits: the nearest
    /// description of one of that sex ("my husband", "the old woman", "a 40-year-old man"),
    /// before token `limit` when one is given. Plurals are no one person.
    static func description(of k: Int, before limit: Int? = nil, _ doc: Document) -> Range<Int>? {
        let t = doc.tokens
        let word = t[k].lower
        let nouns = h.male.contains(word) ? h.maleNouns : h.female.contains(word) ? h.femaleNouns : nil
        guard let nouns else { return nil }
        let k = min(k, limit ?? k)
        var j = k - 1
        while j > 0, k - j < descriptionReach {
            defer { j -= 1 }
            guard t[j].has(.lowercase), nouns.contains(t[j].lower) else { continue }
            // "The actress Jane Doe" is Jane Doe; "the man's lawyer" is the lawyer.
            if j + 1 < t.count, t[j + 1].kind == .word && t[j + 1].has(.capitalized) || t[j + 1].has(.possessive) { continue }
            // "her daughter and son" are two.
            if j + 1 < t.count, h.coordinators.contains(t[j + 1].lower) { continue }
            // Back over a few modifiers to the determiner or possessive that opens the phrase.
            var a = j - 1
            while a >= 0, j - a <= descriptionModifiers, !h.descriptionOpeners.contains(t[a].lower),
                  t[a].kind == .word && t[a].has(.lowercase) || t[a].kind == .punctuation && t[a].first == 45 || t[a].has(.hasDigit) { a -= 1 }
            if a >= 0, h.descriptionOpeners.contains(t[a].lower) { return a..<(j + 1) }
        }
        return nil
    }

    /// Tokens back from the pronoun searched for a description: about two sentences.
    static let descriptionReach = 60
    /// Words between a description's determiner and its noun, at most ("a 40-year-old man").
    static let descriptionModifiers = 6

    /// Sentences back from the pronoun's own whose subject may be its antecedent.
    static let subjectSentences = 3
    /// A name this near a sentence's start is taken for its subject ("When Afghan President Ashraf Ghani announced").
    static let subjectReach = 8

    /// The first person that `fits` named in the pronoun's sentence before it, or near the
    /// start of one of the few before or right before its verb of saying, nearest sentence first.
    private static func recentSubject(before k: Int, _ doc: Document, _ fits: (Int) -> Sex?) -> Int? {
        // The last sentence starting at or before the pronoun, by binary search: sentences are in order.
        var low = 0, high = doc.sentences.count
        while low < high {
            let mid = (low + high) / 2
            if doc.sentences[mid].lowerBound <= k { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let own = low - 1
        let t = doc.tokens
        for n in stride(from: own, through: max(0, own - subjectSentences), by: -1) {
            let s = doc.sentences[n]
            let end = n == own ? min(k, s.upperBound) : s.upperBound
            // A subject near the start, or the subject of a verb of saying anywhere ("Customers
            // \"began to …,\" Cook told Benioff": Cook, not Benioff); in the pronoun's own
            // sentence, whoever it names first ("… did not please Ana Ruiz, she said").
            let subject = (s.lowerBound..<max(s.lowerBound, end)).first { j in
                guard doc.entityAt[j] >= 0, fits(Int(doc.entityAt[j])) != nil else { return false }
                if j < s.lowerBound + subjectReach || n == own { return true }
                guard j == 0 || doc.entityAt[j - 1] != doc.entityAt[j] else { return false }
                var after = j + 1
                while after < end, doc.entityAt[after] == doc.entityAt[j] { after += 1 }
                return after < end && t[after].has(.lowercase) && doc.lex[after].contains(.speechVerb)
            }
            if let subject { return Int(doc.entityAt[subject]) }
        }
        return nil
    }
}
