import Foundation

/// Part 2's word table: the VADER tone lexicon (shipped in `Resources/tone.tsv`, MIT), calendar
/// and number words, the topic taxonomy and the action triggers, one entry per word keyed like
/// the tokenizer's ``Token/lower`` hashes. The ``Lexicon`` merges the keys into its own
/// dictionary, so a token costs one lookup for both parts, and keeps only ``entries``.
struct MeaningLexicon {
    /// The distinct entries; index 0 is the empty one (a word the table does not know).
    let entries: [WordMeaning]
    /// Token hash to index in ``entries``.
    let ids: [UInt64: UInt32]
    /// Unit names by ``WordMeaning/unit`` index ("USD", "percent").
    static let units = ["", "USD", "EUR", "GBP", "JPY", "INR", "percent"]

    init(tone: String) {
        var w: [UInt64: WordMeaning] = [:]
        w.reserveCapacity(12_000)
        func edit(_ word: String, _ change: (inout WordMeaning) -> Void) {
            let key = FNV.lowercased(word)
            var m = w[key] ?? WordMeaning()
            change(&m)
            w[key] = m
        }
        func each(_ list: String, _ change: (inout WordMeaning) -> Void) {
            for word in WordLists.words(list) { edit(word, change) }
        }

        // Tone: VADER's lexicon, boosters and negations.
        for line in tone.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2 else { continue }
            let word = String(f[1])
            switch f[0] {
            case "W": if let v = Float(f[2]) { edit(word) { $0.valence = v } }
            case "B": if let v = Float(f[2]) { edit(word) { $0.booster = v } }
            case "N": edit(word) { $0.flags.insert(.negation) }
            default: break
            }
        }
        for word in ["n't", "nt"] { edit(word) { $0.flags.insert(.negation) } }

        // Grammar words the event and keyword passes lean on.
        each("was were is are be been being has have had having will would could should can may might must did does do "
             + "also then later now still already reportedly previously once again further not never just only very "
             + "recently initially finally allegedly apparently subsequently quickly directly", { $0.flags.insert(.verbGroup) })
        each("the a an this that these those his her their its our my your both each every another some any no", { $0.flags.insert(.determiner) })
        each("his her their its", { $0.flags.insert(.possessivePronoun) })
        each("he she they", { $0.flags.insert(.subjectPronoun) })
        each("that which who whom whose because whether if when while where although though after before since until", { $0.flags.insert(.clauseWord) })
        each("will 'll shall scheduled upcoming due plans planned", { $0.flags.insert(.future) })
        each(Self.genericWords, { $0.flags.insert(.generic) })

        // Calendar.
        for (k, m) in WordLists.months.enumerated() {
            edit(m) { $0.date = .month; $0.dateValue = Int8(k + 1) }
            if m.count > 3 {
                edit(String(m.prefix(3)) + ".") { $0.date = .month; $0.dateValue = Int8(k + 1) }
                if m != "may" && m != "june" && m != "july" { edit(String(m.prefix(3))) { $0.date = .month; $0.dateValue = Int8(k + 1) } }
            }
        }
        edit("sept.") { $0.date = .month; $0.dateValue = 9 }
        edit("sept") { $0.date = .month; $0.dateValue = 9 }
        for (k, d) in WordLists.weekdays.enumerated() {
            edit(d) { $0.date = .weekday; $0.dateValue = Int8(k) }
            edit(String(d.prefix(3)) + ".") { $0.date = .weekday; $0.dateValue = Int8(k) }
        }
        edit("tues.") { $0.date = .weekday; $0.dateValue = 1 }
        edit("thurs.") { $0.date = .weekday; $0.dateValue = 3 }
        edit("today") { $0.date = .today }
        edit("yesterday") { $0.date = .yesterday }
        edit("tomorrow") { $0.date = .tomorrow }
        edit("tonight") { $0.date = .tonight }
        for (k, units) in [["day", "days"], ["week", "weeks"], ["month", "months"], ["year", "years"], ["weekend", "weekends"], ["night", "nights"]].enumerated() {
            for u in units { edit(u) { $0.date = .unit; $0.dateValue = Int8(k + 1) } }
        }
        each("morning afternoon evening", { $0.date = .partOfDay })
        each("last past", { $0.date = .last })
        each("next coming", { $0.date = .next })
        edit("this") { $0.date = .this }
        edit("earlier") { $0.date = .earlier }
        edit("later") { $0.date = .later }
        edit("previous") { $0.date = .previous }
        edit("following") { $0.date = .following }
        edit("ago") { $0.date = .ago }
        edit("before") { $0.date = .before }
        edit("after") { $0.date = .after }
        each("in since by until from during of through throughout", { $0.date = .yearPreposition })
        for am in ["a.m.", "am", "a.m"] { edit(am) { $0.date = .meridiem; $0.dateValue = 0 } }
        for pm in ["p.m.", "pm", "p.m"] { edit(pm) { $0.date = .meridiem; $0.dateValue = 12 } }
        edit("noon") { $0.date = .noon }
        edit("midnight") { $0.date = .midnight }

        // Numbers.
        let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (k, n) in ones.enumerated() { edit(n) { $0.number = .cardinal; $0.numberValue = Float(k) } }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (k, t) in tens.enumerated() {
            let v = Float(20 + 10 * k)
            edit(t) { $0.number = .cardinal; $0.numberValue = v }
            for o in 1...9 { edit(t + "-" + ones[o]) { $0.number = .cardinal; $0.numberValue = v + Float(o) } }
        }
        edit("dozen") { $0.number = .cardinal; $0.numberValue = 12 }
        for (s, v) in [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9), ("mn", 1e6)] as [(String, Float)] {
            edit(s) { $0.number = .scale; $0.numberValue = v }
        }
        for (s, v) in [("hundreds", 1e2), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("dozens", 12)] as [(String, Float)] {
            edit(s) { $0.number = .pluralScale; $0.numberValue = v }
        }
        for (k, list) in ["dollars dollar usd", "euros euro eur", "pounds sterling gbp", "yen jpy", "rupees inr", "percent per-cent pct"].enumerated() {
            each(list, { $0.number = .unit; $0.unit = UInt8(k + 1) })
        }

        // Topics.
        for (k, topic) in Taxonomy.topics.enumerated() {
            for term in WordLists.words(topic.terms) {
                // Plurals only: "seasoned" is cooking, not sport.
                for form in [term, term + "s", term + "es"] { edit(form) { $0.topics |= 1 << UInt32(k) } }
            }
        }

        // Action triggers.
        let classes = ActionClass.allCases
        for (action, list) in ActionTriggers.lists {
            let code = UInt8(classes.firstIndex(of: action)! + 1)
            for spec in WordLists.words(list) {
                var word = spec
                var next: UInt64 = 0
                if let plus = word.firstIndex(of: "+") {
                    next = FNV.lowercased(word[word.index(after: plus)...])
                    word = String(word[..<plus])
                }
                var kind = WordMeaning.TriggerKind.verb
                var exact = false
                if word.hasSuffix("=") { word.removeLast(); exact = true }
                if word.hasSuffix("@") { word.removeLast(); exact = true; kind = .noun }
                for form in exact ? [word] : Self.inflections(word) {
                    edit(form) { m in
                        // A verb's own forms win over a noun sharing the spelling.
                        guard m.action == 0 || kind != .noun else { return }
                        m.action = code
                        m.trigger = kind
                        m.triggerNext = next
                    }
                }
            }
        }
        var entries = [WordMeaning()]
        var ids: [UInt64: UInt32] = [:]
        ids.reserveCapacity(w.count)
        for (key, m) in w {
            ids[key] = UInt32(entries.count)
            entries.append(m)
        }
        self.entries = entries
        self.ids = ids
    }

    /// A word's regular inflections, over-generated on purpose (a form that is no word never matches).
    static func inflections(_ base: String) -> [String] {
        var out = [base, base + "s", base + "es", base + "ed", base + "ing"]
        if base.hasSuffix("e") {
            out += [base + "d", String(base.dropLast()) + "ing"]
        }
        if base.hasSuffix("y") {
            let stem = String(base.dropLast())
            out += [stem + "ies", stem + "ied"]
        }
        if let last = base.last, "bdgklmnprt".contains(last), base.count >= 3 {
            let chars = Array(base)
            let vowels = "aeiou"
            if vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]) {
                out += [base + String(last) + "ed", base + String(last) + "ing"]
            }
        }
        return out
    }

    /// Common words that carry no topic of their own: never a keyword alone, and they end a
    /// keyword phrase. General English and newsroom vocabulary.
    static let genericWords = """
        said says say saying told tell tells added according including include includes included also \
        year years time times day days week weeks month months people person thing things way ways lot \
        part parts number numbers kind sort place places point points case cases end fact group groups \
        make makes made making take takes took taken taking get gets got getting go goes went gone going \
        come comes came coming give gives gave given see sees saw seen know knows knew known think thinks \
        thought want wants wanted need needs needed use uses used using find found show shows showed \
        shown seem seems seemed become became becomes left leave leaves put puts keep kept let lets \
        begin began begun start started starts tried try tries call called calls asked ask work works \
        worked look looked looks feel felt held hold holds run ran brought bring move moved live lived \
        believe believed happen happened provide provided set sets turn turned mean means meant \
        clear clearly good better best bad worse great big small large long short high low old new \
        first second third last next many much more most less least few several various certain \
        other others another same different important possible likely able early late recent recently \
        well even just still really already yet ever often usually perhaps however thus therefore \
        while whether although though such own whole real main major key top full far near around \
        area areas issue issues matter matters question questions problem problems reason reasons \
        side sides hand hands level levels term terms report reports reported statement official \
        officials source sources outside inside within along beyond amid amongst ahead behind away back \
        together alone else instead nearly almost mostly largely widely highly fully partly mainly \
        cut cuts rise rises rose risen rising fall falls fell fallen falling hit hits win wins won lose \
        loses lost beat beats raise raises raised drop drops dropped grow grows grew grown reach reached \
        announce announced announces expect expects expected allow allows allowed help helps helped \
        waits wait waited remain remains remained continue continues continued include \
        mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday \
        today yesterday tomorrow tonight morning afternoon evening night
        """
}
