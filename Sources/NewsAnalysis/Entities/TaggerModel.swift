import Foundation

/// The entity tagger's learned weights: an averaged perceptron over hashed features, one row
/// of ``EntityLabel/stride`` weights per feature bucket. Trained by ``TaggerTrainer`` (run by
/// `copydesk bench analysis --train`), shipped as `Resources/tagger.bin`.
public struct TaggerModel: Sendable {
    static let rowBits = 18
    static let rows = 1 << rowBits
    static let magic: [UInt8] = Array("CDT1".utf8)

    var weights: [Float]

    init(weights: [Float]) {
        precondition(weights.count == Self.rows * EntityLabel.stride)
        self.weights = weights
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
        let scale = Float(bitPattern: u32(8))
        var w = [Float](repeating: 0, count: Self.rows * EntityLabel.stride)
        data.withUnsafeBufferPointer { raw in
            var o = header
            for r in 0..<Self.rows {
                for c in 0..<EntityLabel.count {
                    let v = Int16(bitPattern: UInt16(raw[o]) | UInt16(raw[o + 1]) << 8)
                    w[r * EntityLabel.stride + c] = Float(v) * scale
                    o += 2
                }
            }
        }
        self.weights = w
    }

    /// The weights quantised to Int16 (little-endian) behind a 12-byte header.
    public func serialized() -> [UInt8] {
        var maxAbs: Float = 1e-9
        for v in weights { maxAbs = max(maxAbs, abs(v)) }
        let scale = maxAbs / 32_767
        var out = Self.magic
        func put(_ v: UInt32) { for k in 0..<4 { out.append(UInt8((v >> (8 * k)) & 0xFF)) } }
        put(UInt32(Self.rows))
        put(scale.bitPattern)
        out.reserveCapacity(12 + Self.rows * EntityLabel.count * 2)
        for r in 0..<Self.rows {
            for c in 0..<EntityLabel.count {
                let q = Int16(max(-32_767, min(32_767, (weights[r * EntityLabel.stride + c] / scale).rounded())))
                let u = UInt16(bitPattern: q)
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

    /// Greedy left-to-right decoding of one token range.
    func tag(_ doc: Document, _ ctx: FeatureExtractor.Context, _ range: Range<Int>, _ fx: FeatureExtractor,
             buffer: inout [UInt64], into labels: inout [EntityLabel]) {
        var previous = EntityLabel.outside
        let mask = UInt64(Self.rows - 1)
        weights.withUnsafeBufferPointer { w in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: EntityLabel.stride) { s in
                for i in range {
                    if FeatureExtractor.isSkippable(doc.tokens[i], previous: previous) {
                        labels[i] = .outside
                        previous = .outside
                        continue
                    }
                    fx.features(doc, ctx, range, i, previous: previous, into: &buffer)
                    for c in 0..<EntityLabel.stride { s[c] = 0 }
                    for f in buffer {
                        let o = Int(f & mask) &* EntityLabel.stride
                        for c in 0..<EntityLabel.stride { s[c] += w[o &+ c] }
                    }
                    let best = Self.best(s, after: previous)
                    labels[i] = best
                    previous = best
                }
            }
        }
    }

    /// The highest-scoring label that may follow `previous`.
    @inline(__always) static func best(_ s: UnsafeMutableBufferPointer<Float>, after previous: EntityLabel) -> EntityLabel {
        var best = EntityLabel.outside
        var bestScore = s[0]
        for c in 1..<EntityLabel.count where s[c] > bestScore {
            let l = EntityLabel(rawValue: c)!
            if l.canFollow(previous) { best = l; bestScore = s[c] }
        }
        return best
    }
}
