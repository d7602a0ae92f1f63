/// Turns a page's bytes into UTF-8, finding the encoding as a browser does: a byte order
/// mark, then the encoding the transport declared (the HTTP `Content-Type` a crawler saw),
/// then `<meta charset>` or `<meta http-equiv="Content-Type">` near the top, then UTF-8 if
/// the bytes are valid UTF-8, and windows-1252 (the WHATWG fallback) otherwise. Bytes that
/// cannot be decoded become U+FFFD: a page is never refused for its encoding.
public enum PageDecoder {
    /// How the encoding was chosen.
    public enum Evidence: String, Sendable, Hashable {
        case byteOrderMark = "bom"
        case transport
        case meta
        case validUTF8 = "utf8-detected"
        case fallback
    }

    /// A page as UTF-8.
    public struct DecodedPage: Sendable {
        /// The page as UTF-8.
        public var utf8: [UInt8]
        /// The WHATWG name of the encoding it was read in ("utf-8", "windows-1252", "koi8-r", ...).
        public var encoding: String
        public var evidence: Evidence
        /// Bytes (or invalid sequences) that became U+FFFD.
        public var replaced: Int
    }

    /// How far into the page `<meta charset>` is looked for (browsers look at 1,024 bytes;
    /// pages in the wild put it later, behind long comments and scripts).
    static let prescanBytes = 16_384

    /// Decodes `bytes`; `transportCharset` is the charset a crawler saw in the HTTP header, if any.
    public static func decode(_ bytes: [UInt8], transportCharset: String? = nil) -> DecodedPage {
        if let (encoding, skip) = byteOrderMark(bytes) {
            return transcode(Array(bytes[skip...]), encoding: encoding, evidence: .byteOrderMark)
        }
        if let label = transportCharset, let encoding = Encodings.whatwgName(forLabel: label) {
            return transcode(bytes, encoding: encoding, evidence: .transport)
        }
        if let label = metaCharset(bytes), var encoding = Encodings.whatwgName(forLabel: label) {
            // A page that says UTF-16 in ASCII is not UTF-16 (WHATWG's rule).
            if encoding.hasPrefix("utf-16") { encoding = "utf-8" }
            return transcode(bytes, encoding: encoding, evidence: .meta)
        }
        if UTF8Validation.firstInvalidOffset(bytes) == nil {
            return DecodedPage(utf8: bytes, encoding: "utf-8", evidence: .validUTF8, replaced: 0)
        }
        return transcode(bytes, encoding: "windows-1252", evidence: .fallback)
    }

    static func transcode(_ bytes: [UInt8], encoding: String, evidence: Evidence) -> DecodedPage {
        switch encoding {
        case "utf-8":
            if UTF8Validation.firstInvalidOffset(bytes) == nil {
                return DecodedPage(utf8: bytes, encoding: encoding, evidence: evidence, replaced: 0)
            }
            let (text, replaced) = UTF8Validation.repaired(bytes)
            return DecodedPage(utf8: text, encoding: encoding, evidence: evidence, replaced: replaced)
        case "windows-1252":
            return DecodedPage(utf8: Windows1252.decode(bytes), encoding: encoding, evidence: evidence, replaced: 0)
        default:
            if let iconvName = Encodings.iconvName(forWHATWGName: encoding), let (text, replaced) = Iconv.toUTF8(bytes, from: iconvName) {
                return DecodedPage(utf8: text, encoding: encoding, evidence: evidence, replaced: replaced)
            }
            // An encoding the C library lacks: read as the fallback rather than refuse the page.
            return DecodedPage(utf8: Windows1252.decode(bytes), encoding: "windows-1252", evidence: .fallback, replaced: 0)
        }
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("utf-8", 3) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("utf-16be", 2) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("utf-16le", 2) }
        return nil
    }

    /// The charset label of the first `<meta charset>` or `<meta http-equiv=Content-Type
    /// content="...; charset=...">` in the page's first bytes, skipping comments.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let end = min(bytes.count, prescanBytes)
        return bytes.withUnsafeBufferPointer { page -> String? in
            let window = UnsafeBufferPointer(rebasing: page[..<end])
            var i = 0
            while i < end {
                guard window[i] == UInt8(ascii: "<") else { i += 1; continue }
                if ASCII.hasPrefix(window, at: i, "<!--") {
                    i = ASCII.find(window, "-->", from: i + 4).map { $0 + 3 } ?? end
                    continue
                }
                guard ASCII.hasPrefix(window, at: i, "<meta"), i + 5 < end, ASCII.isSpace(window[i + 5]) || window[i + 5] == UInt8(ascii: "/") else {
                    i += 1
                    continue
                }
                var attributes: [(String, String)] = []
                i = TagScanner.attributes(window, from: i + 5) { name, value in attributes.append((name, value)) }
                var httpEquivContentType = false, content: String?
                for (name, value) in attributes {
                    switch name {
                    case "charset": return value
                    case "http-equiv": httpEquivContentType = value.lowercased() == "content-type"
                    case "content": content = value
                    default: break
                    }
                }
                if httpEquivContentType, let content, let label = charset(inContentType: content) { return label }
            }
            return nil
        }
    }

    /// The `charset=` parameter of a Content-Type value.
    public static func charset(inContentType value: String) -> String? {
        let lower = Array(value.lowercased().utf8)
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= lower.count {
            guard lower[i..<(i + key.count)].elementsEqual(key) else { i += 1; continue }
            var k = i + key.count
            while k < lower.count, lower[k] == 0x20 { k += 1 }
            guard k < lower.count, lower[k] == UInt8(ascii: "=") else { i += 1; continue }
            k += 1
            while k < lower.count, lower[k] == 0x20 || lower[k] == UInt8(ascii: "\"") || lower[k] == UInt8(ascii: "'") { k += 1 }
            var e = k
            while e < lower.count, ![UInt8(ascii: ";"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x20].contains(lower[e]) { e += 1 }
            return e > k ? String(decoding: lower[k..<e], as: UTF8.self) : nil
        }
        return nil
    }
}
