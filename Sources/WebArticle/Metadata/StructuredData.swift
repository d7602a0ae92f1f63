import Foundation

/// The schema.org objects of a page's JSON-LD (`<script type="application/ld+json">`),
/// flattened: arrays and `@graph` lists unrolled, so the article object is found wherever
/// the publisher nested it.
struct StructuredData {
    private(set) var objects: [[String: Any]] = []

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
        "scholarlyarticle", "techarticle", "report", "webpage", "itempage", "creativework", "medicalwebpage",
    ]

    init(_ document: HTMLDocument) {
        for script in document.elements(.script) {
            guard let type = document.attribute("type", of: script), type.lowercased().contains("ld+json") else { continue }
            var bytes = Array(document.textContent(script).utf8)
            // Some pages wrap the JSON in a CDATA section or a comment.
            if let open = bytes.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) { bytes.removeSubrange(..<open) }
            bytes = Self.escapingControlCharacters(bytes)
            guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { continue }
            collect(value, depth: 0)
        }
    }

    /// Raw line breaks and tabs inside JSON strings are common in pages and make strict
    /// JSON fail: inside strings a line break becomes `\n` and other control bytes a space.
    static func escapingControlCharacters(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var inString = false, escaped = false
        for b in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                } else if b < 0x20 {
                    if b == 0x0A { out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")]) } else if b != 0x0D { out.append(0x20) }
                    continue
                }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            }
            out.append(b)
        }
        return out
    }

    private mutating func collect(_ value: Any, depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph, depth: depth + 1) }
            if let main = object["mainEntity"] as? [String: Any] { collect(main, depth: depth + 1) }
        }
    }

    /// The article object: the first whose `@type` is an article type, the news types first.
    var article: [String: Any]? {
        func rank(_ object: [String: Any]) -> Int? {
            let types = Self.types(of: object)
            if types.contains(where: { $0.hasSuffix("newsarticle") || $0 == "article" || $0 == "blogposting" || $0 == "liveblogposting" }) { return 0 }
            if types.contains(where: Self.articleTypes.contains) { return types.contains("webpage") ? 2 : 1 }
            return nil
        }
        var best: (Int, [String: Any])?
        for object in objects {
            // Any other object that has a headline or a publication date (a recipe, a review).
            guard let r = rank(object) ?? (object["headline"] != nil || object["datePublished"] != nil ? 3 : nil) else { continue }
            if best == nil || r < best!.0 { best = (r, object) }
        }
        return best?.1
    }

    /// The object's `@type`, lowercased (a string or a list of them).
    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// A text value: a string, or the `name`/`@value`/`text` of an object, or the first of a list.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            // Publishers put HTML's character references in JSON strings too ("D&amp;D").
            let decoded = string.contains("&") ? CharacterReferences.decodeAll(string) : string
            let trimmed = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let object as [String: Any]:
            return text(object["name"]) ?? text(object["@value"]) ?? text(object["text"])
        case let array as [Any]:
            return array.lazy.compactMap { text($0) }.first
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }

    /// Every text value of a list (or the one value).
    static func texts(_ value: Any?) -> [String] {
        if let array = value as? [Any] { return array.compactMap { text($0) } }
        return text(value).map { [$0] } ?? []
    }

    /// The names of the people among a value's authors (organisations are publishers, not bylines).
    static func personNames(_ value: Any?) -> [String] {
        let items: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        var names: [String] = []
        for item in items {
            if let object = item as? [String: Any] {
                if types(of: object).contains("organization") || types(of: object).contains("newsmediaorganization") { continue }
                if let name = text(object["name"]) { names.append(name) }
            } else if let name = item as? String {
                names.append(name)
            }
        }
        return names
    }

    /// An image URL: a string, an `ImageObject`'s `url`, or the first of a list.
    static func imageURL(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string.isEmpty ? nil : string
        case let object as [String: Any]: return imageURL(object["url"]) ?? imageURL(object["contentUrl"])
        case let array as [Any]: return array.lazy.compactMap { imageURL($0) }.first
        default: return nil
        }
    }

    /// `isAccessibleForFree` read as a Boolean (publishers write true, "True", "false"...).
    static func bool(_ value: Any?) -> Bool? {
        switch value {
        case let b as Bool: return b
        case let s as String: return ["true", "yes", "1"].contains(s.lowercased()) ? true : ["false", "no", "0"].contains(s.lowercased()) ? false : nil
        default: return nil
        }
    }
}
