/// Writes one JSON document into a byte buffer as it goes, members in the order they are
/// written.
///
/// A full analysis report is about 17 KB of JSON; through `Codable` (`JSONEncoder`, or even a
/// streaming `Encoder`) writing it cost a third as much as the analysis itself, mostly in
/// keyed-container dispatch. Types that implement ``JSONWritable`` by hand skip all of that.
///
/// The writer puts the commas: every key and every value starts with one when something
/// came before it in the same container.
public struct JSONWriter {
    /// The JSON text so far.
    public var bytes: [UInt8] { buffer }
    @usableFromInline var buffer: [UInt8]
    @usableFromInline var needsComma = false

    /// - Parameter capacity: bytes to reserve up front (a report line is about 17 KB).
    public init(capacity: Int = 0) {
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    // MARK: Containers

    @inlinable
    public mutating func beginObject() {
        separate()
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
    }

    @inlinable
    public mutating func endObject() {
        buffer.append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable
    public mutating func beginArray() {
        separate()
        buffer.append(UInt8(ascii: "["))
        needsComma = false
    }

    @inlinable
    public mutating func endArray() {
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":`; the member's value comes next. Keys are identifiers, written as they are.
    @inlinable
    public mutating func key(_ key: StaticString) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member of the object being written.
    @inlinable
    public mutating func member<Value: JSONWritable>(_ key: StaticString, _ value: Value) {
        self.key(key)
        value.write(to: &self)
    }

    /// Writes a member unless `value` is `nil`, as `Codable`'s `encodeIfPresent` does.
    @inlinable
    public mutating func member<Value: JSONWritable>(_ key: StaticString, _ value: Value?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    // MARK: Values

    @inlinable
    public mutating func value(_ value: String) {
        separate()
        JSONText.appendString(value, to: &buffer)
        needsComma = true
    }

    @inlinable
    public mutating func value(_ value: Bool) {
        separate()
        if value {
            buffer.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            buffer.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
        needsComma = true
    }

    public mutating func value(_ value: Int) {
        separate()
        appendInteger(value)
        needsComma = true
    }

    /// Writes a number that reads back as exactly `value`; JSON has no NaN or infinity, so
    /// those are written as `null` (as JavaScript's `JSON.stringify` does).
    public mutating func value(_ value: Double) {
        separate()
        appendDouble(value)
        needsComma = true
    }

    public mutating func null() {
        separate()
        buffer.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        needsComma = true
    }

    /// Writes a value that is already JSON text (a client's `meta` object, checked when read).
    public mutating func rawValue(_ json: some Collection<UInt8>) {
        separate()
        buffer.append(contentsOf: json)
        needsComma = true
    }

    @inlinable
    @usableFromInline
    mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
    }

    // MARK: Numbers

    /// Digits straight into the buffer, without a temporary String.
    private mutating func appendInteger(_ value: Int) {
        if value >= 0, value < 10 { return buffer.append(UInt8(ascii: "0") + UInt8(value)) }
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude, minimumCount: 1)
    }

    private mutating func appendDigits(of magnitude: UInt, minimumCount: Int) {
        var magnitude = magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // Room for 20 digits, filled from the end.
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 || count < minimumCount {
                count += 1
                scratch[24 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            buffer.append(contentsOf: scratch[(24 - count)...])
        }
    }

    private static let fractionScale = 10_000.0

    /// Whole numbers as integers; up to four decimals (every score and tone in a report) as
    /// fixed point, checked to read back as the same double; anything else by Swift's
    /// shortest round-trip `description`.
    private mutating func appendDouble(_ value: Double) {
        guard value.isFinite else { return null() }
        guard abs(value) < 1e11 else { return buffer.append(contentsOf: value.description.utf8) }
        if value == value.rounded(.towardZero) { return appendInteger(Int(value)) }
        let scaled = (value * Self.fractionScale).rounded()
        // Division is correctly rounded, so equality means the decimal scaled/10^4 parses back to `value`.
        guard scaled / Self.fractionScale == value else { return buffer.append(contentsOf: value.description.utf8) }
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        let units = UInt(abs(scaled))
        appendDigits(of: units / 10_000, minimumCount: 1)
        var fraction = units % 10_000
        var places = 4
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        buffer.append(UInt8(ascii: "."))
        appendDigits(of: fraction, minimumCount: places)
    }
}
