/// Escaping for text and attribute values, the only two places the report puts data.
///
/// Control characters other than tab, newline and carriage return become U+FFFD: HTML has no
/// escape for them (`&#1;` is a parse error too), and an article may carry any of them.
enum HTML {
    /// `text` safe between tags.
    static func text(_ text: some StringProtocol) -> String {
        escape(text, quotes: false)
    }

    /// `text` safe inside a double- or single-quoted attribute value.
    static func attribute(_ text: some StringProtocol) -> String {
        escape(text, quotes: true)
    }

    /// Appends escaped scalars to `output`; the highlighter calls this on code point slices.
    static func append(_ scalars: some Sequence<Unicode.Scalar>, quotes: Bool = false, to output: inout String) {
        for scalar in scalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    private static func escape(_ text: some StringProtocol, quotes: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        append(text.unicodeScalars, quotes: quotes, to: &output)
        return output
    }
}
