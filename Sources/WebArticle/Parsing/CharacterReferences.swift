/// Decodes HTML character references (`&amp;`, `&eacute`, `&#8217;`, `&#x1F600;`) the way
/// the HTML5 tokenizer does: the longest named reference that matches, the legacy names
/// without `;`, and numeric references with the spec's replacements (NUL, surrogates and
/// values past U+10FFFF become U+FFFD; 0x80–0x9F are read as windows-1252).
enum CharacterReferences {
    /// Name (with its `;` where HTML requires one) → UTF-8 of what it stands for.
    static let named: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        table.reserveCapacity(2_300)
        for line in namedTable.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            var bytes: [UInt8] = []
            for hex in parts[1].split(separator: " ") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                }
            }
            table[String(parts[0])] = bytes
        }
        return table
    }()

    /// `text` with its character references decoded, as in an HTML text node.
    static func decodeAll(_ text: String) -> String {
        var input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        input.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "&"), let next = decode(bytes, at: i, end: bytes.count, inAttribute: false, into: &output) {
                    i = next
                } else {
                    output.append(bytes[i])
                    i += 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The longest name in the table, semicolon included.
    static let longestName = 32

    /// The longest legacy name, one that may appear without its `;`.
    static let longestLegacyName = 6

    /// Decodes the reference that starts at `bytes[start]` (an `&`) and appends what it
    /// stands for to `output`; returns the index just past it, or `nil` (nothing appended)
    /// when no reference starts there, so the `&` is text.
    ///
    /// In an attribute value a legacy name followed by `=` or a letter or digit is not a
    /// reference (`?a=1&copy=2` keeps its `&copy`).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool, into output: inout [UInt8]) -> Int? {
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            return decodeNumeric(bytes, at: i + 1, end: end, into: &output)
        }
        // The run of letters and digits that could be a name.
        let nameStart = i
        while i < end, i - nameStart < longestName, isAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart...i]), as: UTF8.self)
            if let value = named[name] {
                output.append(contentsOf: value)
                return i + 1
            }
        }
        // The legacy names, longest first: "&notit;" is "¬it;".
        var length = min(i - nameStart, longestLegacyName)
        while length >= 2 {
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<(nameStart + length)]), as: UTF8.self)
            if let value = named[name] {
                let next = nameStart + length
                if inAttribute, next < end, bytes[next] == UInt8(ascii: "=") || isAlphanumeric(bytes[next]) { return nil }
                output.append(contentsOf: value)
                return next
            }
            length -= 1
        }
        return nil
    }

    /// `&#` has been read; decodes the digits at `start`.
    private static func decodeNumeric(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, into output: inout [UInt8]) -> Int? {
        var i = start
        var hex = false
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        var overflowed = false
        while i < end {
            let b = bytes[i]
            let digit: UInt32
            if b >= 0x30, b <= 0x39 {
                digit = UInt32(b - 0x30)
            } else if hex, b | 0x20 >= 0x61, b | 0x20 <= 0x66 {
                digit = UInt32(b | 0x20) - 0x61 + 10
            } else {
                break
            }
            if value > 0x10FFFF { overflowed = true } else { value = value * (hex ? 16 : 10) + digit }
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") { i += 1 }
        appendScalar(numericValue(overflowed ? 0x110000 : value), to: &output)
        return i
    }

    /// What a numeric reference's value stands for, with HTML5's replacements.
    static func numericValue(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F: return Windows1252.scalar(forHighByte: UInt8(value))
        default: return value
        }
    }

    /// Appends the UTF-8 of code point `value` (U+FFFD for a value that is not one).
    static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { output.append($0) }
    }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
}
