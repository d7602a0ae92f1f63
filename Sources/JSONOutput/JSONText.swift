/// JSON string literals, for code that builds its lines in byte arrays; ``JSONWriter`` writes
/// its strings with the same escaping.
public enum JSONText {
    /// Appends `value` as a JSON string literal.
    public static func appendString(_ value: String, to buffer: inout [UInt8]) {
        var writer = JSONWriter(capacity: value.utf8.count + 16)
        writer.value(value)
        writer.withBytes { buffer.append(contentsOf: $0) }
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

    /// Writes UTF-8 `bytes` as the inside of a JSON string literal (no quotes) and returns how
    /// many bytes it wrote; `output` must have room for six per input byte. Only `"`, `\` and
    /// control characters are escaped: JSON allows everything else as it stands.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var written = 0
        var runStart = 0
        while true {
            let special = firstSpecialByte(in: bytes, from: runStart)
            (output + written).update(from: base + runStart, count: special - runStart)
            written += special - runStart
            guard special < bytes.count else { return written }
            written += writeEscape(for: bytes[special], to: output + written)
            runStart = special + 1
        }
    }

    /// The index of the first byte at or after `start` that a JSON string cannot hold as it
    /// stands (`"`, `\` or a control character), or `bytes.count`. Writers escape those bytes;
    /// readers stop at them.
    public static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        // Eight bytes at a time while none of them is special: most text has none.
        while index + 8 <= bytes.count, !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
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

    private static func writeEscape(for byte: UInt8, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output[1] = byte
        case 0x0A: output[1] = UInt8(ascii: "n")
        case 0x0D: output[1] = UInt8(ascii: "r")
        case 0x09: output[1] = UInt8(ascii: "t")
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            output[1] = UInt8(ascii: "u")
            output[2] = UInt8(ascii: "0")
            output[3] = UInt8(ascii: "0")
            output[4] = digits[Int(byte >> 4)]
            output[5] = digits[Int(byte & 0x0F)]
            return 6
        }
        return 2
    }
}
