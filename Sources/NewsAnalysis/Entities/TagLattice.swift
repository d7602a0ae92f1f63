/// The label paths the entity tagger may choose between in one line, and the Viterbi search
/// for the best of them. Only well-formed paths exist, so the tagger cannot cut one name into
/// pieces of different kinds:
/// - an inside label continues a name of its own kind;
/// - a name never begins right after another name (the two would touch) unless a punctuation
///   mark stands between them;
/// - a quiet token (a lowercase word, a number, a punctuation mark, or a capitalised function
///   word before a lowercase word: "The cat") begins no name, and continues one for at most
///   ``longestQuietRun`` tokens ("Bank of the United States"); of lowercase words only
///   function words and particles of three letters or fewer do ("de", "von"), and only a
///   number ends a name this way ("Apollo 11"), so a quiet token continues one only when a
///   capitalised word or a number follows within the run;
/// - on a line of figures (a results table, a scorecard: see ``isTable(_:_:)``) numbers and
///   single letters (column heads such as "W") are outside, so names keep no figures.
///
/// Which labels a token may take depends on the tokens alone, so training sees the same lattice
/// as tagging, and the many tokens that can only be outside are never scored.
struct TagLattice {
    static let longestQuietRun = 3
    /// Masks: outside alone; outside or inside a name (a quiet token); any label.
    static let outsideOnly: UInt8 = 1 << 0
    static let quiet: UInt8 = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 6
    static let every: UInt8 = 0x7F

    /// Labels each token of the current range may take, as bit sets over raw values.
    private(set) var masks: [UInt8] = []
    private var delta: [Float] = []
    private var back: [UInt8] = []

    /// Builds the masks of `range`'s tokens (index 0 is the range's first token).
    mutating func prepare(_ doc: Document, _ range: Range<Int>) {
        masks.removeAll(keepingCapacity: true)
        var run = Self.longestQuietRun
        var table = false
        for i in range {
            let tok = doc.tokens[i]
            if i == range.lowerBound || tok.has(.lineStart) {
                var end = i + 1
                while end < range.upperBound, !doc.tokens[end].has(.lineStart) { end += 1 }
                table = Self.isTable(doc, i..<end)
            }
            if table, tok.kind == .number || (tok.kind == .word && tok.length == 1) {
                masks.append(Self.outsideOnly)
                run = Self.longestQuietRun
                continue
            }
            // A capitalised function word before a lowercase one ("The cat", "He said") opens no name.
            let opener = tok.kind == .word && !tok.has(.allCaps) && doc.lex[i].contains(.stopword)
                && i + 1 < range.upperBound && doc.tokens[i + 1].kind == .word && doc.tokens[i + 1].has(.lowercase)
            let quietToken = tok.kind != .word || tok.has(.lowercase) || opener
            let joins = tok.kind != .word || tok.length <= 3 || doc.lex[i].contains(.stopword)
            if !quietToken {
                masks.append(Self.every)
                run = 0
            } else if run < Self.longestQuietRun, joins {
                masks.append(Self.quiet)
                run += 1
            } else {
                masks.append(Self.outsideOnly)
                run = Self.longestQuietRun
            }
        }
        var ahead = false
        for k in stride(from: masks.count - 1, through: 0, by: -1) {
            switch masks[k] {
            case Self.every: ahead = true
            case Self.quiet:
                if doc.tokens[range.lowerBound + k].kind == .number { ahead = true } else if !ahead { masks[k] = Self.outsideOnly }
            default: ahead = false
            }
        }
    }

    /// Whether the tokens of one line are mostly figures: at least two numbers, and a third or
    /// more of its words and numbers ("Leeds 2 Porto 1", "Harris 10-0-42-5").
    static func isTable(_ doc: Document, _ line: Range<Int>) -> Bool {
        var numbers = 0, words = 0
        for k in line {
            switch doc.tokens[k].kind {
            case .number: numbers += 1
            case .word: words += 1
            case .punctuation: break
            }
        }
        return numbers >= 2 && numbers * 3 >= numbers + words
    }

    /// For each previous label, the labels that may follow it (bit sets): inside labels only
    /// continue their own kind, and a name begins right after another only across punctuation.
    private static let follows: (touching: [UInt8], apart: [UInt8]) = {
        var touching = [UInt8](repeating: 0, count: EntityLabel.count), apart = touching
        for p in EntityLabel.allCases {
            for c in EntityLabel.allCases where c.canFollow(p) {
                apart[p.rawValue] |= 1 << c.rawValue
                if !(c.isBegin && p != .outside) { touching[p.rawValue] |= 1 << c.rawValue }
            }
        }
        return (touching, apart)
    }()

    /// The best path through `range` (after ``prepare(_:_:)``) under `scorer`, into
    /// `labels[range]`.
    mutating func decode(_ doc: Document, _ range: Range<Int>, _ scorer: inout TaggerModel.Scorer, into labels: inout [EntityLabel]) {
        let n = range.count
        guard n > 0 else { return }
        let width = EntityLabel.stride
        let count = EntityLabel.count
        let minusInfinity = -Float.greatestFiniteMagnitude
        if delta.count < n * width {
            delta = [Float](repeating: 0, count: n * width)
            back = [UInt8](repeating: 0, count: n * width)
        }
        let masks = self.masks
        delta.withUnsafeMutableBufferPointer { delta in
            back.withUnsafeMutableBufferPointer { back in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * width) { scratch in
                    let base = scratch.baseAddress!, pair = base + width
                    for k in 0..<n {
                        let i = range.lowerBound + k
                        let row = k * width, before = row - width
                        for c in 0..<width { delta[row + c] = minusInfinity }
                        let mask = masks[k]
                        if mask == Self.outsideOnly {
                            // Unscored: outside after the best of whatever came before.
                            var best = 0
                            var bestScore: Float = k == 0 ? 0 : delta[before]
                            if k > 0 {
                                for p in 1..<count where delta[before + p] > bestScore {
                                    best = p
                                    bestScore = delta[before + p]
                                }
                            }
                            delta[row] = bestScore
                            back[row] = UInt8(best)
                            continue
                        }
                        for c in 0..<width { base[c] = 0 }
                        scorer.scoreToken(i, into: base)
                        let follows = k > 0 && doc.tokens[i - 1].kind == .punctuation ? Self.follows.apart : Self.follows.touching
                        for p in 0..<(k == 0 ? 1 : count) {
                            let score: Float = k == 0 ? 0 : delta[before + p]
                            guard score > minusInfinity else { continue }
                            let allowed = mask & follows[p]
                            guard allowed != 0 else { continue }
                            for c in 0..<width { pair[c] = 0 }
                            scorer.scorePair(i, previous: EntityLabel(rawValue: p)!, into: pair)
                            for c in 0..<count where allowed & (1 << c) != 0 {
                                let total = score + base[c] + pair[c]
                                if total > delta[row + c] {
                                    delta[row + c] = total
                                    back[row + c] = UInt8(p)
                                }
                            }
                        }
                    }
                }
            }
        }
        var best = 0
        let last = (n - 1) * width
        for c in 1..<count where delta[last + c] > delta[last + best] { best = c }
        for k in stride(from: n - 1, through: 0, by: -1) {
            labels[range.lowerBound + k] = EntityLabel(rawValue: best)!
            best = Int(back[k * width + best])
        }
    }
}
