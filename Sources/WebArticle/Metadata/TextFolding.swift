/// Whitespace folded as a browser shows it: runs of spaces, tabs, line breaks and
/// no-break spaces become one space, none at either end.
enum TextFolding {
    static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" {
                space = !out.isEmpty
            } else {
                if space { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How many words `text` has, counted fast for weighing lengths: runs of ASCII letters
    /// and digits, any other non-ASCII character counting as a letter.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for b in text.utf8 {
            let letter = b >= 0x80 || ASCII.isLetter(b) || (b >= 0x30 && b <= 0x39)
            if letter && !inWord { count += 1 }
            inWord = letter
        }
        return count
    }

    /// Lowercased words (letters and digits), for comparing titles and names.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
}
