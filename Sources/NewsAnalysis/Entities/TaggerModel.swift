import Foundation

/// The entity tagger's learned weights: an averaged structured perceptron over hashed
/// features, one row of ``EntityLabel/stride`` weights per feature bucket, decoded with the
/// ``TagLattice``. Trained by ``TaggerTrainer`` (run by `copydesk bench analysis --train`),
/// shipped as `Resources/tagger.bin`.
public struct TaggerModel: Sendable {
    static let rowBits = 18
    static let rows = 1 << rowBits
    static let magic: [UInt8] = Array("CDT1".utf8)

    /// The weights quantised to Int16, `scale` apart: half the memory of floats, which is what
    /// a lookup per feature costs; the file holds the same numbers.
    var quantised: [Int16]
    var scale: Float

    init(weights: [Float]) {
        precondition(weights.count == Self.rows * EntityLabel.stride)
        var maxAbs: Float = 1e-9
        for v in weights { maxAbs = max(maxAbs, abs(v)) }
        scale = maxAbs / 32_767
        quantised = weights.map { [scale] v in Int16(max(-32_767, min(32_767, (v / scale).rounded()))) }
    }

    /// A model that tags nothing: for training from scratch.
    public static var empty: TaggerModel {
        TaggerModel(weights: [Float](repeating: 0, count: rows * EntityLabel.stride))
    }

    /// Reads the format ``serialized()`` writes: magic, row count, scale, then Int16 weights.
    public init(serialized data: [UInt8]) throws {
        let header = 12
        let count = Self.rows * EntityLabel.count
        guard data.count == header + count * 2, Array(data[0..<4]) == Self.magic else {
            throw AnalysisError.missingResource("tagger.bin (wrong format)")
        }
        func u32(_ o: Int) -> UInt32 {
            UInt32(data[o]) | UInt32(data[o + 1]) << 8 | UInt32(data[o + 2]) << 16 | UInt32(data[o + 3]) << 24
        }
        guard u32(4) == UInt32(Self.rows) else { throw AnalysisError.missingResource("tagger.bin (wrong size)") }
        scale = Float(bitPattern: u32(8))
        var q = [Int16](repeating: 0, count: Self.rows * EntityLabel.stride)
        data.withUnsafeBufferPointer { raw in
            var o = header
            for r in 0..<Self.rows {
                for c in 0..<EntityLabel.count {
                    q[r * EntityLabel.stride + c] = Int16(bitPattern: UInt16(raw[o]) | UInt16(raw[o + 1]) << 8)
                    o += 2
                }
            }
        }
        quantised = q
    }

    /// The weights as Int16 (little-endian) behind a 12-byte header.
    public func serialized() -> [UInt8] {
        var out = Self.magic
        func put(_ v: UInt32) { for k in 0..<4 { out.append(UInt8((v >> (8 * k)) & 0xFF)) } }
        put(UInt32(Self.rows))
        put(scale.bitPattern)
        out.reserveCapacity(12 + Self.rows * EntityLabel.count * 2)
        for r in 0..<Self.rows {
            for c in 0..<EntityLabel.count {
                let u = UInt16(bitPattern: quantised[r * EntityLabel.stride + c])
                out.append(UInt8(u & 0xFF))
                out.append(UInt8(u >> 8))
            }
        }
        return out
    }

    static func bundled() throws -> TaggerModel {
        guard let url = Bundle.module.url(forResource: "tagger", withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "tagger", withExtension: "bin") else {
            throw AnalysisError.missingResource("tagger.bin")
        }
        return try TaggerModel(serialized: [UInt8](try Data(contentsOf: url)))
    }

    /// Tags every range of `ranges` with its best path through the ``TagLattice``.
    func tag(_ doc: Document, _ ctx: FeatureExtractor.Context, _ ranges: [Range<Int>], _ fx: FeatureExtractor,
             into labels: inout [EntityLabel]) {
        var lattice = TagLattice()
        quantised.withUnsafeBufferPointer { w in
            var scorer = Scorer(weights: QuantisedRows(weights: w.baseAddress!, scale: scale), doc: doc, context: ctx, extractor: fx)
            for r in ranges {
                scorer.range = r
                lattice.prepare(doc, r)
                lattice.decode(doc, r, &scorer, into: &labels)
            }
        }
    }

    /// Scores tokens by summing the weight rows of their hashed features; the trainer runs it
    /// over the float weights it is learning.
    struct Scorer<Rows: WeightRows>: TokenScorer {
        let weights: Rows
        let doc: Document
        let context: FeatureExtractor.Context
        let extractor: FeatureExtractor
        var range: Range<Int> = 0..<0
        var buffer: [UInt64] = []

        init(weights: Rows, doc: Document, context: FeatureExtractor.Context, extractor: FeatureExtractor) {
            self.weights = weights
            self.doc = doc
            self.context = context
            self.extractor = extractor
            buffer.reserveCapacity(64)
        }

        mutating func scoreToken(_ i: Int, into scores: UnsafeMutableBufferPointer<Float>) {
            extractor.features(doc, context, range, i, into: &buffer)
            weights.add(buffer, into: scores)
        }

        mutating func scorePair(_ i: Int, previous: EntityLabel, into scores: UnsafeMutableBufferPointer<Float>) {
            extractor.pairFeatures(doc, context, i, previous: previous, into: &buffer)
            weights.add(buffer, into: scores)
        }
    }
}

/// A weight table the scorer sums rows of, one row of ``EntityLabel/stride`` per feature bucket.
protocol WeightRows {
    func add(_ features: [UInt64], into scores: UnsafeMutableBufferPointer<Float>)
}

/// The trainer's live weights.
struct FloatRows: WeightRows {
    let weights: UnsafePointer<Float>

    @inline(__always) func add(_ features: [UInt64], into scores: UnsafeMutableBufferPointer<Float>) {
        let mask = UInt64(TaggerModel.rows - 1)
        var sum = SIMD8<Float>()
        for f in features {
            sum += UnsafeRawPointer(weights + Int(f & mask) &* EntityLabel.stride).loadUnaligned(as: SIMD8<Float>.self)
        }
        for c in 0..<EntityLabel.stride { scores[c] += sum[c] }
    }
}

/// A shipped model's Int16 weights, summed as integers and scaled once.
struct QuantisedRows: WeightRows {
    let weights: UnsafePointer<Int16>
    let scale: Float

    @inline(__always) func add(_ features: [UInt64], into scores: UnsafeMutableBufferPointer<Float>) {
        let mask = UInt64(TaggerModel.rows - 1)
        var sum = SIMD8<Int32>()
        for f in features {
            let row = UnsafeRawPointer(weights + Int(f & mask) &* EntityLabel.stride).loadUnaligned(as: SIMD8<Int16>.self)
            sum &+= SIMD8<Int32>(truncatingIfNeeded: row)
        }
        for c in 0..<EntityLabel.stride { scores[c] += Float(sum[c]) * scale }
    }
}
