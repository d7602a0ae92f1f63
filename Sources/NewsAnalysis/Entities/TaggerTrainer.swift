/// Trains a ``TaggerModel`` from gold entity spans with the averaged perceptron: greedy
/// decoding with the model's own previous labels, updates on mistakes, weights averaged over
/// every step (lazily, by timestamps).
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

    /// Adds one document: every line is a sequence; gold spans label the tokens they overlap.
    mutating func add(text: String, entities: [TrainingExample.Span]) {
        var doc = Document(scalars: Array(text.unicodeScalars), lexicon: lexicon)
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
        let fx = FeatureExtractor(lexicon: lexicon)
        contexts.append(fx.context(doc))
        for line in doc.lines { sequences.append(Sequence(doc: docs.count, range: line.tokens)) }
        docs.append(doc)
        gold.append(labels)
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
        let scores = UnsafeMutableBufferPointer<Float>.allocate(capacity: width)
        defer { scores.deallocate() }
        var order = Array(sequences.indices)
        var rng = seed
        func update(_ f: UInt64, _ c: Int, _ delta: Float) {
            let o = Int(f & mask) * width + c
            total[o] += Double(now - stamp[o]) * Double(w[o])
            stamp[o] = now
            w[o] += delta
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
                var previous = EntityLabel.outside
                for i in seq.range {
                    if FeatureExtractor.isSkippable(doc.tokens[i], previous: previous) { previous = .outside; continue }
                    fx.features(doc, contexts[seq.doc], seq.range, i, previous: previous, into: &buffer)
                    for c in 0..<width { scores[c] = 0 }
                    for f in buffer {
                        let o = Int(f & mask) * width
                        for c in 0..<EntityLabel.count { scores[c] += w[o + c] }
                    }
                    let guess = TaggerModel.best(scores, after: previous)
                    var truth = gold[seq.doc][i]
                    if !truth.canFollow(previous) { truth = EntityLabel.begin(truth.kind!) }
                    if guess != truth {
                        for f in buffer {
                            update(f, truth.rawValue, 1)
                            update(f, guess.rawValue, -1)
                        }
                    }
                    now += 1
                    previous = guess
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
