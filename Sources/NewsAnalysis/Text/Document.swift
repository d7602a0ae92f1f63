/// The article as every pass sees it: its code points, one tokenisation, its lines, the roles
/// the structure pass gave them and the body's sentences. Passes read it and add to it; none
/// tokenises again (part 2's passes take the same `Document`).
struct Document {
    /// One non-empty line of the text.
    struct Line {
        /// Code points, trimmed of surrounding space.
        var start: Int
        var end: Int
        var tokens: Range<Int>
        /// Hash of the line's tokens, to spot repeated lines.
        var key: UInt64
        var words: Int
    }

    enum LineRole: UInt8 { case body, headline, subheadline, caption, credit, repeatedCaption, repeatedLine, byline, dateLine }

    let scalars: [Unicode.Scalar]
    var tokens: [Token]
    /// Lexicon flags of each token (empty for punctuation).
    var lex: [LexFlags]
    /// Each token's entry in the lexicon's ``WordClasses`` (-1: none), found in the same lookup.
    let wordClass: [Int32]
    var lines: [Line]
    var roles: [LineRole]
    /// Body paragraphs as token ranges (a contributor note cut off the end).
    var paragraphs: [Range<Int>] = []
    /// Body sentences as token ranges, in text order.
    var sentences: [Range<Int>] = []
    /// Token ranges the entity pass reads: headline, dek, body paragraphs, captions and the date line.
    var entityScope: [Range<Int>] = []
    /// Names found by the structure pass in credits and contributor notes ("AP").
    var creditMentions: [Range<Int>] = []
    /// For each token, the index of the report entity it mentions, or -1.
    var entityAt: [Int32] = []
    /// The sex of each entity of the report, for resolving pronouns (``PronounResolver``).
    var entitySexes: [PronounResolver.Sex] = []
    /// A bare surname spelled unlike the person's it was taken for, with that person's full
    /// name as first written (found by the entity pass, reported by ``CopyEditPass``).
    var misspelledNames: [(name: Range<Int>, variant: Range<Int>)] = []
    /// Each token's word meaning (``Lexicon/meanings``), found in the same lookup; part 2 reads it.
    let meaning: MeaningView
    /// Part 2: tokens inside a date or time expression (amounts skip them).
    var inDate: [Bool] = []
    /// Part 2: words that can carry the subject (see `Document+Content.swift`), and their
    /// lowercase hashes without a plural "s".
    var content: [Bool] = []
    var stems: [UInt64] = []

    init(scalars: [Unicode.Scalar], lexicon: Lexicon) {
        self.scalars = scalars
        let tokens = lexicon.tokenizer.tokenize(scalars)
        var lex = [LexFlags](repeating: [], count: tokens.count)
        var wordClass = [Int32](repeating: -1, count: tokens.count)
        // A 4-byte index per token: a 10 MB article has two million tokens.
        var meaning = [UInt32](repeating: 0, count: tokens.count)
        for i in tokens.indices where tokens[i].kind != .punctuation {
            let w = lexicon.word(tokens[i].lower)
            meaning[i] = w.meaning
            // Meanings for numbers too, as part 2 always read them; flags and classes for words.
            guard tokens[i].kind == .word else { continue }
            lex[i] = w.flags
            wordClass[i] = w.wordClass
        }
        self.tokens = tokens
        self.lex = lex
        self.wordClass = wordClass
        self.meaning = MeaningView(entries: lexicon.meanings, ids: meaning)
        // Lines: a token that starts a line closes the one before.
        var lines: [Line] = []
        var first = 0
        var key = FNV.offset
        var words = 0
        for i in tokens.indices {
            if tokens[i].has(.lineStart), i > first {
                lines.append(Line(start: Int(tokens[first].start), end: Int(tokens[i - 1].end), tokens: first..<i, key: key, words: words))
                first = i
                key = FNV.offset
                words = 0
            }
            key = FNV.combine(key, tokens[i].lower)
            if tokens[i].kind != .punctuation { words += 1 }
        }
        if first < tokens.count {
            lines.append(Line(start: Int(tokens[first].start), end: Int(tokens[tokens.count - 1].end), tokens: first..<tokens.count, key: key, words: words))
        }
        self.lines = lines
        self.roles = Array(repeating: .body, count: lines.count)
    }

    /// Splits line `n` before token `at` (a date line glued to the headline or the first
    /// paragraph): the second part is a line of its own, with the same role.
    mutating func splitLine(_ n: Int, at token: Int) {
        let line = lines[n]
        precondition(line.tokens.contains(token) && token > line.tokens.lowerBound)
        func part(_ r: Range<Int>) -> Line {
            var key = FNV.offset
            var words = 0
            for i in r {
                key = FNV.combine(key, tokens[i].lower)
                if tokens[i].kind != .punctuation { words += 1 }
            }
            return Line(start: Int(tokens[r.lowerBound].start), end: Int(tokens[r.upperBound - 1].end), tokens: r, key: key, words: words)
        }
        tokens[token].flags.insert(.lineStart)
        lines[n] = part(line.tokens.lowerBound..<token)
        lines.insert(part(token..<line.tokens.upperBound), at: n + 1)
        roles.insert(roles[n], at: n + 1)
    }

    /// The index of the line that holds token `token` (lines are in order: binary search).
    func line(containing token: Int) -> Int? {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].tokens.upperBound <= token { low = mid + 1 } else { high = mid }
        }
        return low < lines.count && lines[low].tokens.contains(token) ? low : nil
    }

    /// The exact text of code points `[start, end)`.
    func text(_ start: Int, _ end: Int) -> String {
        let a = max(0, start), b = min(end, scalars.count)
        guard a < b else { return "" }
        return scalars.withUnsafeBufferPointer { s in
            String(unsafeUninitializedCapacity: (b - a) * 4) { out in
                var o = 0
                for k in a..<b {
                    let v = s[k].value
                    if v < 0x80 {
                        out[o] = UInt8(v); o += 1
                    } else if v < 0x800 {
                        out[o] = UInt8(0xC0 | v >> 6); out[o + 1] = UInt8(0x80 | v & 0x3F); o += 2
                    } else if v < 0x10000 {
                        out[o] = UInt8(0xE0 | v >> 12); out[o + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                        out[o + 2] = UInt8(0x80 | v & 0x3F); o += 3
                    } else {
                        out[o] = UInt8(0xF0 | v >> 18); out[o + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                        out[o + 2] = UInt8(0x80 | (v >> 6) & 0x3F); out[o + 3] = UInt8(0x80 | v & 0x3F); o += 4
                    }
                }
                return o
            }
        }
    }

    /// The exact text from the first to the last of `tokens`.
    func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(Int(tokens[r.lowerBound].start), Int(tokens[r.upperBound - 1].end))
    }

    func located(tokens r: Range<Int>) -> LocatedText {
        LocatedText(text: text(tokens: r), start: Int(tokens[r.lowerBound].start), end: Int(tokens[r.upperBound - 1].end))
    }

    func span(tokens r: Range<Int>) -> Span {
        Span(start: Int(tokens[r.lowerBound].start), end: Int(tokens[r.upperBound - 1].end))
    }

    @inline(__always) func isWord(_ i: Int, _ w: UInt64) -> Bool { i >= 0 && i < tokens.count && tokens[i].lower == w }

    @inline(__always) func isPunct(_ i: Int, _ v: UInt32) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].first == v
    }

    /// The tokens of the entity mention that token `k` is in, no further than `bounds`: the run
    /// of tokens around `k` that ``entityAt`` gives the same entity.
    func mention(at k: Int, within bounds: Range<Int>) -> Range<Int> {
        let e = entityAt[k]
        var a = k, b = k + 1
        while a > bounds.lowerBound, entityAt[a - 1] == e { a -= 1 }
        while b < bounds.upperBound, entityAt[b] == e { b += 1 }
        return a..<b
    }
}
