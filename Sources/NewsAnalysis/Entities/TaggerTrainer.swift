/// Trains a ``TaggerModel`` from gold entity spans with the averaged structured perceptron:
/// each line is decoded with the ``TagLattice`` the tagger uses, the weights move where the
/// best path leaves the gold one, and are averaged over every step (lazily, by timestamps).
struct TaggerTrainer {
    struct Sequence {
        var doc: Int
        var range: Range<Int>
    }

    let lexicon: Lexicon
    var docs: [Document] = []
    var contexts: [FeatureExtractor.Context] = []
    var gold: [[EntityLabel]] = []
    var sequences: [Sequence] = []

    init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Short lines also added in capitals, so the tagger learns headlines and datelines as the
    /// wire writes them: the first line and every `shoutingStride`-th, of at most
    /// `shoutingLength` tokens.
    static let shoutingStride = 6
    static let shoutingLength = 25

    /// Adds one document: every line is a sequence; gold spans label the tokens they overlap.
    /// Some lines are added a second time in capitals (see ``shoutingStride``).
    mutating func add(text: String, entities: [TrainingExample.Span]) {
        let scalars = Array(text.unicodeScalars)
        let plain = document(scalars, entities)
        var shouted = scalars
        var picked: [Int] = []
        for (n, line) in plain.doc.lines.enumerated() where line.tokens.count <= Self.shoutingLength
            && (n == 0 || n % Self.shoutingStride == Self.shoutingStride / 2) {
            picked.append(n)
            for k in line.start..<line.end {
                // Only where the capital is one code point, so that every offset stays.
                let upper = shouted[k].properties.uppercaseMapping.unicodeScalars
                if upper.count == 1 { shouted[k] = upper.first! }
            }
        }
        add(plain, lines: Array(plain.doc.lines.indices))
        let loud = document(shouted, entities)
        // Lines are found by breaks, which capitals do not move.
        add(loud, lines: picked.filter { $0 < loud.doc.lines.count })
    }

    private mutating func add(_ labelled: (doc: Document, labels: [EntityLabel]), lines: [Int]) {
        contexts.append(FeatureExtractor(lexicon: lexicon).context(labelled.doc))
        for n in lines { sequences.append(Sequence(doc: docs.count, range: labelled.doc.lines[n].tokens)) }
        docs.append(labelled.doc)
        gold.append(labelled.labels)
    }

    /// The document of `scalars` with its sentence starts, and the gold label of each token.
    private func document(_ scalars: [Unicode.Scalar], _ entities: [TrainingExample.Span]) -> (doc: Document, labels: [EntityLabel]) {
        var doc = Document(scalars: scalars, lexicon: lexicon)
        var sentences: [Range<Int>] = []
        for line in doc.lines { SentenceSplitter().split(doc, line.tokens, into: &sentences) }
        for s in sentences { doc.tokens[s.lowerBound].flags.insert(.sentenceStart) }
        var labels = [EntityLabel](repeating: .outside, count: doc.tokens.count)
        for e in entities.sorted(by: { $0.start < $1.start }) {
            var first = true
            for i in doc.tokens.indices where Int(doc.tokens[i].start) < e.end && Int(doc.tokens[i].end) > e.start {
                if first { labels[i] = EntityLabel.begin(e.kind); first = false } else {
                    labels[i] = EntityLabel(rawValue: EntityLabel.begin(e.kind).rawValue + 1)!
                }
            }
        }
        return (doc, labels)
    }

    func train(epochs: Int, seed: UInt64 = 42) -> TaggerModel {
        let width = EntityLabel.stride
        let size = TaggerModel.rows * width
        var w = [Float](repeating: 0, count: size)
        var total = [Double](repeating: 0, count: size)
        var stamp = [Int32](repeating: 0, count: size)
        var now: Int32 = 1
        let mask = UInt64(TaggerModel.rows - 1)
        let fx = FeatureExtractor(lexicon: lexicon)
        var buffer: [UInt64] = []
        buffer.reserveCapacity(64)
        var lattice = TagLattice()
        let truths = sequences.map { projectedGold($0, &lattice) }
        var predicted = docs.map { [EntityLabel](repeating: .outside, count: $0.tokens.count) }
        var order = Array(sequences.indices)
        var rng = seed
        func update(_ c: Int, _ delta: Float) {
            for f in buffer {
                let o = Int(f & mask) * width + c
                total[o] += Double(now - stamp[o]) * Double(w[o])
                stamp[o] = now
                w[o] += delta
            }
        }
        for _ in 0..<epochs {
            // Fisher-Yates with a fixed xorshift seed: the same data trains the same model.
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                order.swapAt(k, Int(rng % UInt64(k + 1)))
            }
            for q in order {
                let seq = sequences[q]
                let doc = docs[seq.doc]
                let ctx = contexts[seq.doc]
                lattice.prepare(doc, seq.range)
                w.withUnsafeBufferPointer { weights in
                    var scorer = TaggerModel.Scorer(weights: .floats(weights.baseAddress!), doc: doc, context: ctx, extractor: fx)
                    scorer.range = seq.range
                    lattice.decode(doc, seq.range, &scorer, into: &predicted[seq.doc])
                }
                // Structured perceptron: where the best path leaves the gold one, move the
                // weights towards gold's token and transition features and away from the guess's.
                let truth = truths[q]
                for i in seq.range {
                    let k = i - seq.range.lowerBound
                    defer { now += 1 }
                    guard lattice.masks[k] != TagLattice.outsideOnly else { continue }
                    let gold = truth[k], guess = predicted[seq.doc][i]
                    let goldBefore = k == 0 ? .outside : truth[k - 1]
                    let guessBefore = k == 0 ? .outside : predicted[seq.doc][i - 1]
                    if gold != guess {
                        fx.features(doc, ctx, seq.range, i, into: &buffer)
                        update(gold.rawValue, 1)
                        update(guess.rawValue, -1)
                    }
                    if gold != guess || goldBefore != guessBefore {
                        fx.pairFeatures(doc, ctx, i, previous: goldBefore, into: &buffer)
                        update(gold.rawValue, 1)
                        fx.pairFeatures(doc, ctx, i, previous: guessBefore, into: &buffer)
                        update(guess.rawValue, -1)
                    }
                }
            }
        }
        var averaged = [Float](repeating: 0, count: size)
        for o in 0..<size {
            let t = total[o] + Double(now - stamp[o]) * Double(w[o])
            averaged[o] = Float(t / Double(now))
        }
        return TaggerModel(weights: averaged)
    }

    /// Gold labels of one sequence as the lattice can express them: a label the token may not
    /// take is outside, and an inside label that lost its beginning begins the name.
    private func projectedGold(_ seq: Sequence, _ lattice: inout TagLattice) -> [EntityLabel] {
        lattice.prepare(docs[seq.doc], seq.range)
        var out: [EntityLabel] = []
        for i in seq.range {
            let k = i - seq.range.lowerBound
            var label = gold[seq.doc][i]
            if lattice.masks[k] & (1 << label.rawValue) == 0 { label = .outside }
            let before = out.last ?? .outside
            if let kind = label.kind, !label.canFollow(before) {
                label = lattice.masks[k] == TagLattice.every ? EntityLabel.begin(kind) : .outside
            }
            out.append(label)
        }
        return out
    }
}

/// One document of gold entities for training the tagger.
public struct TrainingExample: Sendable {
    public struct Span: Sendable {
        public var start: Int
        public var end: Int
        public var kind: Entity.Kind

        public init(start: Int, end: Int, kind: Entity.Kind) {
            self.start = start
            self.end = end
            self.kind = kind
        }
    }

    public var text: String
    public var entities: [Span]

    public init(text: String, entities: [Span]) {
        self.text = text
        self.entities = entities
    }
}
