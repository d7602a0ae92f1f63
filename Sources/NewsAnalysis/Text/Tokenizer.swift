/// Splits code points into tokens in one linear pass. Keeps together what a reader keeps
/// together: "U.S.", "Mr.", initials, decimals and thousands ("224.88", "20,000"), hyphenated
/// words ("S-300"), inner apostrophes ("O'Brien"); splits off the possessive "'s".
struct Tokenizer {
    /// Lowercase hashes of words whose trailing period is part of them ("mr", "gen", "jan").
    let abbreviations: Set<UInt64>

    func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5 + 4)
        let n = s.count
        var i = 0
        var sawSpace = true
        var lineStart = true
        while i < n {
            let c = s[i]
            let v = c.value
            if v == 10 || v == 13 || v == 0x2028 || v == 0x2029 {
                lineStart = true
                sawSpace = true
                i += 1
                continue
            }
            if Self.isSpace(c) {
                sawSpace = true
                i += 1
                continue
            }
            var token: Token
            if Self.isWordScalar(c) {
                token = word(s, from: i)
            } else if (v == 39 || v == 0x2019), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
                      i + 2 >= n || !Self.isWordScalar(s[i + 2]), let last = tokens.last, last.kind != .punctuation {
                // The possessive "'s" (also "Howe 's", as tokenised corpora write it).
                token = Token(start: Int32(i), end: Int32(i + 2), kind: .word, flags: [.possessive, .lowercase],
                              lower: Self.possessiveHash, shape: 99, first: v)
            } else {
                // Punctuation: a run of the same mark is one token ("...", "--").
                var j = i + 1
                while j < n, s[j] == c, j - i < 64 { j += 1 }
                var flags: Token.Flags = []
                if Self.isQuote(v) { flags.insert(.quote) }
                token = Token(start: Int32(i), end: Int32(j), kind: .punctuation, flags: flags,
                              lower: FNV.mix(FNV.offset, v), shape: Self.shapePunct(v), first: v)
            }
            if sawSpace { token.flags.insert(.spaceBefore) }
            if lineStart { token.flags.insert(.lineStart) }
            sawSpace = false
            lineStart = false
            i = Int(token.end)
            tokens.append(token)
        }
        return tokens
    }

    /// Reads the word or number that starts at `start`.
    private func word(_ s: [Unicode.Scalar], from start: Int) -> Token {
        s.withUnsafeBufferPointer { s in word(s, from: start) }
    }

    private func word(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Token {
        let n = s.count
        var i = start
        var hash = FNV.offset
        var upper = 0, lowerCount = 0, digits = 0
        var shape: UInt32 = 0, lastClass: UInt32 = 0, shapeLen = 0
        var flags: Token.Flags = []
        var firstUpper = false
        while i < n {
            let c = s[i]
            let v = c.value
            var accept = Self.isWordScalar(c)
            if !accept, i + 1 < n, i > start {
                let next = s[i + 1]
                let prev = s[i - 1]
                if (v == 46 || v == 44), Self.isDigit(prev), Self.isDigit(next) {
                    // Decimal point and thousands separator between digits.
                    accept = true
                } else if (v == 45 || v == 0x2010 || v == 0x2011 || (v == 38 && upper > 0)), Self.isWordScalar(next), Self.isWordScalar(prev) {
                    // Hyphen or ampersand inside a word: "S-300", "AT&T".
                    accept = true
                } else if v == 39 || v == 0x2019 {
                    // Apostrophes: the possessive "'s" is split off later; keep "O'Brien" and "don't".
                    if (next == "s" || next == "S"), i + 2 >= n || !Self.isWordScalar(s[i + 2]) { break }
                    accept = Self.isLetter(next) && Self.isLetter(prev)
                } else if v == 46, Self.isLetter(next), upper + lowerCount > 0, i - start <= 1 || s[i - 2] == "." {
                    // Letter-period-letter: "U.S", "a.m" (the final period is handled below).
                    accept = i + 2 >= n || !Self.isLetter(s[i + 2])
                }
            }
            guard accept else { break }
            hash = FNV.mix(hash, Lowercase.fold(v))
            let k: UInt32
            let raw = c.value
            if raw < 0x80 {
                if raw >= 65 && raw <= 90 { k = 1; upper += 1 }
                else if raw >= 97 && raw <= 122 { k = 2; lowerCount += 1 }
                else if raw >= 48 && raw <= 57 { k = 3; digits += 1 }
                else { k = 4 }
            } else if raw < 0x250 {
                // Latin-1 and Latin Extended-A/B: uppercase is 0xC0-0xDE, then even code points.
                let isUpper = raw < 0x100 ? (raw >= 0xC0 && raw <= 0xDE && raw != 0xD7)
                    : (raw < 0x130 || (raw >= 0x14A && raw < 0x178)) ? raw & 1 == 0 : c.properties.isUppercase
                if isUpper { k = 1; upper += 1 } else if raw >= 0xC0 { k = 2; lowerCount += 1 } else { k = 4 }
            } else {
                let p = c.properties
                if p.isUppercase { k = 1; upper += 1 }
                else if p.isAlphabetic { k = 2; lowerCount += 1 }
                else if p.numericType != nil { k = 3; digits += 1 }
                else { k = 4 }
            }
            if i == start { firstUpper = k == 1 }
            if k != lastClass, shapeLen < 6 {
                shape = shape &* 5 &+ k
                shapeLen += 1
                lastClass = k
            }
            i += 1
        }
        let letters = upper + lowerCount
        var end = i
        var isInitial = false
        // A trailing period joins acronyms ("U.S."), initials ("H.") and known abbreviations ("Mr.").
        if end < n, s[end] == ".", digits == 0 {
            let dotted = end - start >= 3 && s[end - 2] == "."
            let single = letters == 1 && end - start == 1 && upper == 1
            if dotted || single || abbreviations.contains(hash) {
                hash = FNV.mix(hash, 46)
                if single { isInitial = true }
                end += 1
                flags.insert(.endsWithPeriod)
                shape = shape &* 5 &+ 4
            }
        }
        if letters > 0 {
            if firstUpper { flags.insert(.capitalized) }
            if upper >= 2 && lowerCount == 0 { flags.insert(.allCaps) }
            if upper == 0 && lowerCount > 0 { flags.insert(.lowercase) }
        }
        if digits > 0 { flags.insert(.hasDigit) }
        if isInitial { flags.insert(.initial) }
        let kind: Token.Kind = letters == 0 && digits > 0 ? .number : .word
        return Token(start: Int32(start), end: Int32(end), kind: kind, flags: flags, lower: hash,
                     shape: shape &+ 100, first: s[start].value)
    }

    static let possessiveHash = FNV.lowercased("'s")

    /// White space, control and invisible format characters (exact, without a property lookup).
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v <= 32 || v == 127 }
        if v <= 0xA0 { return true }
        if v < 0x1680 { return false }
        switch v {
        case 0x1680, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x2064, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
        if v < 0x250 { return v >= 0xC0 ? v != 0xD7 && v != 0xF7 : v == 0xAA || v == 0xB5 || v == 0xBA }
        if v >= 0x2000 && v < 0x2C00 { return false }
        let p = c.properties
        return p.isAlphabetic || p.numericType == .decimal || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) }
        if v < 0x250 { return v >= 0xC0 ? v != 0xD7 && v != 0xF7 : v == 0xAA || v == 0xB5 || v == 0xBA }
        if v >= 0x2000 && v < 0x2C00 { return false }
        return c.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    @inline(__always) static func isQuote(_ v: UInt32) -> Bool {
        v == 34 || v == 0x201C || v == 0x201D || v == 0x201E || v == 0xAB || v == 0xBB || v == 0x2018 || v == 0x2019 || v == 39
    }

    static func shapePunct(_ v: UInt32) -> UInt32 { v < 0x80 ? v : 90 }
}
