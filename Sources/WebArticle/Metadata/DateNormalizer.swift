/// Reads the date-times pages write (ISO 8601 and its near relations, RFC 2822, "Dec 17,
/// 2023 10:20 AM EST", "17 December 2023", dates in URLs) and writes them as
/// ISO 8601: "2023-12-17T10:20:00-05:00", "2023-12-17T10:20:00" when no zone is given, or
/// "2023-12-17" for a date alone.
enum DateNormalizer {
    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
    /// Zone abbreviations news pages print, as minutes east of UTC.
    private static let zones: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "et": -300, "est": -300, "edt": -240, "ct": -360, "cst": -360, "cdt": -300,
        "mt": -420, "mst": -420, "mdt": -360, "pt": -480, "pst": -480, "pdt": -420, "bst": 60, "cet": 60,
        "cest": 120, "ist": 330, "jst": 540, "aest": 600, "aedt": 660,
    ]

    private struct Parts {
        var year = 0, month = 0, day = 0
        var hour: Int?, minute = 0, second = 0
        var offsetMinutes: Int?

        /// Minutes since 1970-01-01 00:00 on the wall clock the parts were written in; `nil`
        /// for a day the month does not have.
        var wallMinutes: Int? {
            CivilDate(year: year, month: month, day: day).map { $0.days * 1440 + (hour ?? 0) * 60 + minute }
        }
    }

    /// `text` as ISO 8601, or `nil` when it holds no date.
    static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count < 200 else { return nil }
        if let parts = iso(Array(trimmed.utf8)) ?? written(trimmed) { return format(parts) }
        return nil
    }

    /// Whether `bytes` hold a four-digit year of the last two centuries: a cheap test before
    /// reading a line as a date.
    static func holdsYear(_ bytes: [UInt8]) -> Bool {
        func digit(_ k: Int) -> Bool { k >= 0 && k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        var k = 0
        while k + 3 < bytes.count {
            let century = (bytes[k] == UInt8(ascii: "1") && bytes[k + 1] == UInt8(ascii: "9")) || (bytes[k] == UInt8(ascii: "2") && bytes[k + 1] == UInt8(ascii: "0"))
            if century, digit(k + 2), digit(k + 3), !digit(k - 1), !digit(k + 4) { return true }
            k += 1
        }
        return false
    }

    /// Whether `text` is a date and nothing else: numbers, month and weekday names, a time,
    /// a zone. "Dec 05, 2023" is; "Sales rose 5% in May 2023" is not.
    static func isDateOnly(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return !words.isEmpty && words.allSatisfy { months[String($0)] != nil || weekdays.contains(String($0)) || zones[String($0)] != nil || $0 == "am" || $0 == "pm" || $0 == "at" }
            && words.contains { months[String($0)] != nil }
    }

    private static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday",
    ]

    /// The zone, in minutes east of UTC, in which the page prints the instant `iso` (a value
    /// `normalize` wrote, with a time and zone) as `printed`: a date-time with its own zone
    /// that is the same instant, or a wall-clock time that is the instant in some zone. `nil`
    /// when `printed` is another time.
    static func offset(showing iso: String, as printed: String) -> Int? {
        guard let instant = self.iso(Array(iso.utf8)), instant.hour != nil, let offset = instant.offsetMinutes, let wall = instant.wallMinutes,
              let shown = self.iso(Array(printed.utf8)) ?? written(printed), shown.hour != nil, let shownWall = shown.wallMinutes else { return nil }
        let utc = wall - offset
        if let zone = shown.offsetMinutes { return shownWall - zone == utc ? zone : nil }
        let zone = shownWall - utc
        return abs(zone) <= 14 * 60 && zone % 15 == 0 ? zone : nil
    }

    /// The zone of `iso` (a value `normalize` wrote), in minutes east of UTC; `nil` for a
    /// date alone or a time without a zone.
    static func offsetMinutes(of iso: String) -> Int? {
        guard let parts = self.iso(Array(iso.utf8)), parts.hour != nil else { return nil }
        return parts.offsetMinutes
    }

    /// `iso` (a value `normalize` wrote, with a time and zone) written in the zone
    /// `offsetMinutes` east of UTC: the same instant on the clock and calendar of that zone.
    static func shifted(_ iso: String, toOffset offsetMinutes: Int) -> String? {
        guard var parts = self.iso(Array(iso.utf8)), parts.hour != nil, let offset = parts.offsetMinutes, let wall = parts.wallMinutes else { return nil }
        let minutes = wall - offset + offsetMinutes
        let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        (parts.year, parts.month, parts.day) = CivilDate(days: days).ymd
        parts.hour = (minutes - days * 1440) / 60
        parts.minute = (minutes - days * 1440) % 60
        parts.offsetMinutes = offsetMinutes
        return format(parts)
    }

    /// A date in a URL's path: /2023/12/17/, /2023-12-17/, /20231217/.
    static func fromURL(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        var i = 0
        while i + 8 <= bytes.count {
            if bytes[i] == UInt8(ascii: "/"), let (parts, _) = digitsDate(bytes, from: i + 1) { return format(parts) }
            i += 1
        }
        return nil
    }

    private static func digitsDate(_ b: [UInt8], from start: Int) -> (Parts, Int)? {
        func number(_ at: Int, _ width: Int) -> Int? {
            guard at + width <= b.count else { return nil }
            var v = 0
            for k in at..<(at + width) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        guard let year = number(start, 4), (1995...2100).contains(year) else { return nil }
        var i = start + 4
        let separator: UInt8? = i < b.count && (b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "-")) ? b[i] : nil
        if separator != nil { i += 1 }
        guard let month = number(i, 2), (1...12).contains(month) else { return nil }
        i += 2
        if let separator { guard i < b.count, b[i] == separator else { return nil }; i += 1 }
        guard let day = number(i, 2), (1...31).contains(day) else { return nil }
        i += 2
        if i < b.count, b[i] >= 0x30, b[i] <= 0x39 { return nil }
        return (Parts(year: year, month: month, day: day), i)
    }

    /// 2023-12-17, 2023-12-17T10:20, 2023-12-17 10:20:30.123+01:00, 2023/12/17, 20231217T102030Z.
    private static func iso(_ b: [UInt8]) -> Parts? {
        guard var (parts, i) = digitsDate(b, from: 0) else { return nil }
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var v = 0
            for k in i..<(i + width) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += width
            return v
        }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 0x20 else { return parts }
        i += 1
        guard let hour = number(2), hour < 24 else { return parts }
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        guard let minute = number(2), minute < 60 else { return parts }
        parts.hour = hour
        parts.minute = minute
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        if let second = number(2), second < 61 { parts.second = min(second, 59) }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard i < b.count else { return parts }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            parts.offsetMinutes = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            if let h = number(2) {
                if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                let m = number(2) ?? 0
                if h <= 14, m < 60 { parts.offsetMinutes = sign * (h * 60 + m) }
            }
        } else {
            let rest = String(decoding: b[i...], as: UTF8.self).lowercased()
            parts.offsetMinutes = zones[rest.prefix(while: { $0.isLetter }).description]
        }
        return parts
    }

    /// Dates with month names, in either order, with an optional time and zone:
    /// "Sun, 17 Dec 2023 10:20:30 GMT", "December 17, 2023 at 10:20 a.m. ET", "17.12.2023".
    private static func written(_ text: String) -> Parts? {
        var words: [String] = []
        var word = ""
        for c in text.lowercased() {
            // "5:06pm": the time and its half of the day are two words.
            if c.isLetter, let last = word.last, last.isNumber {
                words.append(word)
                word = ""
            }
            if c.isLetter || c.isNumber || c == ":" {
                word.append(c)
            } else {
                if !word.isEmpty { words.append(word) }
                word = ""
                if c == "+" || c == "-" { words.append(String(c)) }
            }
        }
        if !word.isEmpty { words.append(word) }
        var parts = Parts()
        var numbers: [Int] = []
        var k = 0
        while k < words.count {
            let w = words[k]
            if parts.month == 0, let m = months[w] {
                parts.month = m
            } else if w.contains(":") {
                let hm = w.split(separator: ":").compactMap { Int($0) }
                if hm.count >= 2, hm[0] < 24, hm[1] < 60 {
                    parts.hour = hm[0]
                    parts.minute = hm[1]
                    if hm.count >= 3, hm[2] < 60 { parts.second = hm[2] }
                }
            } else if w == "pm" || w == "p" && k + 1 < words.count && words[k + 1] == "m" {
                if let h = parts.hour, h < 12 { parts.hour = h + 12 }
            } else if w == "am" || w == "a" && k + 1 < words.count && words[k + 1] == "m" {
                if let h = parts.hour, h == 12 { parts.hour = 0 }
            } else if let zone = zones[w], parts.hour != nil {
                parts.offsetMinutes = zone
            } else if (w == "+" || w == "-"), parts.hour != nil, k + 1 < words.count, words[k + 1].count == 4, let v = Int(words[k + 1]) {
                parts.offsetMinutes = (w == "-" ? -1 : 1) * (v / 100 * 60 + v % 100)
                k += 1
            } else if let n = Int(w) {
                numbers.append(n)
            }
            k += 1
        }
        if parts.month != 0 {
            guard let year = numbers.first(where: { (1995...2100).contains($0) }),
                  let day = numbers.first(where: { (1...31).contains($0) }) else { return nil }
            parts.year = year
            parts.day = day
            return parts
        }
        // 17.12.2023 or 12/17/2023: day first unless that cannot be.
        guard numbers.count >= 3, (1995...2100).contains(numbers[2]) else { return nil }
        let (a, b) = (numbers[0], numbers[1])
        if text.contains("/"), a <= 12, b <= 31 {
            (parts.month, parts.day) = (a, b)
        } else if a <= 31, b <= 12 {
            (parts.day, parts.month) = (a, b)
        } else if a <= 12, b <= 31 {
            (parts.month, parts.day) = (a, b)
        } else {
            return nil
        }
        parts.year = numbers[2]
        return parts
    }

    private static func format(_ p: Parts) -> String? {
        guard (1995...2100).contains(p.year), (1...12).contains(p.month), (1...31).contains(p.day) else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = "\(p.year)-\(two(p.month))-\(two(p.day))"
        guard let hour = p.hour else { return s }
        s += "T\(two(hour)):\(two(p.minute)):\(two(p.second))"
        if let offset = p.offsetMinutes {
            let sign = offset < 0 ? "-" : "+"
            s += "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
        }
        return s
    }
}
