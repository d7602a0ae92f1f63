/// Turns a token in context into hashed features for the entity tagger: the word, its shape
/// and suffix, its neighbours, the lexicon's and the gazetteer's view of it and, apart, the
/// few that pair these with the label before it. Features are 64-bit hashes; no strings are
/// built.
struct FeatureExtractor {
    /// Per-document facts the features use; built once per document.
    struct Context {
        /// Gazetteer phrase matches: for each token, (position code, kind code) or 0.
        var phrase: [UInt16]
        /// Words seen written in lowercase in the document.
        var lowercaseSeen: WordBits
        /// For each token, the Brown cluster of the form it is written in (0: none), read
        /// case-blind on a line in capitals.
        var cluster: [UInt32]
        /// For each token, how much commoner the word is with a capital than without (low
        /// nibble) and how common it is at all (high nibble); see ``caseClass(_:)``.
        var caseClass: [UInt8]
        /// For each token, whether its line is written in capitals (a headline, a dateline).
        var shouted: [Bool]
    }

    /// A 64K-bit set of word hashes (false positives are rare and only blur a feature).
    struct WordBits {
        private var bits = [UInt64](repeating: 0, count: 1024)

        mutating func insert(_ word: UInt64) {
            let b = Int(word & 0xFFFF)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }

        func contains(_ word: UInt64) -> Bool {
            let b = Int(word & 0xFFFF)
            return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
        }
    }

    static let bos: UInt64 = 0x5151_5151
    static let eos: UInt64 = 0x7171_7171

    let lexicon: Lexicon

    func context(_ doc: Document) -> Context {
        var seen = WordBits()
        for t in doc.tokens where t.kind == .word && t.has(.lowercase) { seen.insert(t.lower) }
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
        var cluster = [UInt32](repeating: 0, count: t.count)
        var caseClass = [UInt8](repeating: 0, count: t.count)
        var shouted = [Bool](repeating: false, count: t.count)
        for line in doc.lines {
            var capitals = 0, lowercase = 0
            for k in line.tokens where t[k].kind == .word {
                if t[k].has(.allCaps) { capitals += 1 } else if t[k].has(.lowercase) { lowercase += 1 }
            }
            let shout = capitals >= 2 && lowercase == 0
            for k in line.tokens where t[k].kind == .word {
                shouted[k] = shout
                guard doc.wordClass[k] >= 0 else { caseClass[k] = 0x9F; continue }
                let e = lexicon.wordForms[Int(doc.wordClass[k])]
                let form: WordClasses.Form
                if t[k].has(.lowercase) { form = e.lower }
                else if t[k].has(.allCaps) {
                    let preferred = shout ? e.title : e.upper, other = shout ? e.upper : e.title
                    form = preferred.logProbability != WordClasses.unseen ? preferred : other
                } else { form = e.title }
                cluster[k] = form.cluster
                caseClass[k] = Self.caseClass(e)
            }
        }
        return Context(phrase: phrase, lowercaseSeen: seen, cluster: cluster, caseClass: caseClass, shouted: shouted)
    }

    /// A word's case and frequency in one byte: the low nibble buckets how much commoner it is
    /// with a capital than in lowercase (0: never capitalised ... 8: only capitalised; 9, and the
    /// whole byte 0x9F for a word not in the table: unknown), the high
    /// one its commonest form's log probability in steps of 2.
    static func caseClass(_ e: WordClasses.Entry) -> UInt8 {
        let unseen = WordClasses.unseen
        let t = e.title.logProbability, l = e.lower.logProbability
        let share: UInt8
        if t == unseen, l == unseen { share = 9 } else if l == unseen { share = 8 } else if t == unseen { share = 0 } else {
            let d = Int(t) - Int(l)
            share = d < -40 ? 1 : d < -15 ? 2 : d < 0 ? 3 : d < 15 ? 4 : d < 40 ? 5 : 6
        }
        let best = max(Int(t), Int(l), Int(e.upper.logProbability))
        let frequency = UInt8(min(9, max(0, -best / 20)))
        return frequency << 4 | share
    }

    @inline(__always) static func f(_ template: UInt64, _ value: UInt64) -> UInt64 {
        FNV.combine(template &* 0x9E37_79B9, value)
    }

    /// Writes the features of token `i` (in `range`) that do not depend on the label before it.
    func features(_ doc: Document, _ ctx: Context, _ range: Range<Int>, _ i: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let t = doc.tokens
        let tok = t[i]
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
        out.append(Self.f(10, sm1))
        out.append(Self.f(11, sp1))
        out.append(Self.f(15, FNV.combine(wm1, w0)))
        out.append(Self.f(16, FNV.combine(w0, wp1)))
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
        if ph != 0 { out.append(Self.f(23, UInt64(ph))) }
        if tok.has(.capitalized) {
            let seen = ctx.lowercaseSeen.contains(w0)
            let start = tok.has(.sentenceStart) || i == range.lowerBound
            out.append(Self.f(25, (seen ? 1 : 0) | (start ? 2 : 0) | (tok.has(.allCaps) ? 4 : 0)))
        }
        if i > range.lowerBound, doc.tokens[i - 1].has(.quote) { out.append(Self.f(26, 1)) }
        let c = ctx.cluster[i]
        if c != 0 {
            out.append(Self.f(31, UInt64(c & 0xFF)))
            out.append(Self.f(32, UInt64(c & 0xFFF)))
            out.append(Self.f(33, UInt64(c)))
        }
        @inline(__always) func neighbour(_ k: Int) -> UInt64 {
            k < range.lowerBound || k >= range.upperBound ? 0x1_0000 : UInt64(ctx.cluster[k] & 0xFF)
        }
        out.append(Self.f(34, neighbour(i - 1)))
        out.append(Self.f(35, neighbour(i + 1)))
        let start: UInt64 = tok.has(.sentenceStart) || i == range.lowerBound ? 0x100 : 0
        out.append(Self.f(36, UInt64(ctx.caseClass[i])))
        out.append(Self.f(37, UInt64(ctx.caseClass[i] & 0xF) | start))
        if ctx.shouted[i] { out.append(Self.f(38, 1)) }
    }

    /// Writes the features of token `i` that pair it with the label before it: the transition
    /// itself, and the transition with the token's shape and with its word cluster.
    func pairFeatures(_ doc: Document, _ ctx: Context, _ i: Int, previous: EntityLabel, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let p = UInt64(previous.rawValue)
        out.append(Self.f(13, p))
        out.append(Self.f(14, p &* 1_000_003 &+ UInt64(doc.tokens[i].shape)))
        out.append(Self.f(18, p &* 1_000_003 &+ UInt64(ctx.cluster[i] & 0xFF)))
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
}
