import JSONOutput

/// A fast reader for the common shape of an article line: one JSON object whose values are
/// strings, numbers, booleans or null. Anything else (nested values, odd syntax) returns `nil`
/// and the caller falls back to `JSONSerialization`, which also words the error.
///
/// Reading thousands of 3 KB lines a second through `JSONSerialization` was the ventilator's
/// largest cost; this reads the bytes once and copies each string once: about 5× the lines per
/// second of `JSONSerialization` into the same articles (5.3× and 4.9× in two runs of
/// `copydesk bench input ../shared/eval/bench_articles.jsonl`, release build, the 2-core AMD
/// EPYC VM: 83,806 against 15,840 lines/s, 426 against 80 MB/s, in the first).
struct FlatJSONObject {
    enum Value: Equatable {
        /// A string's bytes, unescaped but not yet checked to be UTF-8: an article's body is
        /// checked once, by the worker that decodes it, and the short fields by the caller.
        case string([UInt8])
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
            case UInt8(ascii: "\""): return stringBytes().map(Value.string)
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
            stringBytes().flatMap { String(validating: $0, as: UTF8.self) }
        }

        /// A string literal at `index`, unescaped but not checked to be UTF-8; `nil` for bad
        /// escapes or control characters.
        mutating func stringBytes() -> [UInt8]? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            return bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
                guard let base = buffer.baseAddress else { return nil }
                let start = index
                var special = JSONText.firstSpecialByte(in: buffer, from: start)
                // The common case: no escapes, so the bytes are the string.
                if special < buffer.count, buffer[special] == UInt8(ascii: "\"") {
                    index = special + 1
                    return Array(buffer[start..<special])
                }
                // Unescaped text is never longer than its escaped form: the rest of the line bounds it.
                let decoded = UnsafeMutablePointer<UInt8>.allocate(capacity: buffer.count - start)
                defer { decoded.deallocate() }
                var count = 0
                var runStart = start
                while true {
                    (decoded + count).update(from: base + runStart, count: special - runStart)
                    count += special - runStart
                    guard special < buffer.count else { return nil }
                    switch buffer[special] {
                    case UInt8(ascii: "\""):
                        index = special + 1
                        return Array(UnsafeBufferPointer(start: decoded, count: count))
                    case UInt8(ascii: "\\"):
                        index = special + 1
                        guard let written = unescape(buffer, into: decoded + count) else { return nil }
                        count += written
                    default:
                        return nil  // A raw control character.
                    }
                    runStart = index
                    special = JSONText.firstSpecialByte(in: buffer, from: runStart)
                }
            }
        }

        /// The escape after a backslash, read from `index` and written to `output` as UTF-8;
        /// returns the bytes written (at most 4, never more than the escape's length).
        private mutating func unescape(_ buffer: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int? {
            guard index < buffer.count else { return nil }
            let escape = buffer[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output[0] = escape
            case UInt8(ascii: "n"): output[0] = 0x0A
            case UInt8(ascii: "t"): output[0] = 0x09
            case UInt8(ascii: "r"): output[0] = 0x0D
            case UInt8(ascii: "b"): output[0] = 0x08
            case UInt8(ascii: "f"): output[0] = 0x0C
            case UInt8(ascii: "u"):
                guard var scalar = hex4(buffer) else { return nil }
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half must follow.
                    guard index + 2 <= buffer.count, buffer[index] == UInt8(ascii: "\\"), buffer[index + 1] == UInt8(ascii: "u") else { return nil }
                    index += 2
                    guard let low = hex4(buffer), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                var written = 0
                UTF8.encode(unicode) { byte in
                    output[written] = byte
                    written += 1
                }
                return written
            default:
                return nil
            }
            return 1
        }

        private mutating func hex4(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt32? {
            guard index + 4 <= buffer.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = buffer[index + offset]
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
