import Foundation

/// A basic HTML-to-text pass so HTML articles can be analysed: drops scripts, styles and
/// tags, turns block tags into line breaks and decodes the common entities. Spans in an HTML
/// article's report index this extracted text.
enum HTMLText {
    static func extract(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var scalars = Array(html.unicodeScalars)[...]
        let blockTags: Set<String> = ["p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figcaption", "section", "article", "header", "footer"]
        while let scalar = scalars.first {
            if scalar == "<" {
                guard let close = scalars.firstIndex(of: ">") else { break }
                let tag = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                scalars = scalars[scalars.index(after: close)...]
                if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    // Skip to the matching end tag.
                    let text = String(String.UnicodeScalarView(scalars))
                    if let end = text.range(of: "</\(name)", options: .caseInsensitive) {
                        let skipped = text[..<end.lowerBound].unicodeScalars.count
                        scalars = scalars.dropFirst(skipped)
                    } else {
                        scalars = scalars.suffix(0)
                    }
                } else if blockTags.contains(name), !output.hasSuffix("\n") {
                    output.append("\n")
                }
            } else if scalar == "&", let semicolon = scalars.prefix(10).firstIndex(of: ";") {
                let entity = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<semicolon]))
                if let decoded = decode(entity) {
                    output.unicodeScalars.append(decoded)
                    scalars = scalars[scalars.index(after: semicolon)...]
                } else {
                    output.unicodeScalars.append(scalar)
                    scalars = scalars.dropFirst()
                }
            } else {
                output.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return output
    }

    private static func decode(_ entity: String) -> Unicode.Scalar? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        case "rsquo": return "\u{2019}"
        case "lsquo": return "\u{2018}"
        case "ldquo": return "\u{201C}"
        case "rdquo": return "\u{201D}"
        default:
            if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16) { return Unicode.Scalar(value) }
            if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()) { return Unicode.Scalar(value) }
            return nil
        }
    }
}
