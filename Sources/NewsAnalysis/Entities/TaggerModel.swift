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
        // Rows of seven little-endian Int16 into rows of eight, one copy a row (every platform
        // Swift runs this package on is little-endian); the load is part of every worker's start.
        data.withUnsafeBytes { raw in
            q.withUnsafeMutableBytes { out in
                let rowBytes = EntityLabel.count * 2, strideBytes = EntityLabel.stride * 2
                for r in 0..<Self.rows {
                    out.baseAddress!.advanced(by: r * strideBytes)
                        .copyMemory(from: raw.baseAddress!.advanced(by: header + r * rowBytes), byteCount: rowBytes)
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
            var scorer = Scorer(weights: .quantised(w.baseAddress!, scale: scale), doc: doc, context: ctx, extractor: fx)
            for r in ranges {
                scorer.range = r
                lattice.prepare(doc, r)
                lattice.decode(doc, r, &scorer, into: &labels)
            }
        }
    }

    /// Scores tokens by summing the weight rows of their hashed features, in two parts: what
    /// does not depend on the label before the token, and what does. The trainer runs it over
    /// the float weights it is learning.
    struct Scorer {
        /// A weight table, one row of ``EntityLabel/stride`` per feature bucket.
        enum Weights {
            /// The trainer's live weights.
            case floats(UnsafePointer<Float>)
            /// A model's Int16 weights, summed as integers and scaled once.
            case quantised(UnsafePointer<Int16>, scale: Float)
        }

        let weights: Weights
        let doc: Document
        let context: FeatureExtractor.Context
        let extractor: FeatureExtractor
        var range: Range<Int> = 0..<0
        var buffer: [UInt64] = []

        init(weights: Weights, doc: Document, context: FeatureExtractor.Context, extractor: FeatureExtractor) {
            self.weights = weights
            self.doc = doc
            self.context = context
            self.extractor = extractor
            buffer.reserveCapacity(64)
        }

        mutating func scoreToken(_ i: Int, into scores: UnsafeMutablePointer<Float>) {
            extractor.features(doc, context, range, i, into: &buffer)
            add(into: scores)
        }

        mutating func scorePair(_ i: Int, previous: EntityLabel, into scores: UnsafeMutablePointer<Float>) {
            extractor.pairFeatures(doc, context, i, previous: previous, into: &buffer)
            add(into: scores)
        }

        @inline(__always) private func add(into scores: UnsafeMutablePointer<Float>) {
            let mask = UInt64(TaggerModel.rows - 1)
            switch weights {
            case .floats(let w):
                for f in buffer {
                    let row = w + Int(f & mask) &* EntityLabel.stride
                    for c in 0..<EntityLabel.stride { scores[c] += row[c] }
                }
            case .quantised(let w, let scale):
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: EntityLabel.stride) { sum in
                    for c in 0..<EntityLabel.stride { sum[c] = 0 }
                    for f in buffer {
                        let row = w + Int(f & mask) &* EntityLabel.stride
                        for c in 0..<EntityLabel.stride { sum[c] &+= Int32(row[c]) }
                    }
                    for c in 0..<EntityLabel.stride { scores[c] += Float(sum[c]) * scale }
                }
            }
        }
    }
}
