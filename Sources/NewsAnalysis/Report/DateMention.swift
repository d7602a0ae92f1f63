/// A date or time named in the text ("July 21, 2017", "Tuesday", "earlier this year", "10 a.m."),
/// with its span in code points and, when the publication date is known, what it means.
public struct DateMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Fixed by the words alone ("July 21, 2017", "2008-06-12", "in 2008").
        case absolute
        /// Needs a reference date ("Tuesday", "last week", "the night before").
        case relative
        /// A time of day ("10 a.m.", "15:30", "noon").
        case time
    }

    public enum Resolution: String, Sendable, Hashable, Codable { case day, week, month, year }

    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// How precise the expression is, when it names a date.
    public var resolution: Resolution?
    /// ISO 8601 form at that resolution ("2008-06-10", "2008-06", "2008"); absent when it
    /// cannot be known (a weekday without a publication date) or for a week.
    public var value: String?
    /// The first and last day the expression covers, inclusive (ISO 8601 days).
    public var from: String?
    public var to: String?
    /// For times: "HH:MM", 24-hour clock.
    public var time: String?

    public init(text: String, start: Int, end: Int, kind: Kind, resolution: Resolution? = nil, value: String? = nil,
                from: String? = nil, to: String? = nil, time: String? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.resolution = resolution
        self.value = value
        self.from = from
        self.to = to
        self.time = time
    }
}
