/// What part 2's passes need to know about one word, gathered in one table so that each token
/// costs one dictionary lookup for all of them (tone, dates, amounts, keywords, topics, events).
struct WordMeaning: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// VADER's negations ("not", "never", "without").
        static let negation = Flags(rawValue: 1 << 0)
        /// Common words that are never a keyword on their own ("said", "people", "time").
        static let generic = Flags(rawValue: 1 << 1)
        /// Auxiliaries and adverbs that sit between a subject and its verb ("was", "had", "also").
        static let verbGroup = Flags(rawValue: 1 << 2)
        /// "the", "a", "his", "its": open a noun phrase.
        static let determiner = Flags(rawValue: 1 << 3)
        /// "his", "her", "their", "its": a possessor in a pronoun.
        static let possessivePronoun = Flags(rawValue: 1 << 4)
        /// "he", "she", "they": a subject pronoun.
        static let subjectPronoun = Flags(rawValue: 1 << 5)
        /// "that", "which", "who", "because": open a clause.
        static let clauseWord = Flags(rawValue: 1 << 6)
        /// A word of future tense ("will", "next", "scheduled").
        static let future = Flags(rawValue: 1 << 7)
    }

    enum DateWord: UInt8, Sendable {
        case none, month, weekday, today, yesterday, tomorrow, tonight, unit, partOfDay, last, next, this,
             earlier, later, previous, following, ago, before, after, yearPreposition, meridiem, noon, midnight
    }

    enum NumberWord: UInt8, Sendable {
        /// "five", "twenty-one", "dozen".
        case none, cardinal
        /// "hundred", "thousand", "million", "billion", "bn".
        case scale
        /// "hundreds", "thousands", "millions", "dozens": a rough number.
        case pluralScale
        /// A currency or percent word after a number ("dollars", "percent").
        case unit
    }

    /// A verb (or adjective: "critical of") takes its subject as actor; a noun needs a possessor.
    enum TriggerKind: UInt8, Sendable { case verb, noun }

    var valence: Float = 0
    var booster: Float = 0
    var flags: Flags = []
    var date: DateWord = .none
    /// Month 1-12, weekday 0-6 (Monday 0), unit (1 day, 2 week, 3 month, 4 year, 5 weekend, 6 night), meridiem (0 am, 12 pm).
    var dateValue: Int8 = 0
    var number: NumberWord = .none
    var numberValue: Float = 0
    /// For ``NumberWord/unit``: index into ``MeaningLexicon/units``.
    var unit: UInt8 = 0
    /// Bit k set: evidence for ``Taxonomy/topics``[k].
    var topics: UInt32 = 0
    /// ``ActionClass`` index + 1, or 0.
    var action: UInt8 = 0
    var trigger: TriggerKind = .verb
    /// Hash of the word that must follow a trigger ("of" after "critical"), or 0.
    var triggerNext: UInt64 = 0
}
