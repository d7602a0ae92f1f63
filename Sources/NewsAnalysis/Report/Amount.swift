/// A quantity and what it counts, in the spirit of GDELT's amounts: "20,000 combat soldiers"
/// is 20000 of "combat soldiers"; "$1.5 million" is 1500000 USD. Names with digits ("S-300")
/// are not amounts.
public struct Amount: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
    /// The number with its scale applied ("1.5 million" → 1500000).
    public var value: Double
    /// "USD", "EUR", "GBP", "JPY", "INR" for money; "percent" for shares.
    public var unit: String?
    /// The noun phrase the number counts, as written ("combat soldiers").
    public var object: String?

    public init(text: String, start: Int, end: Int, value: Double, unit: String?, object: String?) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.object = object
    }
}
