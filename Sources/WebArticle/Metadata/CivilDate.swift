/// A day of the proleptic Gregorian calendar as a count of days since 1970-01-01, with the
/// conversions to and from year, month and day (Howard Hinnant's `days_from_civil`): date
/// arithmetic in integers, without Foundation's `Calendar` on the hot path. The analyzer's
/// dates and the page reader's time zones both count on it.
public struct CivilDate: Hashable, Comparable, Sendable {
    public var days: Int

    public init(days: Int) { self.days = days }

    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1 && year <= 9999, month >= 1 && month <= 12, day >= 1 && day <= Self.daysIn(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        days = era * 146_097 + doe - 719_468
    }

    public var ymd: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((days + 3) % 7 + 7) % 7 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public func adding(days n: Int) -> CivilDate { CivilDate(days: days + n) }

    /// The same day `n` months later, clamped to the month's end.
    public func adding(months n: Int) -> CivilDate {
        let (y, m, d) = ymd
        let total = y * 12 + (m - 1) + n
        let ny = total / 12, nm = total % 12 + 1
        return CivilDate(year: ny, month: nm, day: min(d, Self.daysIn(year: ny, month: nm))) ?? self
    }

    public var iso: String { Self.iso(ymd.year, ymd.month, ymd.day) }

    public static func iso(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        var out = pad(y, 4)
        if let m { out += "-" + pad(m, 2) }
        if let d { out += "-" + pad(d, 2) }
        return out
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.days < b.days }
}
