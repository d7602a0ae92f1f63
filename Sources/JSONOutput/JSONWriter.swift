/// Writes one JSON document into memory of its own as it goes, members in the order they are
/// written.
///
/// A full analysis report is about 17 KB of JSON; through `Codable` (`JSONEncoder`, or even a
/// streaming `Encoder`) writing it cost a third as much as the analysis itself, mostly in
/// keyed-container dispatch. Types that implement ``JSONWritable`` by hand skip all of that, and
/// the writer appends to raw memory (one capacity check per piece, no uniqueness checks): a
/// report line takes about 12 µs here, against about 100 µs through a streaming `Encoder`.
///
/// The writer puts the commas: every key and every value starts with one when something
/// came before it in the same container. Not copyable: it owns its memory.
public struct JSONWriter: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    @usableFromInline var needsComma = false

    /// - Parameter capacity: bytes to reserve up front (a report line is about 17 KB).
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The JSON text so far.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The JSON text so far, without a copy; valid only inside `body`.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    // MARK: Containers

    @inlinable
    public mutating func beginObject() {
        separate()
        append(UInt8(ascii: "{"))
        needsComma = false
    }

    @inlinable
    public mutating func endObject() {
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable
    public mutating func beginArray() {
        separate()
        append(UInt8(ascii: "["))
        needsComma = false
    }

    @inlinable
    public mutating func endArray() {
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"key":`; the member's value comes next. Keys are identifiers, written as they are.
    @inlinable
    public mutating func key(_ key: StaticString) {
        reserve(key.utf8CodeUnitCount + 4)
        if needsComma { unsafeAppend(UInt8(ascii: ",")) }
        unsafeAppend(UInt8(ascii: "\""))
        key.withUTF8Buffer { name in
            (base + count).update(from: name.baseAddress!, count: name.count)
            count += name.count
        }
        unsafeAppend(UInt8(ascii: "\""))
        unsafeAppend(UInt8(ascii: ":"))
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

    public mutating func value(_ value: String) {
        separate()
        // Native strings lend their bytes without a copy (and without a retain, unlike `withUTF8`).
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
            var contiguous = value
            contiguous.withUTF8 { appendQuoted($0) }
        }
        needsComma = true
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Worst case: every byte becomes a six-byte \u00XX escape.
        reserve(utf8.count * 6 + 2)
        unsafeAppend(UInt8(ascii: "\""))
        count += JSONText.writeEscaped(utf8, to: base + count)
        unsafeAppend(UInt8(ascii: "\""))
    }

    public mutating func value(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
        needsComma = true
    }

    public mutating func value(_ value: Int) {
        separate()
        reserve(20)
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
        append("null")
        needsComma = true
    }

    /// Writes a value that is already JSON text (a client's `meta` object, checked when read).
    public mutating func rawValue(_ json: [UInt8]) {
        separate()
        json.withUnsafeBufferPointer { append($0) }
        needsComma = true
    }

    // MARK: Memory

    @inlinable
    mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    @inlinable
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    @usableFromInline
    mutating func grow(toHold needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable
    mutating func append(_ byte: UInt8) {
        reserve(1)
        unsafeAppend(byte)
    }

    /// Appends within capacity already reserved.
    @inlinable
    mutating func unsafeAppend(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    // MARK: Numbers

    /// Digits written from the end of their room; the caller has reserved 20 bytes.
    private mutating func appendInteger(_ value: Int) {
        if value < 0 { unsafeAppend(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude, minimumCount: 1)
    }

    private mutating func appendDigits(of magnitude: UInt, minimumCount: Int) {
        var digitCount = 1
        var power: UInt = 10
        while digitCount < 20, magnitude >= power {
            digitCount += 1
            power = power &* 10
        }
        digitCount = max(digitCount, minimumCount)
        var remaining = magnitude
        var position = count + digitCount - 1
        while position >= count {
            base[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
            position -= 1
        }
        count += digitCount
    }

    private static let fractionScale = 10_000.0

    /// Whole numbers as integers; up to four decimals (every score and tone in a report) as
    /// fixed point, checked to read back as the same double; anything else by Swift's
    /// shortest round-trip `description`.
    private mutating func appendDouble(_ value: Double) {
        guard value.isFinite else { return append("null") }
        reserve(32)
        guard abs(value) < 1e11 else { return appendDescription(of: value) }
        if value == value.rounded(.towardZero) { return appendInteger(Int(value)) }
        let scaled = (value * Self.fractionScale).rounded()
        // Division is correctly rounded, so equality means the decimal scaled/10^4 parses back to `value`.
        guard scaled / Self.fractionScale == value else { return appendDescription(of: value) }
        if value < 0 { unsafeAppend(UInt8(ascii: "-")) }
        let units = UInt(abs(scaled))
        appendDigits(of: units / 10_000, minimumCount: 1)
        var fraction = units % 10_000
        var places = 4
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        unsafeAppend(UInt8(ascii: "."))
        appendDigits(of: fraction, minimumCount: places)
    }

    private mutating func appendDescription(of value: Double) {
        var text = value.description
        text.withUTF8 { append($0) }
    }
}
