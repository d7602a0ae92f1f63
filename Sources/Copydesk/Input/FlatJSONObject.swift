import JSONOutput

/// A fast reader for the common shape of an article line: one JSON object whose values are
/// strings, numbers, booleans or null. Anything else (nested values, odd syntax) returns `nil`
/// and the caller falls back to `JSONSerialization`, which also words the error.
///
/// Reading thousands of 3 KB lines a second through `JSONSerialization` was the ventilator's
/// largest cost; this reads the bytes once and copies each string once.
struct FlatJSONObject {
    enum Value: Equatable {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    private(set) var members: [String: Value] = [:]

    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) {
            reader.skipSpace()
            guard reader.atEnd else { return nil }
            return
        }
        while true {
            reader.skipSpace()
            guard let key = reader.string() else { return nil }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            guard let value = reader.scalarValue() else { return nil }
            members[key] = value
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return nil }
            reader.skipSpace()
            guard reader.atEnd else { return nil }
            return
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func scalarValue() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                return Double(text) == nil ? nil : .number(text)
            default: return nil  // An object or array: leave it to JSONSerialization.
            }
        }

        private static let numberBytes = Set("0123456789+-.eE".utf8)

        private mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard bytes[index...].starts(with: expected) else { return false }
            index += expected.count
            return true
        }

        /// A string literal at `index`, unescaped; `nil` for bad escapes, control characters or bad UTF-8.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            return bytes.withUnsafeBufferPointer { buffer -> String? in
                var runStart = index
                var decoded: [UInt8] = []
                while true {
                    let special = JSONText.firstSpecialByte(in: buffer, from: runStart)
                    guard special < buffer.count, buffer[special] >= 0x20 else { return nil }
                    if buffer[special] == UInt8(ascii: "\"") {
                        index = special + 1
                        // The common case: no escapes, so the bytes are the string.
                        if decoded.isEmpty { return String(validating: buffer[runStart..<special], as: UTF8.self) }
                        decoded.append(contentsOf: buffer[runStart..<special])
                        return String(validating: decoded, as: UTF8.self)
                    }
                    if decoded.isEmpty { decoded.reserveCapacity(2 * (special - runStart) + 64) }
                    decoded.append(contentsOf: buffer[runStart..<special])
                    index = special + 1
                    guard unescape(into: &decoded) else { return nil }
                    runStart = index
                }
            }
        }

        /// The escape after a backslash at `index - 1`, appended to `decoded` as UTF-8.
        private mutating func unescape(into decoded: inout [UInt8]) -> Bool {
            guard index < bytes.count else { return false }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return false }
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half must follow.
                    guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return false }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return false }
                UTF8.encode(unicode) { decoded.append($0) }
            default:
                return false
            }
            return true
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<(index + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
    }
}
