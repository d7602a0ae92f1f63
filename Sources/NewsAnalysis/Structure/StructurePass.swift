/// Gives each line of the text a role (headline, dek, caption, credit, byline, date, body),
/// then splits the body into sentences and takes contributor notes off its end.
struct StructurePass {
    let lexicon: Lexicon

    static let h = (
        photo: FNV.lowercased("photo"), image: FNV.lowercased("image"), picture: FNV.lowercased("picture"),
        photograph: FNV.lowercased("photograph"), credit: FNV.lowercased("credit"), credits: FNV.lowercased("credits"),
        courtesy: FNV.lowercased("courtesy"), by: FNV.lowercased("by"), contributed: FNV.lowercased("contributed"),
        reporting: FNV.lowercased("reporting"), and: FNV.lowercased("and"), to: FNV.lowercased("to"),
        this: FNV.lowercased("this"), the: FNV.lowercased("the"), editing: FNV.lowercased("editing"),
        writing: FNV.lowercased("writing"), additional: FNV.lowercased("additional"), photos: FNV.lowercased("photos")
    )

    func run(_ doc: inout Document, _ report: inout AnalysisReport, title: String?, layout: TextLayout? = nil) {
        var images: [(caption: Int, credit: LocatedText?, key: UInt64)] = []
        var issues: [CopyIssue] = []
        if let layout {
            applyLayout(layout, &doc, &report)
            finish(&doc, &report, issues: [])
            return
        }
        // 0. A date glued to the headline or to the first paragraph is a line of its own.
        splitGluedDates(&doc)
        let lines = doc.lines

        // 1. Captions and credits.
        for (n, line) in lines.enumerated() {
            if let (captionEnd, credit) = creditMarker(doc, line.tokens) {
                if captionEnd == line.tokens.lowerBound {
                    doc.roles[n] = .credit
                    if let r = tokenRange(doc, credit.start, credit.end) { doc.creditMentions.append(r) }
                    // A credit line alone: it credits the caption above it, or makes it one.
                    if n > 0, doc.roles[n - 1] == .body || doc.roles[n - 1] == .repeatedCaption || doc.roles[n - 1] == .caption {
                        let prev = lines[n - 1]
                        if let k = images.lastIndex(where: { $0.key == prev.key }), n - images[k].caption <= 3 {
                            if images[k].credit == nil { images[k].credit = credit }
                        } else if prev.words <= 40, doc.roles[n - 1] == .body {
                            doc.roles[n - 1] = .caption
                            images.append((n - 1, credit, prev.key))
                        }
                    }
                } else {
                    let captionTokens = line.tokens.lowerBound..<captionEnd
                    doc.roles[n] = .caption
                    let key = lineKey(doc, captionTokens)
                    doc.lines[n].key = key
                    images.append((n, credit, key))
                }
            }
        }
        // A line repeating a caption (or the line just above it) is a copy fault, not text.
        var imageByKey: [UInt64: Int] = [:]
        for (k, image) in images.enumerated() where imageByKey[image.key] == nil { imageByKey[image.key] = k }
        for (n, line) in doc.lines.enumerated() where doc.roles[n] == .body {
            if let k = imageByKey[line.key], images[k].caption != n {
                doc.roles[n] = .repeatedCaption
                let c = doc.lines[images[k].caption]
                let captionEnd = captionTokens(doc, images[k].caption)
                let first = doc.span(tokens: c.tokens.lowerBound..<captionEnd)
                issues.append(CopyIssue(kind: .repeatedCaption, spans: [first, Span(start: line.start, end: line.end)],
                                        text: doc.text(line.start, line.end), message: "caption line printed twice"))
            } else if n > 0, doc.roles[n - 1] == .body, doc.lines[n - 1].key == line.key, line.words >= 3 {
                doc.roles[n] = .repeatedLine
                issues.append(CopyIssue(kind: .duplicatedSentence, spans: [Span(start: doc.lines[n - 1].start, end: doc.lines[n - 1].end),
                                                                          Span(start: line.start, end: line.end)],
                                        text: doc.text(line.start, line.end), message: "line printed twice"))
            }
        }
        for image in images {
            let captionEnd = captionTokens(doc, image.caption)
            let r = doc.lines[image.caption].tokens.lowerBound..<captionEnd
            guard !r.isEmpty else { continue }
            report.images.append(ImageCaption(caption: doc.located(tokens: r), credit: image.credit))
        }

        // 2. Headline, date line, byline and dek among the first lines.
        let open = doc.lines.indices.filter { doc.roles[$0] == .body }
        var cursor = 0
        if cursor < open.count, open.count > 1 {
            let n = open[cursor]
            let line = doc.lines[n]
            let matchesTitle = title.map { normalise($0) == normalise(doc.text(line.start, line.end)) } ?? false
            if matchesTitle || (line.words <= 25 && !endsWithPeriod(doc, line.tokens) && !isByline(doc, line.tokens) && !isDate(doc, line.tokens)) {
                doc.roles[n] = .headline
                report.headline = doc.located(tokens: line.tokens)
                cursor += 1
            }
        }
        var sawDek = false
        while cursor < open.count, cursor < 5 {
            let n = open[cursor]
            let line = doc.lines[n]
            if report.dateLine == nil, isDate(doc, line.tokens) {
                doc.roles[n] = .dateLine
                report.dateLine = doc.located(tokens: line.tokens)
            } else if report.byline == nil, isByline(doc, line.tokens) {
                doc.roles[n] = .byline
                report.byline = doc.located(tokens: line.tokens)
                report.authors = authors(doc, line.tokens.dropFirst())
            } else if let next = open[(cursor + 1)...].first(where: { doc.lines[$0].words >= Self.paragraphWords }),
                      isCaption(doc, line, before: doc.lines[next]) {
                doc.roles[n] = .caption
                report.images.append(ImageCaption(caption: doc.located(tokens: line.tokens), credit: nil))
            } else if report.headline != nil, !sawDek, cursor == 1, line.words <= Self.longestDek, cursor + 1 < open.count,
                      isOneSentence(doc, line.tokens) {
                doc.roles[n] = .subheadline
                report.subheadline = doc.located(tokens: line.tokens)
                sawDek = true
            } else {
                break
            }
            cursor += 1
        }
        // Further down, a short line that states nothing above a paragraph and ends as a
        // sentence (a subheading does not) is a picture's caption too.
        let body = doc.lines.indices.filter { doc.roles[$0] == .body }
        for (k, n) in body.enumerated().dropLast() where endsAsSentence(doc, doc.lines[n].tokens) && isCaption(doc, doc.lines[n], before: doc.lines[body[k + 1]]) {
            doc.roles[n] = .caption
            report.images.append(ImageCaption(caption: doc.located(tokens: doc.lines[n].tokens), credit: nil))
        }
        report.images.sort { $0.caption.start < $1.caption.start }
        finish(&doc, &report, issues: issues)
    }

    /// Words of a line that is a paragraph, not a caption or a heading.
    static let paragraphWords = 20

    /// Words that make a line say something happened or is so.
    static let verbWords = Set((WordLists.auxiliaries + " " + WordLists.irregularPasts).split(whereSeparator: \.isWhitespace).map { FNV.lowercased($0) })

    /// A line of 2 to 14 words with no verb we know (``verbWords``, "-ed", speech verbs), followed by
    /// a paragraph of 20 words or more: "The current flag of New Zealand.", "Opening night,
    /// January 23, 2014, of the exhibit". A one-line lead states something, so it has a verb.
    private func isCaption(_ doc: Document, _ line: Document.Line, before next: Document.Line) -> Bool {
        guard (2...14).contains(line.words), next.words >= Self.paragraphWords else { return false }
        let t = doc.tokens
        for i in line.tokens {
            if t[i].has(.quote) || doc.lex[i].contains(.speechVerb) || Self.verbWords.contains(t[i].lower) { return false }
            if t[i].kind == .word, t[i].has(.lowercase), t[i].length >= 4, doc.scalars[Int(t[i].end) - 2] == "e", doc.scalars[Int(t[i].end) - 1] == "d" { return false }
        }
        return isOneSentence(doc, line.tokens)
    }

    /// A dek is one sentence of at most this many words; a longer line under the headline, or
    /// one of two sentences, is the lead.
    static let longestDek = 30

    /// No sentence ends before the line does.
    private func isOneSentence(_ doc: Document, _ r: Range<Int>) -> Bool {
        !r.dropLast().contains { doc.tokens[$0].kind == .punctuation && (doc.tokens[$0].first == 46 || doc.tokens[$0].first == 63 || doc.tokens[$0].first == 33) }
    }

    /// Splits "... ants Tuesday, September 1, 2015" (a headline that ends in a date) and
    /// "Thursday, May 7, 2015 On Tuesday, the government ..." (a first paragraph that starts
    /// with one) among the first lines, so the date is a date line and the rest keeps its role.
    private func splitGluedDates(_ doc: inout Document) {
        var n = 0
        while n < min(doc.lines.count, 4) {
            let r = doc.lines[n].tokens
            if let end = dateRunEnd(doc, from: r.lowerBound, within: r), r.upperBound - end >= 3, doc.tokens[end].has(.capitalized) {
                doc.splitLine(n, at: end)
                n += 2
            } else if let start = trailingDateStart(doc, r), start - r.lowerBound >= 3 {
                doc.splitLine(n, at: start)
                n += 2
            } else {
                n += 1
            }
        }
    }

    /// Where a date that starts at `from` ends (just after its year): weekday and month
    /// names, numbers and commas, with a name, a day and a year among them.
    private func dateRunEnd(_ doc: Document, from: Int, within r: Range<Int>) -> Int? {
        var names = 0, numbers = 0
        var end: Int?
        var i = from
        while i < r.upperBound {
            let t = doc.tokens[i]
            if t.kind == .word, doc.lex[i].contains(.calendar) {
                names += 1
            } else if t.kind == .number {
                numbers += 1
                if isYear(doc, i) { end = i + 1 }
            } else if !doc.isPunct(i, 44) {
                break
            }
            i += 1
        }
        guard names >= 1, numbers >= 2, let end, doc.lex[from].contains(.calendar) || doc.tokens[from].kind == .number else { return nil }
        return end
    }

    /// Where a date that ends a line without a period starts.
    private func trailingDateStart(_ doc: Document, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, isYear(doc, r.upperBound - 1) else { return nil }
        var i = r.upperBound - 1
        var start: Int?
        while i >= r.lowerBound {
            let t = doc.tokens[i]
            if t.kind == .word, doc.lex[i].contains(.calendar) {
                start = i
            } else if t.kind != .number, !doc.isPunct(i, 44) {
                break
            }
            i -= 1
        }
        guard let start, dateRunEnd(doc, from: start, within: start..<r.upperBound) == r.upperBound else { return nil }
        return start
    }

    private func isYear(_ doc: Document, _ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .number, t.length == 4 else { return false }
        let first = doc.scalars[Int(t.start)]
        return first == "1" || first == "2"
    }

    /// Roles as the page gave them: headline, dek, captions with their credits; the rest body.
    private func applyLayout(_ layout: TextLayout, _ doc: inout Document, _ report: inout AnalysisReport) {
        for n in doc.lines.indices {
            let line = doc.lines[n]
            guard let (role, rangeStart) = layout.role(at: line.start) else { continue }
            doc.roles[n] = role
            switch role {
            case .headline: report.headline = doc.located(tokens: line.tokens)
            case .subheadline: report.subheadline = doc.located(tokens: line.tokens)
            case .caption:
                report.images.append(ImageCaption(caption: doc.located(tokens: line.tokens), credit: nil, url: layout.imageURLs[rangeStart]))
            case .credit:
                let credit = doc.located(tokens: line.tokens)
                if let last = report.images.indices.last, report.images[last].credit == nil {
                    report.images[last].credit = credit
                } else {
                    report.images.append(ImageCaption(caption: credit, credit: credit, url: layout.imageURLs[rangeStart]))
                }
                doc.creditMentions.append(line.tokens)
            default: break
            }
        }
        report.authors = layout.authors
    }

    /// Body paragraphs and sentences, contributor notes, and the scopes later passes read.
    private func finish(_ doc: inout Document, _ report: inout AnalysisReport, issues: [CopyIssue]) {
        // 3. Body paragraphs and sentences.
        let splitter = SentenceSplitter()
        var paragraphs: [Range<Int>] = []
        for n in doc.lines.indices where doc.roles[n] == .body { paragraphs.append(doc.lines[n].tokens) }
        var sentences: [Range<Int>] = []
        var perParagraph: [Int] = []
        for p in paragraphs {
            splitter.split(doc, p, into: &sentences)
            perParagraph.append(sentences.count)
        }
        // 4. Contributor notes at the end ("AP contributed to this report.").
        var cut = sentences.count
        var checked = 0
        while cut > 0, checked < 3, let names = contributorNames(doc, sentences[cut - 1]) {
            report.contributors.insert(contentsOf: names.map { doc.text(tokens: $0) }, at: 0)
            for r in names { doc.creditMentions.append(r) }
            cut -= 1
            checked += 1
        }
        if cut < sentences.count {
            let firstCut = sentences[cut].lowerBound
            sentences.removeLast(sentences.count - cut)
            paragraphs = paragraphs.compactMap { p in
                if p.upperBound <= firstCut { return p }
                if p.lowerBound >= firstCut { return nil }
                return p.lowerBound..<firstCut
            }
        }
        _ = perParagraph
        for s in sentences { doc.tokens[s.lowerBound].flags.insert(.sentenceStart) }
        doc.paragraphs = paragraphs
        doc.sentences = sentences
        var scope: [Range<Int>] = []
        for n in doc.lines.indices where doc.roles[n] == .headline || doc.roles[n] == .subheadline {
            doc.tokens[doc.lines[n].tokens.lowerBound].flags.insert(.sentenceStart)
            scope.append(doc.lines[n].tokens)
        }
        scope.append(contentsOf: paragraphs)
        // Captions and the date line name people and places too ("LONDON 1996-08-31"); a
        // credit's names are found as credits.
        var notBody = report.images.compactMap { image in image.caption == image.credit ? nil : image.caption }
        if let dateLine = report.dateLine { notBody.append(dateLine) }
        for span in notBody {
            guard let r = tokenRange(doc, span.start, span.end) else { continue }
            doc.tokens[r.lowerBound].flags.insert(.sentenceStart)
            scope.append(r)
        }
        doc.entityScope = scope
        for image in report.images {
            if let c = image.credit, let r = tokenRange(doc, c.start, c.end) { doc.creditMentions.append(r) }
        }

        report.paragraphs = paragraphs.map { doc.span(tokens: $0) }
        report.sentences = sentences.map { doc.span(tokens: $0) }
        var body = ""
        for (k, p) in report.paragraphs.enumerated() {
            if k > 0 { body += "\n\n" }
            body += doc.text(p.start, p.end)
        }
        report.body = body
        report.issues.append(contentsOf: issues)
    }

    // MARK: - Line tests

    /// Where a photo credit starts in a line and what it says: "(photo credit: AP)",
    /// "Photo: Name", "Image: United States Navy.", "(AP Photo/Name)".
    private func creditMarker(_ doc: Document, _ r: Range<Int>) -> (Int, LocatedText)? {
        let t = doc.tokens
        var i = r.lowerBound
        while i < r.upperBound {
            let w = t[i].lower
            let isMarker = w == Self.h.photo || w == Self.h.image || w == Self.h.picture || w == Self.h.photograph || w == Self.h.photos
            if isMarker {
                var j = i + 1
                if j < r.upperBound, t[j].lower == Self.h.credit || t[j].lower == Self.h.credits || t[j].lower == Self.h.courtesy { j += 1 }
                let paren = i > r.lowerBound && doc.isPunct(i - 1, 40)
                let atStart = i == r.lowerBound || paren || doc.isPunct(i - 1, 46) || doc.isPunct(i - 1, 0x2026)
                    || doc.isPunct(i - 1, 33) || doc.isPunct(i - 1, 63) || t[i - 1].has(.endsWithPeriod)
                if j < r.upperBound, doc.isPunct(j, 58), atStart {
                    var end = j + 1
                    while end < r.upperBound, !(paren && doc.isPunct(end, 41)) { end += 1 }
                    var last = end
                    while last > j + 1, t[last - 1].kind == .punctuation { last -= 1 }
                    guard last > j + 1 else { return nil }
                    // A closing bracket must end the line for a bracketed credit.
                    if paren, end < r.upperBound - 1 { return nil }
                    let captionEnd = paren ? i - 1 : i
                    return (captionEnd, doc.located(tokens: (j + 1)..<last))
                }
            }
            i += 1
        }
        return nil
    }

    /// Tokens of a caption line before its credit.
    private func captionTokens(_ doc: Document, _ n: Int) -> Int {
        let r = doc.lines[n].tokens
        if let (end, _) = creditMarker(doc, r) { return end }
        return r.upperBound
    }

    private func lineKey(_ doc: Document, _ r: Range<Int>) -> UInt64 {
        var key = FNV.offset
        for i in r { key = FNV.combine(key, doc.tokens[i].lower) }
        return key
    }

    /// Ends in "." or "…", perhaps inside a closing quote.
    private func endsAsSentence(_ doc: Document, _ r: Range<Int>) -> Bool {
        var i = r.upperBound - 1
        while i > r.lowerBound, doc.tokens[i].kind == .punctuation, doc.tokens[i].has(.quote) { i -= 1 }
        return doc.isPunct(i, 46) || doc.isPunct(i, 0x2026) || doc.tokens[i].has(.endsWithPeriod)
    }

    private func endsWithPeriod(_ doc: Document, _ r: Range<Int>) -> Bool {
        var i = r.upperBound - 1
        while i > r.lowerBound, doc.tokens[i].kind == .punctuation, doc.tokens[i].has(.quote) { i -= 1 }
        return doc.isPunct(i, 46)
    }

    private func isByline(_ doc: Document, _ r: Range<Int>) -> Bool {
        r.count >= 2 && r.count <= 16 && doc.tokens[r.lowerBound].lower == Self.h.by && doc.tokens[r.lowerBound].has(.capitalized)
            && doc.tokens[r.lowerBound + 1].has(.capitalized)
    }

    /// A line that is only a date: weekday, month, numbers and commas.
    private func isDate(_ doc: Document, _ r: Range<Int>) -> Bool {
        guard r.count <= 8 else { return false }
        var month = false, number = false
        for i in r {
            let t = doc.tokens[i]
            if t.kind == .number { number = true; continue }
            if t.kind == .punctuation { continue }
            if doc.lex[i].contains(.calendar) { month = true; continue }
            return false
        }
        return month && number
    }

    private func authors(_ doc: Document, _ r: Range<Int>) -> [String] {
        var out: [String] = []
        var start = r.lowerBound
        for i in r.lowerBound...r.upperBound {
            if i == r.upperBound || doc.isPunct(i, 44) || doc.tokens[i].lower == Self.h.and || doc.isPunct(i, 38) {
                if i > start {
                    let segment = start..<i
                    // Keep names; "Associated Press" after a comma is an affiliation.
                    if !segment.contains(where: { doc.lex[$0].contains(.organisationWord) }) { out.append(doc.text(tokens: segment)) }
                }
                start = i + 1
            }
        }
        return out
    }

    /// The names in "X and Y contributed to this report." or "Reporting by X; editing by Y".
    private func contributorNames(_ doc: Document, _ s: Range<Int>) -> [Range<Int>]? {
        let t = doc.tokens
        guard s.count <= 30 else { return nil }
        var names: [Range<Int>] = []
        func collect(_ r: Range<Int>) {
            var start = r.lowerBound
            for i in r.lowerBound...r.upperBound {
                if i == r.upperBound || doc.isPunct(i, 44) || doc.isPunct(i, 59) || t[i].lower == Self.h.and || t[i].lower == Self.h.by || t[i].has(.lowercase) {
                    var a = start, b = i
                    while a < b, !t[a].has(.capitalized) { a += 1 }
                    while b > a, !t[b - 1].has(.capitalized) { b -= 1 }
                    if b > a { names.append(a..<b) }
                    start = i + 1
                }
            }
        }
        if let c = s.firstIndex(where: { t[$0].lower == Self.h.contributed }), c > s.lowerBound {
            let after = c + 1
            let ok = (after < s.upperBound && t[after].lower == Self.h.reporting)
                || (after + 1 < s.upperBound && t[after].lower == Self.h.to && (t[after + 1].lower == Self.h.this || t[after + 1].lower == Self.h.the))
            guard ok else { return nil }
            collect(s.lowerBound..<c)
            return names.isEmpty ? nil : names
        }
        let w = t[s.lowerBound].lower
        if w == Self.h.reporting || w == Self.h.writing || w == Self.h.editing || w == Self.h.additional,
           let by = s.firstIndex(where: { t[$0].lower == Self.h.by }), by < s.lowerBound + 3 {
            collect((by + 1)..<s.upperBound)
            return names.isEmpty ? nil : names
        }
        return nil
    }

    private func tokenRange(_ doc: Document, _ start: Int, _ end: Int) -> Range<Int>? {
        var lo = 0, hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(doc.tokens[mid].start) < start { lo = mid + 1 } else { hi = mid }
        }
        var e = lo
        while e < doc.tokens.count, Int(doc.tokens[e].end) <= end { e += 1 }
        return e > lo ? lo..<e : nil
    }

    private func normalise(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
