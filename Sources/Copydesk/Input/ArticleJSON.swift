import Foundation

/// Reads one article object, the shape of a JSONL input line and of an intake request:
/// `{"id", "text" | "html", "url", "title", "published", "charset", "meta"}`.
public enum ArticleJSON {
    /// The article in `bytes`, or why it is not one.
    ///
    /// - Parameters:
    ///   - source: Where the bytes came from, carried into the record.
    ///   - maximumBodyBytes: Articles with a longer text or html are refused.
    public static func parse(_ bytes: [UInt8], source: String, maximumBodyBytes: Int) -> Result<ArticleRecord, ArticleJSONError> {
        if let flat = FlatJSONObject(bytes) {
            var fields: [String: Any] = [:]
            for (key, value) in flat.members {
                switch value {
                case .string(let utf8) where bodyKeys.contains(key):
                    // The body stays bytes; the worker checks them as it decodes them.
                    fields[key] = utf8
                case .string(let utf8):
                    guard let text = String(validating: utf8, as: UTF8.self) else { return .failure(.notJSON) }
                    fields[key] = text
                case .number(let text): fields[key] = Int(text).map { NSNumber(value: $0) } ?? NSNumber(value: Double(text) ?? 0)
                case .bool(let flag): fields[key] = flag
                case .null: fields[key] = NSNull()
                }
            }
            return parse(fields, source: source, maximumBodyBytes: maximumBodyBytes)
        }
        return parseWithFoundation(bytes, source: source, maximumBodyBytes: maximumBodyBytes)
    }

    /// The same through `JSONSerialization` alone: the path for any line the fast reader
    /// declines, and the yardstick `copydesk bench input` measures that reader against.
    package static func parseWithFoundation(_ bytes: [UInt8], source: String, maximumBodyBytes: Int) -> Result<ArticleRecord, ArticleJSONError> {
        guard Self.nestingDepth(bytes) <= maximumDepth else { return .failure(.tooDeep(limit: maximumDepth)) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure(.notJSON)
        }
        guard let fields = object as? [String: Any] else { return .failure(.notAnObject) }
        return parse(fields, source: source, maximumBodyBytes: maximumBodyBytes)
    }

    /// The members that hold an article's body.
    private static let bodyKeys: Set<String> = ["text", "html"]

    /// Deepest nesting of objects and arrays accepted: an article needs two levels (itself and
    /// `meta`); this leaves room for rich `meta` and none for a parser-exhausting bomb.
    public static let maximumDepth = 32

    /// How deeply `bytes` nest `{` and `[` outside strings, stopping early once past the limit.
    static func nestingDepth(_ bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > maximumDepth { return deepest }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// The article in a parsed object's fields.
    private static func parse(_ fields: [String: Any], source: String, maximumBodyBytes: Int) -> Result<ArticleRecord, ArticleJSONError> {

        var id: String?
        switch fields["id"] {
        case nil, is NSNull: id = nil
        case is Bool: return .failure(.badField("id", "a string or a number"))
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        default: return .failure(.badField("id", "a string or a number"))
        }
        if let given = id {
            guard !given.isEmpty, given.utf8.count <= ArticleID.maximumLength else {
                return .failure(.badField("id", "1 to \(ArticleID.maximumLength) bytes"))
            }
        }

        /// A body read by ``FlatJSONObject`` is bytes already; one from `JSONSerialization` a String.
        func bytes(_ value: Any?) -> [UInt8]? {
            (value as? [UInt8]) ?? (value as? String).map { Array($0.utf8) }
        }
        let format: ArticleRecord.BodyFormat
        let bodyBytes: [UInt8]
        if let text = bytes(fields["text"]) {
            (format, bodyBytes) = (.text, text)
        } else if let html = bytes(fields["html"]) {
            (format, bodyBytes) = (.html, html)
        } else if fields["text"] != nil || fields["html"] != nil {
            return .failure(.badField(fields["text"] != nil ? "text" : "html", "a string"))
        } else {
            return .failure(.noBody)
        }
        guard bodyBytes.count <= maximumBodyBytes else {
            return .failure(.tooLarge(bytes: bodyBytes.count, limit: maximumBodyBytes))
        }

        var strings: [String: String] = [:]
        for key in ["url", "title", "published", "charset"] {
            switch fields[key] {
            case nil, is NSNull: continue
            case let value as String: strings[key] = value
            default: return .failure(.badField(key, "a string"))
            }
        }
        var meta: [UInt8] = []
        switch fields["meta"] {
        case nil, is NSNull: break
        case let object as [String: Any]:
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return .failure(.badField("meta", "a JSON object"))
            }
            meta = Array(data)
        default: return .failure(.badField("meta", "an object"))
        }

        let url = strings["url"] ?? ""
        var body = bodyBytes
        var charset = ""
        if format == .html {
            (body, charset) = pageBytes(html: bodyBytes, charset: strings["charset"] ?? "utf-8")
        }
        return .success(ArticleRecord(
            id: id ?? ArticleID.derive(url: url, body: bodyBytes),
            source: source,
            format: format,
            body: body,
            url: url,
            title: strings["title"] ?? "",
            published: strings["published"] ?? "",
            metaJSON: meta,
            charset: charset
        ))
    }

    /// What an `html` string with a `charset` stands for. A JSON string is text already, so
    /// the charset only matters when the string is the page's bytes read one per code point
    /// (the Latin-1 view a crawler gives when it did not decode the page: every code point
    /// below U+0100): those bytes, to be decoded with the charset. Any other string is the
    /// page's text, in UTF-8 whatever the charset (or the page's own `<meta charset>`) says.
    static func pageBytes(html utf8: [UInt8], charset: String) -> ([UInt8], String) {
        let label = charset.lowercased()
        guard !label.isEmpty, label != "utf-8", label != "utf8" else { return (utf8, "utf-8") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                bytes.append(b)
                i += 1
            } else if (b == 0xC2 || b == 0xC3), i + 1 < utf8.count, utf8[i + 1] & 0xC0 == 0x80 {
                bytes.append((b & 0x03) << 6 | (utf8[i + 1] & 0x3F))
                i += 2
            } else {
                return (utf8, "utf-8")  // a code point past U+00FF: this is text, not bytes
            }
        }
        return (bytes, charset)
    }
}

/// Why bytes are not an article object.
public enum ArticleJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    case notJSON
    case notAnObject
    case noBody
    case badField(String, String)
    case tooLarge(bytes: Int, limit: Int)
    case tooDeep(limit: Int)

    public var description: String {
        switch self {
        case .notJSON: "not valid JSON"
        case .notAnObject: "not a JSON object"
        case .noBody: "the article has neither \"text\" nor \"html\""
        case .badField(let name, let expected): "\"\(name)\" must be \(expected)"
        case .tooLarge(let bytes, let limit): "the article is \(bytes) bytes, over the limit of \(limit)"
        case .tooDeep(let limit): "JSON nested deeper than \(limit) levels"
        }
    }
}
