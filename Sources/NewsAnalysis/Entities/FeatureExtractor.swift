/// Turns a token in context into hashed features for the entity tagger: the word, its shape
/// and suffix, its neighbours, the lexicon's and the gazetteer's view of it, and the label
/// before it. Features are 64-bit hashes; no strings are built.
struct FeatureExtractor {
    /// Per-document facts the features use; built once per document.
    struct Context {
        /// Gazetteer phrase matches: for each token, (position code, kind code) or 0.
        var phrase: [UInt16]
        /// A 64K-bit set of the lowercase forms seen written in lowercase in the document.
        var lowercaseSeen: [UInt64]
    }

    static let bos: UInt64 = 0x5151_5151
    static let eos: UInt64 = 0x7171_7171

    let lexicon: Lexicon

    func context(_ doc: Document) -> Context {
        var seen = [UInt64](repeating: 0, count: 1024)
        for t in doc.tokens where t.kind == .word && t.has(.lowercase) {
            let b = Int(t.lower & 0xFFFF)
            seen[b >> 6] |= 1 << UInt64(b & 63)
        }
        var phrase = [UInt16](repeating: 0, count: doc.tokens.count)
        let t = doc.tokens
        var i = 0
        while i < t.count {
            guard t[i].kind == .word, t[i].has(.capitalized) || t[i].kind == .number else { i += 1; continue }
            var h = FNV.offset
            var best: (Int, Lexicon.PhraseEntry)?
            var j = i
            while j < t.count, j - i < lexicon.maxPhrase {
                if j > i, t[j].has(.lineStart) { break }
                h = FNV.combine(h, t[j].lower)
                if let e = lexicon.phrases[h] { best = (j + 1 - i, e) }
                j += 1
            }
            if let (len, e) = best {
                let kind: UInt16 = e.place < 0 ? 5 : UInt16(lexicon.places[Int(e.place)].kind.rawValue) + 1
                let alias: UInt16 = e.isAlias ? 8 : 0
                for k in 0..<len {
                    let pos: UInt16 = len == 1 ? 1 : k == 0 ? 2 : k == len - 1 ? 3 : 4
                    phrase[i + k] = pos << 8 | kind | alias
                }
                i += len
            } else {
                i += 1
            }
        }
        return Context(phrase: phrase, lowercaseSeen: seen)
    }

    @inline(__always) static func f(_ template: UInt64, _ value: UInt64) -> UInt64 {
        FNV.combine(template &* 0x9E37_79B9, value)
    }

    /// Writes the features of token `i` (in `range`) after label `previous` into `out`.
    func features(_ doc: Document, _ ctx: Context, _ range: Range<Int>, _ i: Int, previous: EntityLabel, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let t = doc.tokens
        let tok = t[i]
        let p = UInt64(previous.rawValue)
        @inline(__always) func word(_ k: Int) -> UInt64 {
            k < range.lowerBound ? Self.bos : k >= range.upperBound ? Self.eos : t[k].lower
        }
        @inline(__always) func shape(_ k: Int) -> UInt64 {
            k < range.lowerBound ? 1 : k >= range.upperBound ? 2 : UInt64(t[k].shape)
        }
        let w0 = tok.lower, s0 = UInt64(tok.shape)
        let wm1 = word(i - 1), wp1 = word(i + 1)
        let sm1 = shape(i - 1), sp1 = shape(i + 1)
        out.append(Self.f(1, 0))
        out.append(Self.f(2, w0))
        out.append(Self.f(3, s0))
        out.append(Self.f(4, suffix(doc, i)))
        out.append(Self.f(6, wm1))
        out.append(Self.f(7, wp1))
        out.append(Self.f(8, word(i - 2)))
        out.append(Self.f(9, word(i + 2)))
        out.append(Self.f(10, sm1))
        out.append(Self.f(11, sp1))
        out.append(Self.f(12, (sm1 &* 1_000_003 &+ s0) &* 1_000_003 &+ sp1))
        out.append(Self.f(13, p))
        out.append(Self.f(14, p &* 1_000_003 &+ s0))
        out.append(Self.f(15, FNV.combine(wm1, w0)))
        out.append(Self.f(16, FNV.combine(w0, wp1)))
        out.append(Self.f(17, p &* 31 &+ UInt64(doc.lex[i].rawValue & 0x7F)))
        var bits = doc.lex[i].rawValue
        while bits != 0 {
            let b = UInt64(bits.trailingZeroBitCount)
            out.append(Self.f(20, b))
            bits &= bits - 1
        }
        if i > range.lowerBound {
            var bits = doc.lex[i - 1].rawValue
            while bits != 0 {
                let b = UInt64(bits.trailingZeroBitCount)
                out.append(Self.f(21, b))
                bits &= bits - 1
            }
        }
        if i + 1 < range.upperBound {
            var bits = doc.lex[i + 1].rawValue
            while bits != 0 {
                let b = UInt64(bits.trailingZeroBitCount)
                out.append(Self.f(22, b))
                bits &= bits - 1
            }
        }
        let ph = ctx.phrase[i]
        if ph != 0 {
            out.append(Self.f(23, UInt64(ph)))
            out.append(Self.f(24, UInt64(ph & 0xFF) &* 8 &+ p))
        }
        if tok.has(.capitalized) {
            let b = Int(w0 & 0xFFFF)
            let seen = ctx.lowercaseSeen[b >> 6] & (1 << UInt64(b & 63)) != 0
            let start = tok.has(.sentenceStart) || i == range.lowerBound
            out.append(Self.f(25, (seen ? 1 : 0) | (start ? 2 : 0) | (tok.has(.allCaps) ? 4 : 0)))
        }
        if i > range.lowerBound, doc.tokens[i - 1].has(.quote) { out.append(Self.f(26, 1)) }
    }

    /// Hash of the last three code points, lowercased.
    @inline(__always) private func suffix(_ doc: Document, _ i: Int) -> UInt64 {
        let tok = doc.tokens[i]
        var h = FNV.offset
        var k = max(Int(tok.start), Int(tok.end) - 3)
        while k < Int(tok.end) {
            h = FNV.mix(h, Lowercase.fold(doc.scalars[k].value))
            k += 1
        }
        return h
    }

    /// Tokens the tagger need not score: lowercase words, numbers and punctuation right after
    /// an outside label are outside.
    @inline(__always) static func isSkippable(_ tok: Token, previous: EntityLabel) -> Bool {
        guard previous == .outside else { return false }
        if tok.kind == .punctuation { return true }
        if tok.kind == .number { return true }
        return tok.has(.lowercase)
    }
}
