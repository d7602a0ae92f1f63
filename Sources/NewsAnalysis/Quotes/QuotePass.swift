/// Finds quoted passages and who said them. The speaker is the subject of the attribution
/// verb nearest the quote in its sentence ("the source said", "said Smith", "quoted Lavrov as
/// saying"); a participle ("adding that") keeps the subject of the verb before it; a described
/// source ("the source") is named by the name an appositive gives it, or else its first,
/// fullest description in the article; a pronoun is resolved by ``PronounResolver`` ("they" by
/// the plural source, organisation or subject of two named just before); "the president" by
/// the person named with that title. A quote with no
/// attribution of its own is introduced by the sentence before it in its paragraph (or one
/// ending on a colon), signed by a name after a dash, or goes on with whoever was quoted last.
/// Quoted titles, names and single words are mentions, nobody's speech, but for a word quoted
/// in what a verb of saying reports ("said managers had \"ignored\" them"); attributed sentences
/// that quote no whole statement are reported speech. A quote inside a quote, in single marks,
/// is a quote of its own, attributed by the outer quote's words and passed on by its speaker.
/// Single marks quote outside double ones too, British style, but set off terms in a text that
/// quotes in double marks.
struct QuotePass {
    private struct Attribution {
        var verb: Int
        var subject: Range<Int>?
        /// "they were told …": the subject is the one told, and who told them is not said.
        var passive = false
    }

    private static func set(_ list: String) -> Set<UInt64> { Set(WordLists.words(list).map { FNV.lowercased($0) }) }

    static let h = (
        according: FNV.lowercased("according"), attributed: FNV.lowercased("attributed"), to: FNV.lowercased("to"), quoted: FNV.lowercased("quoted"),
        as: FNV.lowercased("as"), saying: FNV.lowercased("saying"), that: FNV.lowercased("that"), who: FNV.lowercased("who"),
        and: FNV.lowercased("and"), or: FNV.lowercased("or"), they: FNV.lowercased("they"), with: FNV.lowercased("with"), the: FNV.lowercased("the"),
        aux: set(WordLists.Quotes.beforeVerb),
        boundary: set(WordLists.Quotes.clauseBoundaries),
        prepositions: set(WordLists.Quotes.prepositions),
        pronouns: set(WordLists.Quotes.subjectPronouns),
        quantifiers: set(WordLists.Quotes.afterPronoun),
        inverting: set(WordLists.Quotes.invertingVerbs),
        determiners: set(WordLists.Quotes.determiners),
        firstPerson: set("i we i'd i'll i've i'm we'd we'll we've we're"),
        naming: set(WordLists.Quotes.naming),
        // "known as", "referred to as", "described as", "billed as": what follows is a name.
        namedAs: set("known to described billed"),
        reporting: set(WordLists.Quotes.reportingVerbs),
        clauseVerbs: set(WordLists.Quotes.clauseVerbs),
        relative: set("who whose which"),
        // Verbs whose object is the one told, before what they were told.
        addressing: set("told tells tell telling informed"),
        objectPronouns: set("him her them us me you"),
        // Words that open the clause after the one told: "told him it was", "told reporters every claim".
        clauseOpeners: set("it the a an his her its their our my your this these those that every no some any each all one two many several"),
        passive: set("was were been being is are be"),
        // Words that open a phrase before a sentence's subject ("During the debate, Lopez …").
        opening: set("during after before in on at when while as following despite since with"),
        topic: set("asked regarding concerning"),
        beforeNoun: set("the a an his her its their our my your"),
        subordinating: set("as while when after before because who which"),
        // Verbs that follow a noun of speech as its verb ("his remarks were", "the statement has").
        nounVerbs: set("is are was were has have had"),
        // Words that grade an adjective ("the most telling", "a very moving").
        degree: set("most more less least very so too"),
        pluralSpeech: set(WordLists.pluralSpeechVerbs),
        we: FNV.lowercased("we")
    )

    /// Marks a verb of saying in the plain present as one where a plural subject comes right
    /// before it ("critics argue that", "they call for"). Done here, after the entity pass,
    /// so that the tagger's features stay the lexicon's own.
    private func markPluralSpeechVerbs(_ doc: inout Document) {
        let t = doc.tokens
        for i in t.indices.dropFirst() where t[i].has(.lowercase) && Self.h.pluralSpeech.contains(t[i].lower) && isPluralSubject(doc, i - 1) {
            doc.lex[i].insert(.speechVerb)
        }
    }

    /// "they", "we", or a plural noun, lowercase or a source's ("the authors", "Critics").
    private func isPluralSubject(_ doc: Document, _ k: Int) -> Bool {
        let t = doc.tokens[k]
        if t.lower == Self.h.they || t.lower == Self.h.we { return true }
        let end = Int(t.end)
        guard t.kind == .word, t.has(.lowercase) || doc.lex[k].contains(.sourceNoun), end - Int(t.start) >= 4,
              !doc.lex[k].contains(.stopword) else { return false }
        return doc.scalars[end - 1] == "s" && !"su'’".unicodeScalars.contains(doc.scalars[end - 2])
    }

    /// A passage in quotation marks: the opening mark and the closing one (or the end of the
    /// paragraph, for a quote that goes on in the next). A passage that goes on from the
    /// paragraph before without a mark of its own has `open` one before its paragraph.
    private struct QuotedSpan {
        var paragraph: Int
        var open: Int
        var close: Int
        var continued = false
        /// In single marks in a text that quotes in double ones: a term or a scare quote ("a
        /// 'phase two' deal"), nobody's words.
        var term = false
    }

    /// Every quoted passage, paragraph by paragraph: straight marks pair up from each
    /// paragraph's start; a paragraph that opens a quote without closing it quotes to its end,
    /// and when the next paragraph opens with no mark, the quote goes on in it to the first
    /// closing mark ("said, \"We lost the first half. ¶ We won the second.\""). Passages in
    /// single marks outside double ones are quotes too, as British papers and headlines write
    /// them ("‘We need more time,’ the mayor said"); a paragraph that opens with a single mark
    /// it does not close quotes to its end. Where double marks quote at least as often, single
    /// ones set off terms.
    private func quotedSpans(_ doc: Document) -> [QuotedSpan] {
        let t = doc.tokens
        var spans: [QuotedSpan] = [], singleSpans: [QuotedSpan] = []
        var carried = false
        for (paragraph, p) in doc.paragraphs.enumerated() {
            let doubles = spans.count
            var open = -1
            var continued = false
            // The paragraph's first mark closes the carried quote when it is a closing one, or a
            // straight one set right after a word ("today.\" Later she").
            if carried, let first = p.first, !(t[first].kind == .punctuation && t[first].has(.quote)),
               let mark = p.first(where: { t[$0].kind == .punctuation && t[$0].has(.quote) }),
               t[mark].first == 0x201D || t[mark].first == 0xBB || t[mark].first == 34 && t[mark - 1].end == t[mark].start {
                open = first - 1
                continued = true
            }
            carried = false
            for i in p where t[i].kind == .punctuation && t[i].has(.quote) {
                let v = t[i].first
                if v == 34, isInchMark(doc, i, closing: open >= 0) { continue }
                let isOpen = v == 0x201C || v == 0x201E || v == 0xAB || (v == 34 && open < 0)
                let isClose = v == 0x201D || v == 0xBB || (v == 34 && open >= 0)
                if isClose, open >= 0 {
                    if i > open + 1 { spans.append(QuotedSpan(paragraph: paragraph, open: open, close: i, continued: continued)) }
                    open = -1
                    continued = false
                } else if isOpen {
                    open = i
                    continued = false
                }
            }
            // A quote still open at the paragraph's end: kept when it opened here, and carried
            // into the next paragraph either way; one carried through a whole paragraph is dropped.
            if open >= 0, !continued, p.upperBound > open + 1, p.upperBound - open > 3 {
                spans.append(QuotedSpan(paragraph: paragraph, open: open, close: p.upperBound))
                carried = true
            }
            let singles = singleMarkSpans(doc, in: p)
            func outsideDoubles(_ a: Int, _ b: Int) -> Bool { !spans[doubles...].contains { $0.open < b && $0.close > a } }
            for (a, b) in singles.spans where outsideDoubles(a, b) { singleSpans.append(QuotedSpan(paragraph: paragraph, open: a, close: b)) }
            if let a = singles.unclosed, a == p.lowerBound, outsideDoubles(a, p.upperBound) {
                singleSpans.append(QuotedSpan(paragraph: paragraph, open: a, close: p.upperBound))
            }
        }
        if !spans.isEmpty, spans.count >= singleSpans.count {
            for k in singleSpans.indices { singleSpans[k].term = true }
        }
        return (spans + singleSpans).sorted { $0.open < $1.open }
    }

    /// A straight double mark right after a figure measures it ("a 65\" TV", "22\" long",
    /// "70\"+"): one that would open a quote there always does, as no quote opens on a digit;
    /// one that would close a quote does when a word of the sentence or another figure goes on
    /// after it ("… was 21\" he said" still closes).
    private func isInchMark(_ doc: Document, _ i: Int, closing: Bool) -> Bool {
        let t = doc.tokens
        guard i > 0, t[i - 1].kind == .number, t[i - 1].end == t[i].start else { return false }
        guard closing else { return true }
        guard i + 1 < t.count, !t[i + 1].has(.lineStart) else { return false }
        let next = t[i + 1]
        if next.start == t[i].end { return next.kind != .punctuation || next.first == 43 }
        return next.kind == .number || next.kind == .word && next.has(.lowercase) && !doc.lex[i + 1].contains(.speechVerb)
            && !Self.h.pronouns.contains(next.lower)
    }

    func run(_ doc: inout Document, _ report: inout AnalysisReport) {
        guard !doc.sentences.isEmpty else { return }
        markPluralSpeechVerbs(&doc)
        let t = doc.tokens
        let spans = quotedSpans(doc)
        // What is inside quotation marks, across sentence ends: no attribution is found there.
        var quoted = [Bool](repeating: false, count: t.count)
        for span in spans { for k in span.open..<span.close { quoted[k] = true } }
        // Attributions in every sentence; the first description of each kind of source names
        // it, unless the article names it ("The group, the Tenants Union, …").
        var attributions: [[Attribution]] = []
        var descriptions: [UInt64: Range<Int>] = [:]
        var named: [UInt64: Range<Int>] = [:]
        for s in doc.sentences {
            let list = attributionsIn(doc, s, quoted: quoted, report.entities)
            for a in list {
                if let r = a.subject, let head = head(doc, r), descriptions[head] == nil || isIndefinite(doc, r) && !isIndefinite(doc, descriptions[head]!) {
                    descriptions[head] = r
                }
            }
            attributions.append(list)
            for (head, name) in appositiveNames(doc, s, quoted: quoted) where named[head] == nil { named[head] = name }
        }
        descriptions.merge(named) { _, name in name }
        var sentenceOf = [Int32](repeating: -1, count: t.count)
        for (n, s) in doc.sentences.enumerated() { for k in s { sentenceOf[k] = Int32(n) } }

        // The last attributed direct quote, and the paragraph it is in: a direct quote with no
        // attribution of its own right after it continues it.
        var previous: (paragraph: Int, speaker: Quote.Speaker)?
        var nestedMask: [Bool] = []
        for span in spans {
            let count = report.quotes.count
            add(doc, &report, span, sentenceOf, attributions, descriptions, previous: &previous)
            let inner = nestedSpans(doc, in: span)
            guard !inner.isEmpty else { continue }
            if nestedMask.isEmpty { nestedMask = [Bool](repeating: false, count: t.count) }
            for n in inner { for k in n.open...n.close { nestedMask[k] = true } }
            let outerSpeaker = report.quotes.count > count ? report.quotes[count].speaker : nil
            for n in inner { addNested(doc, &report, n, in: span, outerSpeaker: outerSpeaker, sentenceOf, nestedMask, descriptions) }
        }
        // Reported speech: attributed words outside every whole quoted statement ("He said he
        // worried there would be \"political consequences\"" is reported, with a fragment;
        // so is the rest of `she said, "It was a long night," adding that the count was over`).
        let inDirect = tokensInside(report.quotes.filter { $0.kind == .direct }.map { $0.start..<$0.end }, doc)
        for (n, s) in doc.sentences.enumerated() {
            for (content, attribution) in reportedContent(doc, s, attributions[n], quoted: quoted, inDirect: inDirect) {
                let speaker = attribution.subject.map { resolve(doc, $0, before: content.lowerBound, descriptions, report.entities) }
                let located = doc.located(tokens: content)
                report.quotes.append(Quote(text: located.text, start: located.start, end: located.end, kind: .indirect,
                                           verb: doc.text(tokens: attribution.verb..<(attribution.verb + 1)), speaker: speaker))
            }
        }
        report.quotes.sort { $0.start < $1.start }
    }

    /// For each token, whether it lies inside one of `ranges` (character offsets, in any order,
    /// nested or not).
    private func tokensInside(_ ranges: [Range<Int>], _ doc: Document) -> [Bool] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var inside = [Bool](repeating: false, count: doc.tokens.count)
        var next = 0, coveredTo = Int.min
        for (k, token) in doc.tokens.enumerated() {
            let c = Int(token.start)
            while next < sorted.count, sorted[next].lowerBound <= c {
                coveredTo = max(coveredTo, sorted[next].upperBound)
                next += 1
            }
            inside[k] = c < coveredTo
        }
        return inside
    }

    /// What a sentence reports someone said, each with its attribution: "X said (that) CONTENT",
    /// "X told reporters on Tuesday that CONTENT", "CONTENT, X said", "CONTENT, said X",
    /// "According to X, CONTENT", "CONTENT, according to X", "X said A, adding that B". Four
    /// words at least.
    private func reportedContent(_ doc: Document, _ s: Range<Int>, _ attributions: [Attribution], quoted: [Bool], inDirect: [Bool]) -> [(Range<Int>, Attribution)] {
        let t = doc.tokens
        var end = s.upperBound
        while end > s.lowerBound, t[end - 1].kind == .punctuation { end -= 1 }
        // A quoted fragment the sentence ends on keeps its closing mark (and what it holds).
        if end > s.lowerBound, end < s.upperBound, quoted[end - 1], let mark = (end..<s.upperBound).first(where: { t[$0].has(.quote) }) { end = mark + 1 }
        func words(_ r: Range<Int>) -> Int { r.isEmpty ? 0 : r.filter { t[$0].kind != .punctuation }.count }
        /// The clause before a comma that ends at `k` (exclusive).
        func before(_ k: Int) -> Range<Int>? {
            var e = k
            while e > s.lowerBound, t[e - 1].kind == .punctuation { e -= 1 }
            return e > s.lowerBound && doc.isPunct(e, 44) ? s.lowerBound..<e : nil
        }
        /// Where the clause that `k` is in ends: the next comma, or the sentence's end.
        func clauseEnd(after k: Int) -> Int { ((k + 1)..<end).first { doc.isPunct($0, 44) } ?? end }
        /// What attribution `a` reports, if it reports a statement of its own.
        func contentOf(_ a: Attribution) -> Range<Int>? {
            // "They were told the school would close": what was told, from no one named.
            if a.passive {
                guard a.verb + 2 < end else { return nil }
                let that = t[a.verb + 1].lower == Self.h.that
                let content = (that ? a.verb + 2 : a.verb + 1)..<end
                return (that || opensClause(doc, a.verb + 1)) && words(content) >= 4 && !content.contains(where: { quoted[$0] || inDirect[$0] }) ? content : nil
            }
            // "I think", "we said": the writer's or an interviewee's own voice, not a report.
            guard let subject = a.subject, !(subject.count == 1 && Self.h.firstPerson.contains(t[subject.lowerBound].lower)) else { return nil }
            if isAside(doc, a, s) { return nil }
            var content: Range<Int>?
            if t[a.verb].lower == Self.h.according {
                if a.verb == s.lowerBound, let comma = (subject.upperBound..<end).first(where: { doc.isPunct($0, 44) }) {
                    content = (comma + 1)..<end
                } else {
                    content = before(a.verb)
                }
            } else if subject.upperBound <= a.verb {
                // "told the nurses who had filled the square since dawn that …": the one told comes first.
                let addressing = Self.h.addressing.contains(t[a.verb].lower)
                let reach = addressing ? Self.thatReach + Self.addresseeReach : Self.thatReach
                if let that = (a.verb + 1..<min(a.verb + reach, end)).first(where: { t[$0].lower == Self.h.that }) {
                    content = (that + 1)..<end
                } else {
                    // "CONTENT, a senior source said Tuesday": the clause before the speaker. With
                    // none, a subject that opens a clause after a word such as "although" reports
                    // what follows its verb.
                    // A verb that goes on to a quoted statement introduces that instead
                    // ("In addition, the source said Olmert, \"urged …\"").
                    let trailing = subject.lowerBound > s.lowerBound && words((a.verb + 1)..<clauseEnd(after: a.verb)) <= Self.longestTrailingPhrase
                        && !(a.verb..<end).contains { inDirect[$0] }
                    if trailing, let clause = before(subject.lowerBound), !isOpeningPhrase(doc, clause) { content = clause }
                    // Past a day: "said Tuesday the talks had failed" ("said Tuesday in a chat" reports nothing).
                    var from = a.verb + 1
                    if from < end, doc.lex[from].contains(.calendar) { from += 1 }
                    if content == nil, !trailing || Self.h.boundary.contains(t[subject.lowerBound - 1].lower), from < end, Self.h.clauseVerbs.contains(t[a.verb].lower),
                       !Self.h.prepositions.contains(t[from].lower), !Self.h.opening.contains(t[from].lower),
                       t[from].kind == .word, !doc.isPunct(from, 44) {
                        // "X said the talks had failed", "…, although Lopez said it would go on";
                        // past the one told: "told reporters the talks had failed".
                        if !addressing {
                            // "explained to me how …": past the one spoken to.
                            let toListener = from + 2 < end && t[from].lower == Self.h.to && Self.h.objectPronouns.contains(t[from + 1].lower)
                            content = (toListener ? from + 2 : from)..<end
                        } else if let clause = clauseAfterAddressee(doc, from, end) {
                            content = clause..<end
                        }
                    }
                }
            } else {
                // "CONTENT, said the minister."
                content = before(a.verb)
            }
            // Four words at least of the reporter's own: "said Rudolph \"can't antagonize a
            // fight\"" is the quote's, not reported speech.
            guard let content, words(content) >= 4, content.filter({ !quoted[$0] && t[$0].kind != .punctuation }).count >= 3,
                  !content.contains(where: { inDirect[$0] }) else { return nil }
            return content
        }
        var found: [(Range<Int>, Attribution)] = []
        for (n, a) in attributions.enumerated() {
            if let last = found.last, last.0.contains(a.verb) { continue }
            guard var content = contentOf(a) else { continue }
            // "X said A, adding that B": a participle of saying set off by a comma is a report of its own.
            if let next = attributions[(n + 1)...].first(where: { content.contains($0.verb) && $0.verb - 1 > content.lowerBound && doc.isPunct($0.verb - 1, 44) && isParticiple(doc, $0.verb) }) {
                content = content.lowerBound..<(next.verb - 1)
                if words(content) < 4 { continue }
            }
            // "he said, adding that B": both verbs reach the one "that"; B is reported once.
            if found.contains(where: { $0.0 == content }) { continue }
            found.append((content, a))
        }
        return found
    }

    /// Where the clause a verb of telling reports starts, past the one told: a name ("told
    /// Novak he would …"), an object pronoun, or a short noun phrase ("told the council the
    /// school would …") before a word that opens a clause. `nil` when no clause follows one.
    private func clauseAfterAddressee(_ doc: Document, _ from: Int, _ end: Int) -> Int? {
        let t = doc.tokens
        var k = from
        if k < end, t[k].lower == Self.h.the, k + 1 < end, !doc.entityAt.isEmpty, doc.entityAt[k + 1] >= 0 { k += 1 }
        if k >= end { return nil }
        if !doc.entityAt.isEmpty, doc.entityAt[k] >= 0 {
            k = doc.mention(at: k, within: k..<end).upperBound
        } else if Self.h.objectPronouns.contains(t[k].lower) {
            k += 1
        } else {
            if Self.h.beforeNoun.contains(t[k].lower) { k += 1 }
            let nounStart = k
            while k < end, k - nounStart < 3, t[k].kind == .word, t[k].has(.lowercase), !doc.lex[k].contains(.stopword) { k += 1 }
            if k == nounStart { return nil }
        }
        // "As Lopez told the Post, the count …": what was told follows the comma.
        if k + 1 < end, doc.isPunct(k, 44) { k += 1 }
        return k + 1 < end && opensClause(doc, k) ? k : nil
    }

    /// Whether token `k` can open a clause of what was said: a subject pronoun, a determiner
    /// ("every claim"), a name.
    private func opensClause(_ doc: Document, _ k: Int) -> Bool {
        let t = doc.tokens[k]
        return t.kind == .word && (Self.h.pronouns.contains(t.lower) || Self.h.clauseOpeners.contains(t.lower) || t.has(.capitalized))
    }

    /// "During the second call, Peter Novak asked about …": a short phrase of time or place,
    /// or the question put, before the subject: not what was said.
    private func isOpeningPhrase(_ doc: Document, _ r: Range<Int>) -> Bool {
        let first = doc.tokens[r.lowerBound].lower
        guard !r.contains(where: { doc.isPunct($0, 44) }) else { return false }
        // "Asked about the plan, …", "Regarding how long it will stay, …": the question, however long.
        return Self.h.topic.contains(first) || Self.h.opening.contains(first) && r.count <= Self.longestOpeningPhrase
    }

    /// Tokens at most of an opening phrase of time or place ("During the second call").
    static let longestOpeningPhrase = 5

    /// Tokens after a verb in which its "that" is looked for: "told the council in a letter
    /// last month that …".
    static let thatReach = 10

    /// Tokens more that a verb of telling looks on for its "that", past the one told.
    static let addresseeReach = 4

    /// Tokens from an attribution's verb to its sentence's end when it closes the sentence
    /// ("she told AFP.", "he said on Tuesday.").
    static let closingAttribution = 4

    /// Words after the verb of "CONTENT, X said on Tuesday in a statement" at most, up to a
    /// comma: more, and the clause before the speaker is an opening phrase, not what was said.
    static let longestTrailingPhrase = 5

    private func add(_ doc: Document, _ report: inout AnalysisReport, _ span: QuotedSpan, _ sentenceOf: [Int32],
                     _ attributions: [[Attribution]], _ descriptions: [UInt64: Range<Int>],
                     previous: inout (paragraph: Int, speaker: Quote.Speaker)?) {
        let t = doc.tokens
        let (open, close, paragraph) = (span.open, span.close, span.paragraph)
        guard let (inside, words) = quotedWords(doc, open: open, close: close) else { return }
        let (a, b) = (inside.lowerBound, inside.upperBound)
        let before = open > 0 ? t[open - 1] : nil
        // A quote opens a clause of its own after a comma or colon, at a sentence's start, or
        // right after its verb ("said \"it is reasonable …\"").
        let startsClause = span.continued || before == nil || t[open].has(.sentenceStart) || t[open].has(.lineStart)
            || (before!.kind == .punctuation && (before!.first == 44 || before!.first == 58))
            || (doc.lex[open - 1].contains(.speechVerb) && before!.has(.lowercase) && !Self.h.naming.contains(before!.lower))
        // The sentences the quote touches, and the ones around it for a quote that is a sentence.
        let first = Int(sentenceOf[open] >= 0 && !span.continued ? sentenceOf[open] : sentenceOf[a])
        let last = Int(sentenceOf[close - 1] >= 0 ? sentenceOf[close - 1] : Int32(first))
        var candidates: [Attribution] = []
        if first >= 0 {
            for n in first...max(first, last) where n < attributions.count { candidates += attributions[n] }
        }
        candidates.removeAll { $0.verb > open && $0.verb < close }
        let nearestBefore = candidates.filter { $0.verb < open && sentenceOf[$0.verb] == sentenceOf[open] }.max { $0.verb < $1.verb }
        let reported = words == 1 && nearestBefore.map { reportsWords(doc, $0) } == true
        let kind = span.term ? .mention : kind(doc, open: open, close: close, inside: inside, words: words, startsClause: startsClause, reported: reported)
        if kind == .mention {
            report.quotes.append(Quote(text: doc.text(Int(t[a].start), Int(t[b - 1].end)), start: Int(t[a].start), end: Int(t[b - 1].end),
                                       kind: .mention, verb: nil, speaker: nil))
            return
        }
        // The speaker quoted last in this paragraph or the one before: a direct quote with no
        // attribution of its own goes on with them (`"A," Trump implored. "Make sure you
        // vote."`, a quote that opens the next paragraph, or one carried on into it).
        let continuing = previous.flatMap { paragraph - $0.paragraph <= 1 ? $0.speaker : nil }
        if span.continued, continuing != nil { candidates = [] }
        if candidates.isEmpty, first >= 0, kind == .direct, !span.continued {
            // `Lopez defended the plan: "We kept our word …"`: with no verb of speech, the
            // colon hands the quote to the person the sentence before it opens with.
            if let colon = before, colon.kind == .punctuation, colon.first == 58, case let n = Int(sentenceOf[open - 1]), n >= 0,
               attributions[n].isEmpty, let subject = openingSubject(doc, doc.sentences[n], report.entities) {
                candidates.append(Attribution(verb: open - 1, subject: subject))
            }
            // The sentence before introduces the quote: one that ends on a colon (`Bellini
            // called the ruling "reckless": ¶ "We face ..."`), one of the same paragraph
            // ("Lopez noted the count was late. \"We will wait …\""), or one that ends on its
            // attribution before a quote that opens the next paragraph ("…, she told AFP. ¶ \"They …\"").
            if first > 0, let end = doc.sentences[first - 1].last,
               doc.isPunct(end, 58) || doc.isPunct(end, 59) || doc.paragraphs[paragraph].contains(end) {
                candidates += attributions[first - 1]
            } else if first > 0, doc.paragraphs[paragraph].first == open, let end = doc.sentences[first - 1].last {
                candidates += attributions[first - 1].filter { $0.subject != nil && end - $0.verb <= Self.closingAttribution }
            }
            // The sentence after: in the same paragraph when no one is being quoted on, or
            // opening the next one after a quote that stands alone as a paragraph (a quoted
            // subhead above the attribution).
            let alone = doc.paragraphs[paragraph].first == open && doc.paragraphs[paragraph].last.map { $0 <= close + 1 } == true
            if candidates.isEmpty, continuing == nil, last + 1 < attributions.count, let next = doc.sentences[last + 1].first,
               doc.paragraphs[paragraph].contains(next) || alone {
                candidates += attributions[last + 1].filter { $0.verb - close < 12 }
            }
        }
        var best: Attribution?
        var bestDistance = Int.max
        for c in candidates where c.subject != nil {
            let d = c.verb < open ? open - c.verb : c.verb - close + 1
            if d < bestDistance { best = c; bestDistance = d }
        }
        var speaker: Quote.Speaker?
        var via: Quote.Speaker?
        if let best, let r = best.subject { speaker = resolve(doc, r, before: open, descriptions, report.entities) }
        // `the source said Olmert, "urged the Russians ..."`: Olmert's words, through the source.
        if let best, best.verb < open, let reporter = speaker, let quoted = personBetween(doc, best.verb + 1, open, report.entities) {
            via = reporter
            speaker = Quote.Speaker(name: report.entities[quoted.entity].name, entity: quoted.entity, mention: doc.located(tokens: quoted.range))
        }
        // `he said, "…," the prosecutor's office said`: the one before speaks, through the one after.
        if let best, via == nil, best.verb < open, open - best.verb <= 3, let speaker,
           let reporter = candidates.first(where: { $0.verb > close && $0.verb - close <= 6 && $0.subject != nil }),
           case let reported = resolve(doc, reporter.subject!, before: open, descriptions, report.entities), reported.name != speaker.name {
            via = reported
        }
        // `"We will be back." - Maria Lopez`: a name after a dash signs the quote.
        if speaker == nil, let signer = signature(doc, after: close, report.entities) {
            speaker = Quote.Speaker(name: report.entities[signer.entity].name, entity: signer.entity, mention: doc.located(tokens: signer.range))
        }
        if kind == .direct, speaker == nil, best == nil, let continuing {
            speaker = Quote.Speaker(name: continuing.name, entity: continuing.entity, mention: nil)
        }
        // A quote whose own attribution names its speaker, whole or a fragment, is who the next
        // unattributed one goes on with.
        if let speaker, startsClause || best != nil { previous = (paragraph, speaker) }
        let text = doc.text(Int(t[a].start), Int(t[b - 1].end))
        report.quotes.append(Quote(text: text, start: Int(t[a].start), end: Int(t[b - 1].end), kind: kind,
                                   verb: best.map { doc.text(tokens: $0.verb..<($0.verb + 1)) }, speaker: speaker, via: via))
    }

    /// The quoted tokens between two marks, less a trailing comma, semicolon or colon, and how
    /// many words they hold; nil for none.
    private func quotedWords(_ doc: Document, open: Int, close: Int) -> (Range<Int>, Int)? {
        let t = doc.tokens
        let a = open + 1
        var b = close
        while b > a, t[b - 1].kind == .punctuation, t[b - 1].first == 44 || t[b - 1].first == 59 || t[b - 1].first == 58 { b -= 1 }
        guard b > a else { return nil }
        let words = (a..<b).filter { t[$0].kind != .punctuation }.count
        return words >= 1 ? (a..<b, words) : nil
    }

    /// What a quote is: a statement that opens a clause (four words, or fewer that its own
    /// punctuation ends), a mention (a name given, ``isNamed``, or ``isMention`` unless a verb
    /// of saying reports it), else a fragment of someone's words.
    private func kind(_ doc: Document, open: Int, close: Int, inside: Range<Int>, words: Int, startsClause: Bool, reported: Bool) -> Quote.Kind {
        // Words in title case are a title or a slogan even where a statement could stand
        // ("banners with slogans such as, \"More Beds, Fewer Forms.\""),
        // unless a verb of saying gives them ("chanted, \"Save Our Wards\"").
        if words >= 3, !followsSpeechVerb(doc, open), isTitleCase(doc, inside) { return .mention }
        if startsClause && (words >= 4 || endsClause(doc, close)) { return .direct }
        guard !startsClause else { return .partial }
        // A name given is a name even in what someone is reported to have said.
        if isNamed(doc, open) { return .mention }
        return !reported && isMention(doc, inside, words: words) ? .mention : .partial
    }

    /// Whether the quote is the name something is given: "dubbed \"Operation Dawn\"", "known as
    /// the \"Three Amigos\"", "referred to as a \"shadow channel\"".
    private func isNamed(_ doc: Document, _ open: Int) -> Bool {
        let t = doc.tokens
        var p = open - 1
        if p > 0, Self.h.determiners.contains(t[p].lower) { p -= 1 }
        guard p >= 0 else { return false }
        if Self.h.naming.contains(t[p].lower) { return true }
        return p > 0 && t[p].lower == Self.h.as && Self.h.namedAs.contains(t[p - 1].lower)
    }

    /// Whether a quote's own punctuation ends it as a clause ("Nobody wins," "Wow!"): short
    /// words that open a sentence and end it, or end before the attribution, are a statement.
    private func endsClause(_ doc: Document, _ close: Int) -> Bool {
        let k = close - 1
        guard k >= 0, doc.tokens[k].kind == .punctuation, !doc.tokens[k].has(.quote) else { return false }
        let v = doc.tokens[k].first
        return v == 44 || v == 46 || v == 33 || v == 63 || v == 0x2026
    }

    /// Quotations inside a quotation, in single marks: `“The mayor rang and said, ‘We have the
    /// money,’ and we all cheered”` (``singleMarkSpans(_:in:)``).
    private func nestedSpans(_ doc: Document, in span: QuotedSpan) -> [(open: Int, close: Int)] {
        singleMarkSpans(doc, in: (span.open + 1)..<span.close).spans
    }

    /// Passages in single marks (‘…’ or '…') in `range`, and the mark still open at its end. A
    /// mark opens when it stands before a word, after a space or punctuation, and closes when it
    /// stands right after a word or punctuation with a space or punctuation after it.
    /// Apostrophes inside words are part of them; a plural's ("the Democrats’ plan") closes
    /// nothing when no quote is open, nor when a later mark that follows no plural can close
    /// the one that is.
    private func singleMarkSpans(_ doc: Document, in range: Range<Int>) -> (spans: [(open: Int, close: Int)], unclosed: Int?) {
        let t = doc.tokens
        var out: [(open: Int, close: Int)] = []
        var open = -1
        func isSingleMark(_ k: Int) -> Bool {
            t[k].kind == .punctuation && t[k].has(.quote) && (t[k].first == 0x2018 || t[k].first == 0x2019 || t[k].first == 39)
        }
        func canClose(_ k: Int) -> Bool {
            t[k].first != 0x2018 && !t[k].has(.spaceBefore) && (t[k - 1].kind == .word || k - 1 >= range.lowerBound && t[k - 1].kind == .punctuation)
                && (k + 1 >= t.count || t[k + 1].has(.spaceBefore) || t[k + 1].kind == .punctuation)
        }
        /// A mark after a plural with a word after it ("the engineers’ report").
        func afterPlural(_ k: Int) -> Bool {
            t[k - 1].kind == .word && (doc.scalars[Int(t[k - 1].end) - 1] == "s" || doc.scalars[Int(t[k - 1].end) - 1] == "S")
                && k + 1 < range.upperBound && t[k + 1].kind == .word
        }
        for k in range where isSingleMark(k) {
            let beforeWord = k + 1 < range.upperBound && t[k + 1].kind == .word && !t[k + 1].has(.spaceBefore)
            if t[k].first != 0x2019, beforeWord, t[k].has(.spaceBefore) || k > 0 && t[k - 1].kind == .punctuation {
                open = k
            } else if open >= 0, canClose(k) {
                if afterPlural(k), ((k + 1)..<range.upperBound).contains(where: { isSingleMark($0) && canClose($0) && !afterPlural($0) }) { continue }
                if k > open + 1 { out.append((open, k)) }
                open = -1
            }
        }
        return (out, open >= 0 ? open : nil)
    }

    /// A quotation inside another: whose it is comes from the outer quote's own words ("the
    /// mayor said, ‘…’", "the witnesses testified it was ‘accurate’"), "I" and "we" there being the
    /// outer speaker; the outer speaker passes it on. A scare quote or a title inside a quote is
    /// a mention, as outside; with no attribution of its own, no one is named.
    private func addNested(_ doc: Document, _ report: inout AnalysisReport, _ inner: (open: Int, close: Int), in span: QuotedSpan,
                           outerSpeaker: Quote.Speaker?, _ sentenceOf: [Int32], _ nestedMask: [Bool], _ descriptions: [UInt64: Range<Int>]) {
        let t = doc.tokens
        guard let (inside, words) = quotedWords(doc, open: inner.open, close: inner.close), sentenceOf[inner.open] >= 0 else { return }
        let (a, b) = (inside.lowerBound, inside.upperBound)
        let sentence = doc.sentences[Int(sentenceOf[inner.open])]
        let within = max(sentence.lowerBound, span.open + 1)..<min(sentence.upperBound, span.close)
        let attribution = attributionsIn(doc, within, quoted: nestedMask, report.entities)
            .filter { $0.verb < inner.open && $0.subject != nil }.max { $0.verb < $1.verb }
        let before = t[inner.open - 1]
        let startsClause = inner.open == span.open + 1 || before.kind == .punctuation && (before.first == 44 || before.first == 58)
            || doc.lex[inner.open - 1].contains(.speechVerb)
        let reported = words == 1 && attribution.map { reportsWords(doc, $0) } == true
        let kind = kind(doc, open: inner.open, close: inner.close, inside: inside, words: words, startsClause: startsClause, reported: reported)
        var speaker: Quote.Speaker?
        var via: Quote.Speaker?
        if kind != .mention, let attribution, var subject = attribution.subject {
            // Spoken words give subjects as "I just", "so they might": the pronoun is the subject.
            if subject.contains(where: { Self.h.firstPerson.contains(t[$0].lower) }) {
                speaker = outerSpeaker
            } else {
                if let k = subject.first(where: { Self.h.pronouns.contains(t[$0].lower) }) { subject = k..<(k + 1) }
                speaker = resolve(doc, subject, before: inner.open, descriptions, report.entities)
                via = outerSpeaker
            }
        }
        report.quotes.append(Quote(text: doc.text(Int(t[a].start), Int(t[b - 1].end)), start: Int(t[a].start), end: Int(t[b - 1].end), kind: kind,
                                   verb: speaker == nil ? nil : attribution.map { doc.text(tokens: $0.verb..<($0.verb + 1)) }, speaker: speaker, via: via))
    }

    /// A person named alone after a dash right behind a quote's closing mark, up to the end of
    /// the line or sentence.
    private func signature(_ doc: Document, after close: Int, _ entities: [Entity]) -> (entity: Int, range: Range<Int>)? {
        let t = doc.tokens
        var k = close + 1
        while k < t.count, t[k].kind == .punctuation, !isDash(t[k].first) { k += 1 }
        guard k + 1 < t.count, t[k].kind == .punctuation, isDash(t[k].first), !doc.entityAt.isEmpty, doc.entityAt[k + 1] >= 0 else { return nil }
        let e = Int(doc.entityAt[k + 1])
        guard entities[e].type == .person else { return nil }
        let end = doc.mention(at: k + 1, within: (k + 1)..<t.count).upperBound
        guard end == t.count || t[end].has(.lineStart) || t[end].has(.sentenceStart) || doc.isPunct(end, 46) || doc.isPunct(end, 44) else { return nil }
        return (e, (k + 1)..<end)
    }

    private func isDash(_ v: UInt32) -> Bool { v == 45 || v == 0x2013 || v == 0x2014 }

    /// A person named alone between an attribution's verb and the quote ("said Olmert, \"",
    /// "said that Olmert \""): the one whose words the quote gives.
    private func personBetween(_ doc: Document, _ from: Int, _ to: Int, _ entities: [Entity]) -> (entity: Int, range: Range<Int>)? {
        let t = doc.tokens
        var a = from, b = to
        if a < b, t[a].lower == Self.h.that { a += 1 }
        while b > a, t[b - 1].kind == .punctuation, doc.isPunct(b - 1, 44) || doc.isPunct(b - 1, 58) { b -= 1 }
        // Set off from the quote: "said that Smith \"cannot …\"" quotes the speaker on Smith.
        guard b < to, a < b, !doc.entityAt.isEmpty, doc.entityAt[a] >= 0 else { return nil }
        let e = Int(doc.entityAt[a])
        guard entities[e].type == .person, (a..<b).allSatisfy({ doc.entityAt[$0] == doc.entityAt[a] }) else { return nil }
        return (e, a..<b)
    }

    /// Quoted words inside the reporter's sentence that nobody says: a title in title case
    /// ("on \"Meet the Press\""), a single quoted word: far more often a scare quote or a
    /// term than a word someone said (31 to 9 in the development set; `add` keeps the word
    /// that a verb of saying reports).
    private func isMention(_ doc: Document, _ inside: Range<Int>, words: Int) -> Bool {
        words == 1 || isTitleCase(doc, inside)
    }

    /// Whether a verb of saying stands right before the quote, or before a comma or colon there.
    private func followsSpeechVerb(_ doc: Document, _ open: Int) -> Bool {
        var p = open - 1
        if p > 0, doc.isPunct(p, 44) || doc.isPunct(p, 58) { p -= 1 }
        return p >= 0 && doc.lex[p].contains(.speechVerb)
    }

    /// Title case: at most ``longestTitle`` words, every one capitalised but short function
    /// words and figures ("The Flood Map 2030 Project"); commas may join its parts and
    /// a stop may end it, but no sentence ends inside.
    private func isTitleCase(_ doc: Document, _ inside: Range<Int>) -> Bool {
        let t = doc.tokens
        guard t[inside.lowerBound].has(.capitalized) else { return false }
        var words = 0
        for k in inside {
            if t[k].kind == .punctuation {
                let stop = doc.isPunct(k, 46) || doc.isPunct(k, 33) || doc.isPunct(k, 63)
                if stop, k != inside.upperBound - 1 { return false }
                continue
            }
            words += 1
            guard t[k].has(.capitalized) || t[k].kind == .number || t[k].length <= 3 && doc.lex[k].contains(.stopword) else { return false }
        }
        return words <= Self.longestTitle
    }

    /// Words in the longest quoted title or slogan.
    static let longestTitle = 8

    /// Attribution verbs of a sentence (outside quotation marks) with their subjects.
    private func attributionsIn(_ doc: Document, _ s: Range<Int>, quoted: [Bool], _ entities: [Entity]) -> [Attribution] {
        let t = doc.tokens
        var out: [Attribution] = []
        for i in s {
            // Lowercase, but for "According to X, ..." opening the sentence; and "a remark
            // attributed to X" (not a verb of saying elsewhere: a painting is attributed too).
            let attributedTo = t[i].lower == Self.h.attributed && i + 2 < s.upperBound && t[i + 1].lower == Self.h.to
            guard !quoted[i], attributedTo || doc.lex[i].contains(.speechVerb), t[i].has(.lowercase) || i == s.lowerBound && t[i].lower == Self.h.according else { continue }
            // "the state grant", "their say": after an article or a possessive, a noun.
            if i > s.lowerBound, Self.h.beforeNoun.contains(t[i - 1].lower) { continue }
            // "the most telling contradiction": a participle graded like an adjective is one.
            if i > s.lowerBound, Self.h.degree.contains(t[i - 1].lower), isParticiple(doc, i) { continue }
            // "nothing she did or said", "said or written": a verb coupled by "or" reports nothing.
            if i > s.lowerBound && t[i - 1].lower == Self.h.or || i + 1 < s.upperBound && t[i + 1].lower == Self.h.or { continue }
            var subject: Range<Int>?
            if t[i].lower == Self.h.according || attributedTo {
                if i + 2 < s.upperBound, t[i + 1].lower == Self.h.to { subject = phraseAfter(doc, i + 2, s) }
            } else if t[i].lower == Self.h.saying, i >= 2, t[i - 1].lower == Self.h.as,
                      let q = (s.lowerBound..<i).last(where: { t[$0].lower == Self.h.quoted }) {
                subject = q + 1 < i - 1 ? (q + 1)..<(i - 1) : nil
            } else {
                // "Duterte's latest comments were": a noun of speech, not a verb.
                if i + 1 < s.upperBound, Self.h.nounVerbs.contains(t[i + 1].lower) { continue }
                subject = phraseBefore(doc, i, s, entities)
                let afterComma = i > s.lowerBound && (doc.isPunct(i - 1, 44) || (t[i - 1].has(.quote) && i >= 2 && doc.isPunct(i - 2, 44)))
                // "the source said, adding that ...": a participle after a comma keeps the subject of
                // the verb before, or else the sentence's ("Lopez gave them a talk, telling them");
                // a verb after "and" keeps that of the last verb with one ("he asked ..., called ...
                // and said"), an aside's apart ("Olmert, the source said, reminded ... and asked").
                if subject == nil, afterComma && isParticiple(doc, i) {
                    subject = out.last?.subject ?? openingSubject(doc, s, entities)
                } else if subject == nil, afterComma, let last = out.last(where: { $0.subject != nil && !isAside(doc, $0, s) }) {
                    // A list of what one subject did: "she asked about the fees, called the board \"reckless\" and left".
                    subject = last.subject
                } else if subject == nil, i > s.lowerBound, t[i - 1].lower == Self.h.and {
                    // The sentence's when it has no verb of speech before ("Lopez came in and said").
                    subject = out.isEmpty ? openingSubject(doc, s, entities) : out.last(where: { $0.subject != nil && !isAside(doc, $0, s) })?.subject
                }
                // "..., said Smith." / "\"...,\" said the minister.": the subject follows the verb.
                if subject == nil, afterComma || (i > s.lowerBound && t[i - 1].has(.quote)), Self.h.inverting.contains(t[i].lower) {
                    subject = phraseAfter(doc, i + 1, s, closed: true)
                }
                // "Anna Berg of the food agency, says …": a stray comma between a subject and its verb.
                if subject == nil, out.isEmpty, i > s.lowerBound, doc.isPunct(i - 1, 44), let opening = openingSubject(doc, s, entities),
                   opening.upperBound <= i - 1, case let tail = opening.upperBound..<(i - 1), tail.count <= Self.longestSubjectTail,
                   tail.isEmpty || Self.h.prepositions.contains(t[tail.lowerBound].lower),
                   !(s.lowerBound..<(i - 1)).contains(where: { doc.isPunct($0, 44) || doc.lex[$0].contains(.speechVerb) }) {
                    subject = opening
                }
            }
            // "they were told", "had been told": the subject is the one told.
            if Self.h.addressing.contains(t[i].lower), i > s.lowerBound, Self.h.passive.contains(t[i - 1].lower) {
                out.append(Attribution(verb: i, subject: nil, passive: true))
                continue
            }
            // "A new card is added every week", "it was noted": a passive of any other verb says
            // who spoke no more than what (but "is saying" is someone speaking).
            if i > s.lowerBound, Self.h.passive.contains(t[i - 1].lower), !isParticiple(doc, i) { continue }
            out.append(Attribution(verb: i, subject: subject))
        }
        return out
    }

    /// "Olmert, the source said, reminded them that ...": an attribution set off by commas says
    /// who reports, not what.
    private func isAside(_ doc: Document, _ a: Attribution, _ s: Range<Int>) -> Bool {
        guard let subject = a.subject else { return false }
        return a.verb + 1 < s.upperBound && doc.isPunct(a.verb + 1, 44) && subject.upperBound <= a.verb
            && subject.lowerBound > s.lowerBound && doc.isPunct(subject.lowerBound - 1, 44)
    }

    private func isParticiple(_ doc: Document, _ i: Int) -> Bool {
        let tok = doc.tokens[i]
        guard tok.length > 4 else { return false }
        let e = Int(tok.end)
        return doc.scalars[e - 3] == "i" && doc.scalars[e - 2] == "n" && doc.scalars[e - 1] == "g"
    }

    /// The noun phrase right before a verb, back to a comma, a quote or a clause word; past
    /// an appositive set off by commas ("Pedro Alvarez, Chile's coach, said").
    private func phraseBefore(_ doc: Document, _ verb: Int, _ s: Range<Int>, _ entities: [Entity]) -> Range<Int>? {
        let t = doc.tokens
        var end = verb
        func skipAuxiliaries() {
            while end > s.lowerBound, Self.h.aux.contains(t[end - 1].lower) || doc.isAdverb(end - 1) || doc.lex[end - 1].contains(.calendar) { end -= 1 }
        }
        skipAuxiliaries()
        // "I'd like to believe", "he declined to say": a pronoun before the verb "to" follows is
        // the subject ("the readers voted to define" keeps its phrase).
        if end - 2 > s.lowerBound, t[end - 1].lower == Self.h.to, t[end - 2].kind == .word, t[end - 2].has(.lowercase) {
            let kept = end
            end -= 2
            skipAuxiliaries()
            if end <= s.lowerBound || !(Self.h.pronouns.contains(t[end - 1].lower) || Self.h.firstPerson.contains(t[end - 1].lower)) { end = kept }
        }
        if end - 1 > s.lowerBound, doc.isPunct(end - 1, 44), !t[end - 2].has(.quote),
           let comma = (max(s.lowerBound, end - Self.longestAppositive)..<(end - 1)).last(where: { doc.isPunct($0, 44) }), comma > s.lowerBound,
           !(comma + 1..<(end - 1)).contains(where: { Self.h.boundary.contains(t[$0].lower) || doc.lex[$0].contains(.speechVerb) }) {
            // "The secretary general of the union, Marco Bellini, said": a person set off is the speaker.
            let between = (comma + 1)..<(end - 1)
            if !between.isEmpty, !doc.entityAt.isEmpty, between.allSatisfy({ doc.entityAt[$0] >= 0 && entities[Int(doc.entityAt[$0])].type == .person }) { return between }
            return phraseBefore(doc, comma, s, entities)
        }
        // "Maria Lopez, who has run the campaign since March, said": past the relative clause.
        if end - 1 > s.lowerBound, doc.isPunct(end - 1, 44),
           let comma = (max(s.lowerBound, end - Self.longestRelativeClause)..<(end - 1)).last(where: { doc.isPunct($0, 44) && Self.h.relative.contains(t[$0 + 1].lower) }),
           comma > s.lowerBound, !(comma..<end).contains(where: { t[$0].has(.quote) }) {
            return phraseBefore(doc, comma, s, entities)
        }
        // "… to meet Peter Novak, who had told him": "who" speaks for the name before it.
        if end - 1 > s.lowerBound, t[end - 1].lower == Self.h.who {
            var b = end - 1
            if b - 1 > s.lowerBound, doc.isPunct(b - 1, 44) { b -= 1 }
            if !doc.entityAt.isEmpty, doc.entityAt[b - 1] >= 0 { return doc.mention(at: b - 1, within: s) }
            return phraseBefore(doc, b, s, entities)
        }
        var start = end
        while start > s.lowerBound, end - start < 10 {
            let p = start - 1
            if t[p].kind == .punctuation, !t[p].has(.possessive) { break }
            // "with one reader writing": a clause of its own.
            if Self.h.boundary.contains(t[p].lower) || t[p].lower == Self.h.with { break }
            if doc.lex[p].contains(.speechVerb), t[p].has(.lowercase) { break }
            start -= 1
        }
        guard start < end else { return nil }
        // "Officials in New York, Boston and Chicago all told me": the last of a list that a
        // quantifier sums up is not the subject, and where the list starts is not known.
        if Self.h.quantifiers.contains(t[end - 1].lower), start > s.lowerBound, t[start - 1].lower == Self.h.and || doc.isPunct(start - 1, 44),
           !(start..<end).contains(where: { Self.h.pronouns.contains(t[$0].lower) }) { return nil }
        // "… put out a statement saying": a participle right after a noun has that noun phrase alone.
        if end == verb, isParticiple(doc, verb), let d = (start..<end).last(where: { Self.h.beforeNoun.contains(t[$0].lower) }), d > start { start = d }
        // A subject pronoun is the subject alone: "At the door of the hall she said", "at the
        // office where they said" (and "they all said").
        if let k = (start..<end).last(where: { Self.h.pronouns.contains(t[$0].lower) && !Self.h.firstPerson.contains(t[$0].lower) }), k > start,
           k == end - 1 || k == end - 2 && Self.h.quantifiers.contains(t[end - 1].lower) {
            return k..<end
        }
        // "That's why I keep telling readers": I or we right before the verb, too (not "the i
        // reporting": a newspaper).
        if end - start > 1, Self.h.firstPerson.contains(t[end - 1].lower), !Self.h.beforeNoun.contains(t[end - 2].lower) { return (end - 1)..<end }
        // "winning the 400 metre relay state title": a phrase a participle opens
        // does things, it does not speak (the noun "state" read as a verb).
        if isParticiple(doc, start), doc.entityAt.isEmpty || doc.entityAt[start] < 0 { return nil }
        // "… announced at a police commission hearing on Friday night revealed": a phrase that opens
        // on a preposition is where or when, not who.
        if Self.h.prepositions.contains(t[start].lower) { return nil }
        // Keep it to a noun phrase: it must hold a name, a pronoun or a source noun, or be a
        // short one that a determiner opens ("the doctor said", "one poster wrote").
        let ok = namesASource(doc, start..<end) || (end - start <= 4 && end - start >= 2 && Self.h.determiners.contains(t[start].lower))
        return ok ? start..<end : nil
    }

    /// Whether a word quoted after `a` in its sentence is what `a` reports its subject said
    /// ("she said managers had \"ignored\" the staff"), not a scare quote: a verb of saying,
    /// not "called on" or "called for", and a subject that names a source other than I or we.
    private func reportsWords(_ doc: Document, _ a: Attribution) -> Bool {
        let t = doc.tokens
        guard let subject = a.subject, Self.h.reporting.contains(t[a.verb].lower) else { return false }
        if Self.h.naming.contains(t[a.verb].lower), Self.h.prepositions.contains(t[a.verb + 1].lower) { return false }
        return namesASource(doc, subject) && !subject.contains { Self.h.firstPerson.contains(t[$0].lower) }
    }

    /// Whether a phrase can name who speaks: it holds a name, a pronoun or a source noun.
    private func namesASource(_ doc: Document, _ r: Range<Int>) -> Bool {
        r.contains { k in
            let tok = doc.tokens[k]
            return tok.has(.capitalized) && !doc.lex[k].contains(.stopword) && !doc.lex[k].contains(.calendar)
                || Self.h.pronouns.contains(tok.lower) || doc.lex[k].contains(.sourceNoun)
        }
    }

    /// Tokens an appositive between commas may span: "Anna Berg, of the university's
    /// school of public health, said".
    static let longestAppositive = 16
    /// Tokens a relative clause between commas may span ("Ruth Adler, who has led the
    /// tenants' association through three rent disputes since it was founded, told the board").
    static let longestRelativeClause = 32

    /// The person or pronoun a sentence opens with ("Lopez gave her players a talk,
    /// telling them …"), after an opening phrase set off by a comma ("At the hearing on
    /// Friday, Lopez defended …"): the subject of a participle with no verb of speech
    /// before it.
    private func openingSubject(_ doc: Document, _ s: Range<Int>, _ entities: [Entity]) -> Range<Int>? {
        let t = doc.tokens
        var k = s.lowerBound
        if Self.h.opening.contains(t[k].lower), let comma = s.prefix(Self.openingPhrase).first(where: { doc.isPunct($0, 44) }), comma + 1 < s.upperBound {
            k = comma + 1
        }
        if Self.h.pronouns.contains(t[k].lower), !Self.h.firstPerson.contains(t[k].lower) { return k..<(k + 1) }
        guard !doc.entityAt.isEmpty else { return nil }
        // A title before the name ("Coach Peter Novak came in"): the name is the subject.
        if doc.entityAt[k] < 0, t[k].has(.capitalized), k + 1 < s.upperBound, doc.entityAt[k + 1] >= 0 { k += 1 }
        // "The Red Cross welcomed the vote, saying that …": a country or an organisation speaks too.
        if doc.entityAt[k] < 0, t[k].lower == Self.h.the, k + 1 < s.upperBound, doc.entityAt[k + 1] >= 0 { k += 1 }
        guard doc.entityAt[k] >= 0 else { return nil }
        let e = doc.mention(at: k, within: s).upperBound
        return e < s.upperBound && !t[e].has(.possessive) ? k..<e : nil
    }

    /// Tokens between a subject and a stray comma before its verb ("of the Food Standards Agency").
    static let longestSubjectTail = 8

    /// Tokens an opening phrase before the subject may span.
    static let openingPhrase = 12

    /// The noun phrase right after a verb ("said the minister", "according to officials").
    private func phraseAfter(_ doc: Document, _ from: Int, _ s: Range<Int>, closed: Bool = false) -> Range<Int>? {
        let t = doc.tokens
        guard from < s.upperBound else { return nil }
        var end = from
        while end < s.upperBound, end - from < 10 {
            if t[end].kind == .punctuation, !t[end].has(.possessive) { break }
            if Self.h.boundary.contains(t[end].lower) && end > from { break }
            if doc.lex[end].contains(.speechVerb) { break }
            end += 1
        }
        guard end > from else { return nil }
        // An inverted subject ends the clause: "said the minister." not "reminded the Russians that".
        // "said Trump as he dined", "said Kim while she waited" end it too.
        if closed, end < s.upperBound, t[end].kind != .punctuation, !Self.h.subordinating.contains(t[end].lower) { return nil }
        // "said on Tuesday", "said in a statement": when and how, not who.
        if Self.h.boundary.contains(t[from].lower) || Self.h.prepositions.contains(t[from].lower) { return nil }
        // As before a verb: a name, a pronoun, a source noun, or a short phrase a determiner opens ("said the director").
        let ok = namesASource(doc, from..<end) || (end - from <= 4 && end - from >= 2 && Self.h.determiners.contains(t[from].lower))
        return ok ? from..<end : nil
    }

    /// Source nouns a sentence names by an appositive: "The group, the Tenants Union, formed
    /// …" names "group"; the name is a person or organisation set off by commas.
    private func appositiveNames(_ doc: Document, _ s: Range<Int>, quoted: [Bool]) -> [(UInt64, Range<Int>)] {
        let t = doc.tokens
        guard !doc.entityAt.isEmpty else { return [] }
        var out: [(UInt64, Range<Int>)] = []
        for k in s where k > s.lowerBound && k + 2 < s.upperBound && !quoted[k] && doc.lex[k].contains(.sourceNoun) && t[k].has(.lowercase) {
            guard t[k - 1].lower == Self.h.the, doc.isPunct(k + 1, 44) else { continue }
            var a = k + 2
            if t[a].lower == Self.h.the, a + 1 < s.upperBound { a += 1 }
            guard doc.entityAt[a] >= 0 else { continue }
            let name = doc.mention(at: a, within: s)
            if name.upperBound < s.upperBound, doc.isPunct(name.upperBound, 44) { out.append((t[k].lower, name)) }
        }
        return out
    }

    /// The head noun of a description ("source" in "a senior source in the Office").
    private func head(_ doc: Document, _ r: Range<Int>) -> UInt64? {
        var end = r.upperBound
        if let p = r.first(where: { Self.h.prepositions.contains(doc.tokens[$0].lower) }), p > r.lowerBound { end = p }
        let k = end - 1
        guard doc.lex[k].contains(.sourceNoun), doc.entityAt.isEmpty || doc.entityAt[k] < 0 else { return nil }
        return doc.tokens[k].lower
    }

    private func isIndefinite(_ doc: Document, _ r: Range<Int>) -> Bool {
        let w = doc.tokens[r.lowerBound].lower
        return w == FNV.lowercased("a") || w == FNV.lowercased("an")
    }

    private func resolve(_ doc: Document, _ r: Range<Int>, before: Int, _ descriptions: [UInt64: Range<Int>], _ entities: [Entity]) -> Quote.Speaker {
        let t = doc.tokens
        let mention = doc.located(tokens: r)
        // A named entity in the subject (the last one: "the source in Olmert's office" is not Olmert).
        if let headEnd = head(doc, r).map({ _ in r.upperBound }), headEnd > 0, let d = descriptions[head(doc, r)!] {
            // A name given for the description is that entity.
            if !doc.entityAt.isEmpty, case let e = doc.entityAt[d.lowerBound], e >= 0, d.allSatisfy({ doc.entityAt[$0] == e }) {
                return Quote.Speaker(name: entities[Int(e)].name, entity: Int(e), mention: mention)
            }
            return Quote.Speaker(name: doc.text(tokens: d), entity: nil, mention: mention)
        }
        var entity = -1
        for k in r where doc.entityAt[k] >= 0 {
            let e = Int(doc.entityAt[k])
            if entities[e].type != .place, k + 1 >= r.upperBound || !t[k + 1].has(.possessive) { entity = e }
        }
        if entity >= 0 { return Quote.Speaker(name: entities[entity].name, entity: entity, mention: mention) }
        // "The president said": the person named with that title before ("President Donald Trump").
        if r.count == 2, t[r.lowerBound].lower == Self.h.the, doc.lex[r.lowerBound + 1].contains(.title),
           let e = titleHolder(doc, title: t[r.lowerBound + 1].lower, before: r.lowerBound, entities) {
            return Quote.Speaker(name: entities[e].name, entity: e, mention: mention)
        }
        if r.count == 1, Self.h.pronouns.contains(t[r.lowerBound].lower), let referent = PronounResolver.referent(of: r.lowerBound, before: before, doc, entities) {
            switch referent {
            case .entity(let e): return Quote.Speaker(name: entities[e].name, entity: e, mention: mention)
            case .description(let d): return Quote.Speaker(name: doc.text(tokens: d), entity: nil, mention: mention)
            }
        }
        // Searched from before the quote: "they" is not a group the quote itself names.
        if r.count == 1, t[r.lowerBound].lower == Self.h.they, let group = pluralSource(doc, before: min(r.lowerBound, before), entities) {
            var speaker = resolve(doc, group, before: before, descriptions, entities)
            speaker.mention = mention
            return speaker
        }
        return Quote.Speaker(name: mention.text, entity: nil, mention: mention)
    }

    /// The person last named with `title` right before their name ("President Donald Trump",
    /// "coach Pedro Alvarez"), in the ``titleReach`` tokens before token `k`.
    private func titleHolder(_ doc: Document, title: UInt64, before k: Int, _ entities: [Entity]) -> Int? {
        var j = k - 1
        while j > 0, k - j < Self.titleReach {
            let e = doc.entityAt[j]
            if e >= 0, doc.entityAt[j - 1] != e, entities[Int(e)].type == .person, doc.tokens[j - 1].lower == title { return Int(e) }
            j -= 1
        }
        return nil
    }

    /// Tokens back from "the president" that are searched for who holds the title: a long article.
    static let titleReach = 3000

    /// Sources "they" can be: the nearest organisation named, or plural source noun ("the
    /// report's authors", "officials"), in the last few sentences.
    private func pluralSource(_ doc: Document, before k: Int, _ entities: [Entity]) -> Range<Int>? {
        let t = doc.tokens
        var j = k - 1
        while j >= 0, k - j < Self.pluralSourceReach {
            // "Gov. Jane Doe and the leaders of the council have …": a subject of two or more.
            if doc.entityAt[j] >= 0, entities[Int(doc.entityAt[j])].type == .person {
                let a = doc.mention(at: j, within: 0..<(j + 1)).lowerBound
                if j + 2 < k, t[j + 1].lower == Self.h.and, t[j + 2].kind == .word, opensSentence(doc, a) { return a..<(j + 1) }
                j = a - 1
                continue
            }
            if doc.entityAt[j] >= 0, entities[Int(doc.entityAt[j])].type == .organization {
                let a = doc.mention(at: j, within: 0..<(j + 1)).lowerBound
                // Not one named after a preposition ("published in the Lancet",
                // "arguing with teachers"): a subject is what "they" goes back to.
                if !afterPreposition(doc, a) { return a..<(j + 1) }
                j = a - 1
                continue
            }
            if doc.lex[j].contains(.sourceNoun), t[j].has(.lowercase), doc.scalars[Int(t[j].end) - 1] == "s" {
                // The noun with its determiner and modifiers: "the report's authors".
                var a = j
                while a > 0, j - a < 3, t[a - 1].kind == .word, !Self.h.boundary.contains(t[a - 1].lower), !Self.h.prepositions.contains(t[a - 1].lower),
                      t[a - 1].has(.lowercase) || t[a - 1].has(.possessive) || Self.h.determiners.contains(t[a - 1].lower) { a -= 1 }
                if !afterPreposition(doc, a) { return a..<(j + 1) }
                j = a
            }
            j -= 1
        }
        return nil
    }

    /// Whether the name at token `a` opens its sentence, titles and other capitalised words
    /// before it aside ("Republican Gov. Jane Doe").
    private func opensSentence(_ doc: Document, _ a: Int) -> Bool {
        var p = a
        while !doc.tokens[p].has(.sentenceStart) {
            guard p > 0, a - p < Self.longestTitleRun, doc.tokens[p - 1].kind == .word, !doc.tokens[p - 1].has(.lowercase) else { return false }
            p -= 1
        }
        return true
    }

    /// Capitalised words before a name that still leave it opening its sentence.
    static let longestTitleRun = 3

    /// Whether the phrase that starts at token `a` is the object of a preposition ("in the …").
    private func afterPreposition(_ doc: Document, _ a: Int) -> Bool {
        var p = a - 1
        if p >= 0, doc.tokens[p].lower == Self.h.the { p -= 1 }
        return p >= 0 && Self.h.prepositions.contains(doc.tokens[p].lower)
    }

    /// Tokens back from "they" that are searched for its source: about three sentences.
    static let pluralSourceReach = 80
}
