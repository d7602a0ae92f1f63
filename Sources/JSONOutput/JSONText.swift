/// Writes JSON text straight into byte buffers: the pipeline's records and reports are hot, so
/// they skip `JSONEncoder`.
public enum JSONText {
    /// Appends `value` as a JSON string literal, copying runs that need no escape in bulk.
    @inlinable
    public static func appendString(_ value: String, to buffer: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &buffer) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal. Only `"`, `\` and control characters are
    /// escaped: JSON allows everything else as it stands.
    public static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        guard let base = bytes.baseAddress else { return buffer.append(UInt8(ascii: "\"")) }
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs an escape: most text has none.
            while index + 8 <= bytes.count, !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            appendEscape(for: byte, to: &buffer)
            index += 1
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (bit tricks from
    /// "Bit Twiddling Hacks": a byte is zero, or less than n, without a branch per byte).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    private static func appendEscape(for byte: UInt8, to buffer: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            buffer.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
    }

    /// Appends `"key":` with a leading comma unless it is the object's first member.
    public static func appendKey(_ key: String, first: Bool = false, to buffer: inout [UInt8]) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        appendString(key, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    /// A JSON string literal for `value`.
    public static func string(_ value: String) -> [UInt8] {
        var buffer: [UInt8] = []
        appendString(value, to: &buffer)
        return buffer
    }
}
