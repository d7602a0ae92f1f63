/// Finds events: a trigger word from ``ActionTriggers`` in a sentence, the actor that does it
/// and the target it is done to.
///
/// The actor of a verb is the noun phrase before it once the verb group is skipped ("had",
/// "was very", "did not", "committed not to"); a parenthetical attribution ("Olmert, the source
/// said, reminded") is stepped over; "and" or a comma before the verb group shares the subject
/// of the sentence's previous action ("was opposed to ... and was very critical of");
/// coordinated names ("Medvedev and Lavrov thanked") give one event each. A noun trigger needs
/// a possessor ("Olmert's meeting", "his visit"). Pronouns resolve through ``PronounResolver``. The target is the first noun phrase after the verb, or the one after "with"
/// for meetings and talks and after "to" for sales; names resolve to the report's entities.
struct EventPass {
    /// One side of an event while it is being built.
    private struct Side {
        var range: Range<Int>
        var entity: Int
        var name: String
    }

    static let h = (
        and: FNV.lowercased("and"), to: FNV.lowercased("to"), with: FNV.lowercased("with"), of: FNV.lowercased("of"),
        between: FNV.lowercased("between"), both: FNV.lowercased("both"), he: FNV.lowercased("he"), she: FNV.lowercased("she"),
        but: FNV.lowercased("but"), or: FNV.lowercased("or"), by: FNV.lowercased("by"),
        be: Set(["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets"].map { FNV.lowercased($0) })
    )

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        var units: [Range<Int>] = []
        for n in doc.lines.indices where doc.roles[n] == .headline || doc.roles[n] == .subheadline { units.append(doc.lines[n].tokens) }
        units.append(contentsOf: doc.sentences)
        let classes = ActionClass.allCases
        let t = doc.tokens
        for u in units {
            var previous: [Side]? = nil
            var seen = Set<UInt64>()
            for k in u {
                let m = doc.meaning[k]
                guard m.action != 0, t[k].kind == .word, t[k].has(.lowercase), doc.entityAt[k] < 0 else { continue }
                if m.triggerNext != 0 { guard k + 1 < u.upperBound, t[k + 1].lower == m.triggerNext else { continue } }
                var actors: [Side] = []
                var negated = false
                let nominal = m.trigger == .noun || isNominal(doc, k, u)
                let action = classes[Int(m.action) - 1]
                if !nominal, m.triggerNext == 0, isPassive(doc, k, u) {
                    // "Two men were arrested by police": the doer follows "by"; without it, no actor is known.
                    guard let by = (k + 1..<min(u.upperBound, k + 6)).first(where: { t[$0].lower == Self.h.by }),
                          let doer = phraseStarting(doc, by + 1, u, report) else { continue }
                    var j = k - 1
                    while j >= u.lowerBound, t[j].kind == .word, doc.meaning[j].flags.contains(.verbGroup) || doc.isAdverb(j) {
                        if doc.meaning[j].flags.contains(.negation) { negated = true }
                        j -= 1
                    }
                    let patient = j >= u.lowerBound ? phraseEnding(doc, j, u, report, loose: true) : nil
                    let key = FNV.combine(UInt64(k), 1)
                    guard seen.insert(key).inserted else { continue }
                    report.events.append(Event(actor: participant(doc, doer), action: action, verb: doc.located(tokens: k..<(k + 1)),
                                               target: patient.map { participant(doc, $0) }, negated: negated, sentence: doc.span(tokens: u)))
                    previous = nil
                    continue
                }
                if nominal {
                    // "its promised features", "Amazon's sale price": a participle or noun
                    // that modifies the next word is no event.
                    if k + 1 < u.upperBound, t[k + 1].kind == .word, t[k + 1].has(.lowercase), !doc.lex[k + 1].contains(.stopword) { continue }
                    guard let p = possessor(doc, k, u, report) else { continue }
                    actors = [p]
                } else {
                    (actors, negated) = subject(doc, k, u, previous, report)
                }
                guard !actors.isEmpty else { continue }
                previous = actors
                let target = self.target(doc, k, u, action, nominal: nominal, report)
                let sentence = doc.span(tokens: u)
                let verb = doc.located(tokens: k..<(k + 1))
                for a in actors {
                    if let target, target.entity >= 0, target.entity == a.entity { continue }
                    let key = FNV.combine(FNV.combine(UInt64(bitPattern: Int64(a.entity)) &+ FNV.lowercased(a.name), UInt64(m.action)),
                                          UInt64(bitPattern: Int64(target?.entity ?? -2)))
                    guard seen.insert(key).inserted else { continue }
                    report.events.append(Event(actor: participant(doc, a), action: action, verb: verb,
                                               target: target.map { participant(doc, $0) }, negated: negated, sentence: sentence))
                }
            }
        }
    }

    private func participant(_ doc: Document, _ s: Side) -> Event.Participant {
        Event.Participant(name: s.name, entity: s.entity >= 0 ? s.entity : nil, mention: doc.located(tokens: s.range))
    }

    // MARK: - Actors

    /// "the meeting", "a first visit", "Olmert's meeting": the trigger is a noun.
    private func isNominal(_ doc: Document, _ k: Int, _ u: Range<Int>) -> Bool {
        var j = k - 1
        var steps = 0
        while j >= u.lowerBound, steps < 3 {
            let tok = doc.tokens[j]
            if tok.has(.possessive) || doc.meaning[j].flags.contains(.determiner) { return true }
            guard tok.kind == .word, tok.has(.lowercase), !doc.meaning[j].flags.contains(.verbGroup), !doc.lex[j].contains(.stopword) || steps == 0 && isOrdinalWord(doc, j) else { return false }
            j -= 1
            steps += 1
        }
        return false
    }

    private func isOrdinalWord(_ doc: Document, _ j: Int) -> Bool {
        let w = doc.tokens[j].lower
        return w == FNV.lowercased("first") || w == FNV.lowercased("last") || w == FNV.lowercased("next")
    }

    /// The possessor of a noun trigger: "Olmert's (first) meeting", "his visit".
    private func possessor(_ doc: Document, _ k: Int, _ u: Range<Int>, _ report: AnalysisReport) -> Side? {
        var j = k - 1
        var steps = 0
        while j >= u.lowerBound, steps < 3 {
            let tok = doc.tokens[j]
            if tok.has(.possessive) {
                guard j - 1 >= u.lowerBound else { return nil }
                return phraseEnding(doc, j - 1, u, report)
            }
            if doc.meaning[j].flags.contains(.possessivePronoun) {
                return resolvePronoun(doc, j, report)
            }
            guard tok.kind == .word, tok.has(.lowercase) else { return nil }
            j -= 1
            steps += 1
        }
        return nil
    }

    /// The subject of a verb trigger, and whether the verb is negated.
    private func subject(_ doc: Document, _ k: Int, _ u: Range<Int>, _ previous: [Side]?, _ report: AnalysisReport) -> ([Side], Bool) {
        let t = doc.tokens
        var j = k - 1
        var negated = false
        while j >= u.lowerBound {
            let tok = t[j], m = doc.meaning[j]
            if tok.kind == .punctuation, tok.has(.quote) { j -= 1; continue }
            if tok.kind == .word, m.flags.contains(.negation) || doc.isContractedNegation(j) { negated = true; j -= 1; continue }
            if tok.kind == .word, m.flags.contains(.verbGroup) || doc.isAdverb(j) { j -= 1; continue }
            if tok.lower == Self.h.to {
                // "committed not to sell", "agreed to meet": step over the governing verb.
                j -= 1
                while j >= u.lowerBound, t[j].kind == .word, doc.meaning[j].flags.contains(.negation) || doc.meaning[j].flags.contains(.verbGroup) {
                    if doc.meaning[j].flags.contains(.negation) { negated = true }
                    j -= 1
                }
                guard j >= u.lowerBound, t[j].kind == .word, t[j].has(.lowercase), doc.entityAt[j] < 0,
                      !doc.meaning[j].flags.contains(.determiner), !doc.lex[j].contains(.stopword) else { return ([], negated) }
                j -= 1
                continue
            }
            break
        }
        guard j >= u.lowerBound else { return (previous ?? [], negated) }
        let tok = t[j]
        if tok.lower == Self.h.and || tok.lower == Self.h.but || tok.lower == Self.h.or {
            return (previous ?? clauseSubject(doc, j, u, report), negated)
        }
        if tok.kind == .punctuation, tok.first == 44 {
            // "Olmert, the source said, reminded": step over the attribution.
            var c = j - 1
            while c >= u.lowerBound, j - c <= 7, !doc.isPunct(c, 44) { c -= 1 }
            if c >= u.lowerBound, doc.isPunct(c, 44), (c + 1..<j).contains(where: { doc.lex[$0].contains(.speechVerb) }), c - 1 >= u.lowerBound {
                if let s = phraseEnding(doc, c - 1, u, report) { return (coordinated(doc, s, u, report), negated) }
            }
            // "Olmert, \"urged ...\"": a name right before the comma.
            if j - 1 >= u.lowerBound, doc.entityAt[j - 1] >= 0, report.entities[Int(doc.entityAt[j - 1])].type != .place,
               let s = phraseEnding(doc, j - 1, u, report) {
                return ([s], negated)
            }
            return (previous ?? [], negated)
        }
        guard let s = phraseEnding(doc, j, u, report) else { return ([], negated) }
        return (coordinated(doc, s, u, report), negated)
    }

    /// The subject of the clause before a coordinating word when no action came before it:
    /// the nearest name or "he"/"she" followed by a verb group word ("Putin was not in Moscow
    /// and did not meet").
    private func clauseSubject(_ doc: Document, _ j: Int, _ u: Range<Int>, _ report: AnalysisReport) -> [Side] {
        var p = j - 2
        while p >= u.lowerBound {
            if doc.meaning[p + 1].flags.contains(.verbGroup), doc.entityAt[p + 1] < 0,
               doc.entityAt[p] >= 0 || doc.tokens[p].lower == Self.h.he || doc.tokens[p].lower == Self.h.she,
               let s = phraseEnding(doc, p, u, report) {
                return coordinated(doc, s, u, report)
            }
            p -= 1
        }
        return sentenceSubject(doc, j, u, report)
    }

    /// The name that opens the sentence as its subject: "Olmert, the source said, reminded ...
    /// and asked": a name followed by a verb, or by an attribution between commas.
    private func sentenceSubject(_ doc: Document, _ before: Int, _ u: Range<Int>, _ report: AnalysisReport) -> [Side] {
        let t = doc.tokens
        var a = u.lowerBound
        while a < before, t[a].kind == .punctuation, t[a].has(.quote) { a += 1 }
        guard a < before, doc.entityAt[a] >= 0 else { return [] }
        let b = doc.mention(at: a, within: a..<before).upperBound
        guard b < before, let s = phraseEnding(doc, b - 1, u, report) else { return [] }
        if t[b].kind == .word, t[b].has(.lowercase), !doc.lex[b].contains(.stopword) || doc.meaning[b].flags.contains(.verbGroup) { return [s] }
        if doc.isPunct(b, 44) {
            var c = b + 1
            while c < before, c - b <= 7, !doc.isPunct(c, 44) { c += 1 }
            if c < before, doc.isPunct(c, 44), (b + 1..<c).contains(where: { doc.lex[$0].contains(.speechVerb) }) { return [s] }
        }
        return []
    }

    /// "Medvedev and Lavrov", "Olmert, Medvedev": names joined before the verb.
    private func coordinated(_ doc: Document, _ last: Side, _ u: Range<Int>, _ report: AnalysisReport) -> [Side] {
        var out = [last]
        guard last.entity >= 0 else { return out }
        var j = last.range.lowerBound - 1
        while j - 1 >= u.lowerBound, doc.tokens[j].lower == Self.h.and || doc.isPunct(j, 44), doc.entityAt[j - 1] >= 0 {
            guard let s = phraseEnding(doc, j - 1, u, report), s.entity >= 0 else { break }
            out.insert(s, at: 0)
            j = s.range.lowerBound - 1
        }
        return out
    }

    /// The noun phrase that ends at token `j`: an entity mention, a resolved pronoun, or a
    /// description with a name or a source noun in it ("the Russians", "police").
    private func phraseEnding(_ doc: Document, _ j: Int, _ u: Range<Int>, _ report: AnalysisReport, loose: Bool = false) -> Side? {
        let t = doc.tokens
        guard j >= u.lowerBound, t[j].kind == .word else { return nil }
        if doc.entityAt[j] >= 0 {
            let e = Int(doc.entityAt[j])
            return Side(range: doc.mention(at: j, within: u.lowerBound..<(j + 1)), entity: e, name: report.entities[e].name)
        }
        if t[j].lower == Self.h.he || t[j].lower == Self.h.she {
            guard var s = resolvePronoun(doc, j, report) else { return nil }
            s.range = j..<(j + 1)
            return s
        }
        var a = j
        var named = false
        while a >= u.lowerBound, j - a < 5 {
            let tok = t[a]
            guard tok.kind == .word, !doc.meaning[a].flags.contains(.verbGroup), !doc.meaning[a].flags.contains(.clauseWord),
                  !doc.lex[a].contains(.speechVerb) else { break }
            if doc.meaning[a].flags.contains(.determiner) || doc.lex[a].contains(.stopword) && !(loose && doc.meaning[a].number != .none) { break }
            if doc.inDate[a] || doc.isContraction(a) || doc.isAdverb(a, anyCase: true) { break }
            let capital = tok.has(.capitalized) && (!tok.has(.sentenceStart) && !tok.has(.lineStart) || tok.has(.allCaps))
            if capital || doc.lex[a].contains(.sourceNoun) || loose { named = true }
            a -= 1
        }
        guard named, a < j else { return nil }
        let first = a + 1
        var start = first
        if a >= u.lowerBound, doc.meaning[a].flags.contains(.determiner) { start = a }
        return Side(range: start..<(j + 1), entity: -1, name: doc.text(tokens: first..<(j + 1)))
    }

    /// "he", "his": the nearest person named before; "its": the nearest organisation.
    private func resolvePronoun(_ doc: Document, _ j: Int, _ report: AnalysisReport) -> Side? {
        guard let e = PronounResolver.antecedent(of: j, doc, report.entities) else { return nil }
        return Side(range: j..<(j + 1), entity: e, name: report.entities[e].name)
    }

    // MARK: - Targets

    private func target(_ doc: Document, _ k: Int, _ u: Range<Int>, _ action: ActionClass, nominal: Bool, _ report: AnalysisReport) -> Side? {
        let t = doc.tokens
        var j = k + 1
        if doc.meaning[k].triggerNext != 0 { j += 1 }
        // Meetings and talks: "with X" nearby; sales: "to X".
        let marker: UInt64? = action == .meet || action == .consult ? Self.h.with : action == .supply ? Self.h.to : nil
        if let marker {
            var p = j
            while p < u.upperBound, p - j < 10, !doc.isPunct(p, 44) || p - j < 1 {
                if t[p].lower == marker, p + 1 < u.upperBound, let s = phraseStarting(doc, p + 1, u, report) { return s }
                p += 1
            }
            if nominal { return nil }
        }
        if nominal { return nil }
        while j < u.upperBound, t[j].kind == .punctuation, t[j].has(.quote) { j += 1 }
        guard j < u.upperBound else { return nil }
        return phraseStarting(doc, j, u, report)
    }

    /// The noun phrase that starts at `j`: titles and a name ("Iranian President Mahmoud
    /// Ahmadinejad's rhetoric" names Ahmadinejad), or a description ("the economic cooperation").
    private func phraseStarting(_ doc: Document, _ j: Int, _ u: Range<Int>, _ report: AnalysisReport) -> Side? {
        let t = doc.tokens
        var a = j
        while a < u.upperBound, t[a].kind == .punctuation, t[a].has(.quote) { a += 1 }
        guard a < u.upperBound, t[a].kind == .word, !doc.meaning[a].flags.contains(.clauseWord) else { return nil }
        // Titles and nationality before a name.
        var n = a
        if doc.meaning[n].flags.contains(.determiner) { n += 1 }
        while n < u.upperBound, n - a < 5, doc.entityAt[n] < 0, t[n].has(.capitalized), doc.lex[n].contains(.title) || doc.lex[n].contains(.demonym) { n += 1 }
        if n < u.upperBound, doc.entityAt[n] >= 0 {
            let e = doc.entityAt[n]
            var b = doc.mention(at: n, within: n..<u.upperBound).upperBound
            // "X's rhetoric": the possessed noun belongs to the phrase.
            if b < u.upperBound, t[b].has(.possessive) {
                b += 1
                while b < u.upperBound, b - n < 8, t[b].kind == .word, t[b].has(.lowercase), !doc.lex[b].contains(.stopword), !doc.meaning[b].flags.contains(.verbGroup) { b += 1 }
            }
            return Side(range: a..<b, entity: Int(e), name: report.entities[Int(e)].name)
        }
        var b = a
        if doc.meaning[b].flags.contains(.determiner) { b += 1 }
        while b < u.upperBound, t[b].kind == .punctuation, t[b].has(.quote) { b += 1 }
        let first = b
        while b < u.upperBound, b - a < 10 {
            let tok = t[b]
            if tok.kind == .punctuation || doc.inDate[b] { break }
            if tok.lower == Self.h.of || tok.lower == Self.h.between, b > first, b + 1 < u.upperBound, t[b + 1].kind == .word { b += 1; continue }
            if tok.lower == Self.h.to || doc.meaning[b].flags.contains(.clauseWord) || doc.meaning[b].flags.contains(.verbGroup) { break }
            if doc.lex[b].contains(.stopword), !doc.meaning[b].flags.contains(.determiner), !doc.meaning[b].flags.contains(.possessivePronoun), doc.meaning[b].number == .none { break }
            if doc.lex[b].contains(.speechVerb) { break }
            b += 1
        }
        while b > first, doc.meaning[b - 1].flags.contains(.determiner) || t[b - 1].lower == Self.h.of || t[b - 1].lower == Self.h.between { b -= 1 }
        guard b > first else { return nil }
        return Side(range: a..<b, entity: -1, name: doc.text(tokens: first..<b))
    }

    /// A participle after a form of "be" in the verb group: "were arrested", "has been sold".
    private func isPassive(_ doc: Document, _ k: Int, _ u: Range<Int>) -> Bool {
        let tok = doc.tokens[k]
        let e = Int(tok.end)
        let participle = tok.length > 3 && doc.scalars[e - 2] == "e" && doc.scalars[e - 1] == "d"
            || doc.meaning[k].action != 0 && ["met", "sold", "struck", "fought", "withdrawn"].contains { FNV.lowercased($0) == tok.lower }
        guard participle else { return false }
        var j = k - 1
        while j >= u.lowerBound, j >= k - 4, doc.tokens[j].kind == .word, doc.meaning[j].flags.contains(.verbGroup) || doc.isAdverb(j) {
            if Self.h.be.contains(doc.tokens[j].lower) { return true }
            j -= 1
        }
        return false
    }
}
