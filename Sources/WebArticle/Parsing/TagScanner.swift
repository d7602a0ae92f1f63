/// Reads the attributes of a tag the way the HTML5 tokenizer does: names end at space, `/`,
/// `>` or `=`; values are double-quoted, single-quoted (either may hold `>` and the other
/// quote) or unquoted up to space or `>`. Shared by the parser and the encoding prescan.
enum TagScanner {
    /// Where a tag ended.
    struct TagEnd {
        /// Index just past the tag's `>` (or the end of input).
        var next: Int
        /// The tag ended with `/>`.
        var selfClosing: Bool
        /// The input ended inside the tag: HTML drops such a tag.
        var truncated: Bool
    }

    /// Scans attributes from `start` (just past the tag name) to the tag's `>`, calling
    /// `visit(name, value)` with their byte ranges for each; an attribute without a value has an
    /// empty value range.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, visit: (Range<Int>, Range<Int>) -> Void) -> TagEnd {
        let end = bytes.count
        var i = start
        var selfClosing = false
        while i < end {
            let b = bytes[i]
            if ASCII.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: ">") { return TagEnd(next: i + 1, selfClosing: selfClosing, truncated: false) }
            if b == UInt8(ascii: "/") {
                selfClosing = i + 1 < end && bytes[i + 1] == UInt8(ascii: ">")
                i += 1
                continue
            }
            selfClosing = false
            // The name: the first character may be '=' (a parse error that keeps it).
            let nameStart = i
            i += 1
            while i < end {
                let c = bytes[i]
                if ASCII.isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                i += 1
            }
            let name = nameStart..<i
            while i < end, ASCII.isSpace(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: "=") else {
                visit(name, i..<i)
                continue
            }
            i += 1
            while i < end, ASCII.isSpace(bytes[i]) { i += 1 }
            guard i < end else { break }
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = i + 1
                guard let close = ASCII.firstIndex(of: quote, in: bytes, from: valueStart) else {
                    return TagEnd(next: end, selfClosing: false, truncated: true)
                }
                visit(name, valueStart..<close)
                i = close + 1
            } else {
                let valueStart = i
                while i < end, !ASCII.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                visit(name, valueStart..<i)
            }
        }
        return TagEnd(next: end, selfClosing: false, truncated: true)
    }

    /// The attributes of a tag as (lowercased name, raw value) strings; returns the index
    /// past the tag. For the encoding prescan, which needs a few attributes of a few tags.
    static func attributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, visit: (String, String) -> Void) -> Int {
        let tagEnd = scan(bytes, from: start) { name, value in
            let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self).lowercased()
            visit(lowered, String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self))
        }
        return tagEnd.next
    }
}
