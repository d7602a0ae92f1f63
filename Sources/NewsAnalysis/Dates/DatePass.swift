import WebArticle

/// Finds dates and times: absolute ("July 21, 2017", "21 July", "2008-06-12", "in 2008"),
/// relative ("Tuesday", "last week", "earlier this year", "three days ago", "the night before")
/// and times of day ("10 a.m.", "15:30", "noon"). With a reference date (the article's
/// publication date, or the date line at its top) each gets a normalised value or range.
/// Anaphoric expressions ("the night before", "the following day") count from the last day
/// named before them, else from the reference date.
struct DatePass {
    private typealias W = WordMeaning.DateWord

    /// A date found at a position: its end token and what it means.
    private struct Found {
        var end: Int
        var kind: DateMention.Kind
        var resolution: DateMention.Resolution?
        var day: CivilDate? = nil
        var from: CivilDate? = nil
        var to: CivilDate? = nil
        var value: String? = nil
        var time: String? = nil
    }

    static let the = FNV.lowercased("the"), a = FNV.lowercased("a"), an = FNV.lowercased("an"), of = FNV.lowercased("of"),
               early = FNV.lowercased("early"), late = FNV.lowercased("late"), mid = FNV.lowercased("mid")

    /// The day a publication date names: ISO 8601 ("2008-06-12T09:00:00Z") or written out as
    /// feeds and pages give it ("Tue, 10 Jun 2008 04:00:00 GMT", "June 10, 2008").
    static func publicationDate(_ published: String?, lexicon: Lexicon) -> CivilDate? {
        guard let published, !published.isEmpty, published.utf8.count <= 200 else { return nil }
        if let d = parseISO(published) { return d }
        var doc = Document(scalars: Array(published.unicodeScalars), lexicon: lexicon)
        doc.inDate = [Bool](repeating: false, count: doc.tokens.count)
        for i in doc.tokens.indices {
            if let f = DatePass().absolute(doc, i, doc.tokens.count, nil), f.kind == .absolute, let d = f.day { return d }
        }
        return nil
    }

    func run(_ doc: inout Document, _ report: inout AnalysisReport, published: CivilDate?) {
        var scopes: [Range<Int>] = []
        var dateLineScope: Range<Int>?
        for n in doc.lines.indices {
            switch doc.roles[n] {
            case .headline, .subheadline: scopes.append(doc.lines[n].tokens)
            case .dateLine: scopes.append(doc.lines[n].tokens); dateLineScope = doc.lines[n].tokens
            default: break
            }
        }
        scopes.append(contentsOf: doc.paragraphs)
        scopes.sort { $0.lowerBound < $1.lowerBound }
        doc.inDate = [Bool](repeating: false, count: doc.tokens.count)

        var reference = published
        if reference == nil, let r = dateLineScope {
            for i in r { if let f = absolute(doc, i, r.upperBound, nil), let d = f.day { reference = d; break } }
        }
        var anchor: CivilDate? = nil
        for r in scopes {
            var i = r.lowerBound
            while i < r.upperBound {
                // Most tokens can start no date: skip them without trying every pattern.
                let tok = doc.tokens[i], m = doc.meaning[i]
                if tok.kind == .punctuation || tok.kind == .word && m.date == .none && m.number == .none && !tok.has(.hasDigit)
                    && tok.lower != Self.the && tok.lower != Self.a && tok.lower != Self.an {
                    i += 1
                    continue
                }
                guard var f = match(doc, i, r, reference, anchor) else { i += 1; continue }
                if f.resolution == .day, let d = f.day { anchor = d; f.value = d.iso }
                let located = doc.located(tokens: i..<f.end)
                report.dates.append(DateMention(text: located.text, start: located.start, end: located.end, kind: f.kind,
                                                resolution: f.resolution, value: f.value, from: f.from?.iso, to: f.to?.iso, time: f.time))
                for k in i..<f.end { doc.inDate[k] = true }
                i = f.end
            }
        }
    }

    /// "2008-06-12", "2008-06-12T10:00:00Z": the day of an ISO 8601 timestamp.
    static func parseISO(_ s: String) -> CivilDate? {
        let u = Array(s.utf8.prefix(10))
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func n(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for k in a..<b { guard u[k] >= 48 && u[k] <= 57 else { return nil }; v = v * 10 + Int(u[k] - 48) }
            return v
        }
        guard let y = n(0, 4), let m = n(5, 7), let d = n(8, 10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    // MARK: - Matching

    private func match(_ doc: Document, _ i: Int, _ r: Range<Int>, _ ref: CivilDate?, _ anchor: CivilDate?) -> Found? {
        let t = doc.tokens
        let m = doc.meaning[i]
        let end = r.upperBound
        if let f = absolute(doc, i, end, ref) { return f }
        if let f = time(doc, i, end) { return f }
        switch m.date {
        case .weekday where t[i].has(.capitalized):
            return weekday(doc, i, i, end, ref, modifier: .none)
        case .today, .tonight, .yesterday, .tomorrow:
            guard t[i].has(.lowercase) || t[i].has(.sentenceStart) || t[i].has(.lineStart) else { return nil }
            let offset = m.date == .yesterday ? -1 : m.date == .tomorrow ? 1 : 0
            var e = i + 1
            if m.date != .tonight, e < end, doc.meaning[e].date == .partOfDay || doc.meaning[e].date == .unit && doc.meaning[e].dateValue == 6 { e += 1 }
            return Found(end: e, kind: .relative, resolution: .day, day: ref?.adding(days: offset))
        case .last, .next, .this:
            guard i + 1 < end else { return nil }
            let n = doc.meaning[i + 1]
            if n.date == .weekday { return weekday(doc, i, i + 1, end, ref, modifier: m.date) }
            if n.date == .month, t[i + 1].has(.capitalized) { return month(doc, i + 1, i, ref, modifier: m.date) }
            if n.date == .partOfDay, m.date == .this { return Found(end: i + 2, kind: .relative, resolution: .day, day: ref) }
            // "last week", "this year" (not "this years festival").
            if n.date == .unit, (1...5).contains(n.dateValue), !t[i + 1].has(.capitalized) || t[i].has(.capitalized),
               doc.scalars[Int(t[i + 1].end) - 1] != "s" {
                let step = m.date == .last ? -1 : m.date == .next ? 1 : 0
                return period(Int(n.dateValue), step, i + 2, ref)
            }
        case .earlier, .later:
            // "earlier this year", "later this month"
            guard i + 2 < end, doc.meaning[i + 1].date == .this || doc.meaning[i + 1].date == .last || doc.meaning[i + 1].date == .next else { return nil }
            let u = doc.meaning[i + 2]
            guard u.date == .unit, (2...4).contains(u.dateValue) else { return nil }
            let step = doc.meaning[i + 1].date == .last ? -1 : doc.meaning[i + 1].date == .next ? 1 : 0
            guard var f = period(Int(u.dateValue), step, i + 3, ref) else { return nil }
            f.kind = .relative
            if step == 0, let ref, let from = f.from, let to = f.to {
                // Earlier: from the start of the period to the day before; later: the day after to its end.
                if m.date == .earlier { f.to = max(from, ref.adding(days: -1)) } else { f.from = min(to, ref.adding(days: 1)) }
            }
            return f
        default:
            break
        }
        // "the night before", "the day after", "the previous week", "the following day"
        if t[i].lower == Self.the, i + 2 < end {
            let a = doc.meaning[i + 1], b = doc.meaning[i + 2]
            var unit = 0, step = 0
            if a.date == .unit, (b.date == .before || b.date == .after || b.date == .earlier || b.date == .later) {
                unit = Int(a.dateValue)
                step = b.date == .before || b.date == .earlier ? -1 : 1
            } else if (a.date == .previous || a.date == .following || a.date == .next), b.date == .unit {
                unit = Int(b.dateValue)
                step = a.date == .previous ? -1 : 1
            }
            // "the day before the vote": "before" opens a phrase then, not an anaphor.
            if unit != 0, a.date == .unit, i + 3 < end, t[i + 3].kind == .word, doc.meaning[i + 3].flags.contains(.determiner) { return nil }
            if unit == 1 || unit == 6 {
                let base = anchor ?? ref
                return Found(end: i + 3, kind: .relative, resolution: .day, day: base?.adding(days: step))
            }
            if (2...4).contains(unit) {
                let base = anchor ?? ref
                return period(unit, step, i + 3, base)
            }
        }
        // "three days ago", "a year ago"
        if i + 2 < end, doc.meaning[i + 1].date == .unit, doc.meaning[i + 2].date == .ago {
            var n: Int?
            if let v = doc.integer(i) { n = v } else if doc.meaning[i].number == .cardinal { n = Int(doc.meaning[i].numberValue) }
            else if t[i].lower == Self.a || t[i].lower == Self.an { n = 1 }
            guard let n, n > 0, n < 10_000 else { return nil }
            let unit = Int(doc.meaning[i + 1].dateValue)
            guard let ref else { return Found(end: i + 3, kind: .relative, resolution: unit == 1 ? .day : unit == 2 ? .week : unit == 3 ? .month : .year) }
            switch unit {
            case 1, 6: return Found(end: i + 3, kind: .relative, resolution: .day, day: ref.adding(days: -n))
            case 2: return period(2, 0, i + 3, ref.adding(days: -7 * n))
            case 3: return period(3, 0, i + 3, ref.adding(months: -n))
            case 4: return period(4, 0, i + 3, ref.adding(months: -12 * n))
            default: return nil
            }
        }
        // "in 2008", "since 1990": the year alone is the expression.
        if i > r.lowerBound, doc.meaning[i - 1].date == .yearPreposition || t[i - 1].lower == Self.early || t[i - 1].lower == Self.late,
           let y = doc.integer(i), (1800...2100).contains(y), t[i].length == 4 {
            if i + 1 < end, doc.meaning[i + 1].number != .none || doc.meaning[i + 1].date == .unit { return nil }
            return Found(end: i + 1, kind: .absolute, resolution: .year, from: CivilDate(year: y, month: 1, day: 1),
                         to: CivilDate(year: y, month: 12, day: 31), value: CivilDate.iso(y))
        }
        // "in March", "since January", "early May"
        if m.date == .month, t[i].has(.capitalized), i > r.lowerBound,
           doc.meaning[i - 1].date == .yearPreposition || t[i - 1].lower == Self.early || t[i - 1].lower == Self.late {
            return month(doc, i, i, ref, modifier: .none)
        }
        return nil
    }

    /// "July 21, 2017", "Friday, July 21, 2017", "21 July 2017", "July 2017", "2008-06-12".
    private func absolute(_ doc: Document, _ i: Int, _ end: Int, _ ref: CivilDate?) -> Found? {
        let t = doc.tokens
        if let (y, mo, d) = doc.isoDate(i), let day = CivilDate(year: y, month: mo, day: d) {
            return Found(end: i + 1, kind: .absolute, resolution: .day, day: day)
        }
        var k = i
        // A weekday in front: "Friday, July 21".
        if doc.meaning[k].date == .weekday, t[k].has(.capitalized) {
            var j = k + 1
            if j < end, doc.isPunct(j, 44) { j += 1 }
            guard j < end, doc.meaning[j].date == .month || doc.integer(j) != nil || doc.ordinal(j) != nil else { return nil }
            k = j
        }
        var month = 0, day = 0, year = 0
        var e = k
        if doc.meaning[k].date == .month, t[k].has(.capitalized) {
            month = Int(doc.meaning[k].dateValue)
            e = k + 1
            if e < end, let d = doc.integer(e) ?? doc.ordinal(e), (1...31).contains(d), t[e].length <= 4 {
                if let y = doc.integer(e), t[e].length == 4, (1800...2100).contains(y) { year = y; e += 1 }
                else { day = d; e += 1 }
            }
            if day > 0 {
                var j = e
                if j < end, doc.isPunct(j, 44) { j += 1 }
                if j < end, let y = doc.integer(j), t[j].length == 4, (1800...2100).contains(y) { year = y; e = j + 1 }
            }
            if day == 0 && year == 0 { return nil }
        } else if let d = doc.integer(k) ?? doc.ordinal(k), (1...31).contains(d), t[k].length <= 4 {
            var j = k + 1
            if j < end, t[j].lower == Self.of { j += 1 }
            guard j < end, doc.meaning[j].date == .month, t[j].has(.capitalized) else { return nil }
            month = Int(doc.meaning[j].dateValue)
            day = d
            e = j + 1
            if e < end, let y = doc.integer(e), t[e].length == 4, (1800...2100).contains(y) { year = y; e += 1 }
        } else {
            return nil
        }
        if k > i, day == 0 { return nil }
        if day == 0 {
            guard let from = CivilDate(year: year, month: month, day: 1) else { return nil }
            return Found(end: e, kind: .absolute, resolution: .month, from: from,
                         to: from.adding(days: CivilDate.daysIn(year: year, month: month) - 1), value: CivilDate.iso(year, month))
        }
        if year == 0 {
            // No year: the one that puts the day nearest the reference date.
            guard let ref else { return Found(end: e, kind: .relative, resolution: .day) }
            let y0 = ref.ymd.year
            let options = [y0 - 1, y0, y0 + 1].compactMap { CivilDate(year: $0, month: month, day: day) }
            guard let best = options.min(by: { abs($0.days - ref.days) < abs($1.days - ref.days) }) else { return nil }
            return Found(end: e, kind: .relative, resolution: .day, day: best)
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return Found(end: e, kind: .absolute, resolution: .day, day: date)
    }

    /// A month alone after a preposition or a modifier: "in March", "last May".
    private func month(_ doc: Document, _ k: Int, _ start: Int, _ ref: CivilDate?, modifier: W) -> Found? {
        let month = Int(doc.meaning[k].dateValue)
        guard let ref else { return Found(end: k + 1, kind: .relative, resolution: .month) }
        let (y, m, _) = ref.ymd
        var year = y
        switch modifier {
        case .last: year = month < m ? y : y - 1
        case .next: year = month > m ? y : y + 1
        default: year = month <= m ? y : y - 1
        }
        guard let from = CivilDate(year: year, month: month, day: 1) else { return nil }
        return Found(end: k + 1, kind: .relative, resolution: .month, from: from,
                     to: from.adding(days: CivilDate.daysIn(year: year, month: month) - 1), value: CivilDate.iso(year, month))
    }

    /// "Tuesday", "last Tuesday", "Saturday night": the one before the reference date unless
    /// the sentence speaks of the future ("will meet on Tuesday") or says "next".
    private func weekday(_ doc: Document, _ start: Int, _ k: Int, _ end: Int, _ ref: CivilDate?, modifier: W) -> Found? {
        var e = k + 1
        if e < end, doc.meaning[e].date == .partOfDay || (doc.meaning[e].date == .unit && doc.meaning[e].dateValue == 6) { e += 1 }
        guard let ref else { return Found(end: e, kind: .relative, resolution: .day) }
        let wd = Int(doc.meaning[k].dateValue)
        var future = modifier == .next
        if modifier == .none {
            var j = start - 1
            while j >= 0, start - j <= 10, !doc.isPunct(j, 46), !doc.tokens[j].has(.lineStart) || j == start - 1 {
                if doc.meaning[j].flags.contains(.future) { future = true; break }
                j -= 1
            }
        }
        let day: CivilDate
        if future {
            day = ref.adding(days: ((wd - ref.weekday) % 7 + 7) % 7 + (modifier == .next && wd == ref.weekday ? 7 : 0))
        } else {
            let back = ((ref.weekday - wd) % 7 + 7) % 7
            day = ref.adding(days: -(back == 0 && modifier == .last ? 7 : back))
        }
        return Found(end: e, kind: .relative, resolution: .day, day: day)
    }

    /// A week (Monday to Sunday), month or year `step` periods from `base`.
    private func period(_ unit: Int, _ step: Int, _ end: Int, _ base: CivilDate?) -> Found? {
        let resolution: DateMention.Resolution
        switch unit {
        case 2, 5: resolution = .week
        case 3: resolution = .month
        case 4: resolution = .year
        default: return nil
        }
        guard let base else { return Found(end: end, kind: .relative, resolution: resolution) }
        switch resolution {
        case .week:
            let monday = base.adding(days: 7 * step - base.weekday)
            let from = unit == 5 ? monday.adding(days: 5) : monday
            return Found(end: end, kind: .relative, resolution: .week, from: from, to: monday.adding(days: 6))
        case .month:
            let d = base.adding(months: step)
            let (y, m, _) = d.ymd
            let from = CivilDate(year: y, month: m, day: 1)!
            return Found(end: end, kind: .relative, resolution: .month, from: from,
                         to: from.adding(days: CivilDate.daysIn(year: y, month: m) - 1), value: CivilDate.iso(y, m))
        default:
            let y = base.ymd.year + step
            return Found(end: end, kind: .relative, resolution: .year, from: CivilDate(year: y, month: 1, day: 1),
                         to: CivilDate(year: y, month: 12, day: 31), value: CivilDate.iso(y))
        }
    }

    /// "10 a.m.", "3:30 p.m.", "15:30", "noon", "midnight".
    private func time(_ doc: Document, _ i: Int, _ end: Int) -> Found? {
        let m = doc.meaning[i]
        if m.date == .noon || m.date == .midnight, doc.tokens[i].has(.lowercase) {
            return Found(end: i + 1, kind: .time, resolution: nil, time: m.date == .noon ? "12:00" : "00:00")
        }
        guard let h = doc.integer(i), h <= 24, doc.tokens[i].length <= 2 else { return nil }
        var minute = 0
        var e = i + 1
        var colon = false
        if e + 1 < end, doc.isPunct(e, 58), doc.tokens[e].length == 1, !doc.tokens[e + 1].has(.spaceBefore), !doc.tokens[e].has(.spaceBefore),
           let mm = doc.integer(e + 1), mm < 60, doc.tokens[e + 1].length == 2 {
            minute = mm
            e += 2
            colon = true
        }
        var hour = h
        if e < end, doc.meaning[e].date == .meridiem, h >= 1, h <= 12 {
            hour = h % 12 + Int(doc.meaning[e].dateValue)
            e += 1
        } else if !colon {
            return nil
        }
        guard hour < 24 || (hour == 24 && minute == 0) else { return nil }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return Found(end: e, kind: .time, resolution: nil, time: "\(pad(hour % 24)):\(pad(minute))")
    }
}
