/// ROUGE-1 and ROUGE-2 F1 as `../shared/eval/rouge.py` computes them: tokens are runs of
/// ASCII letters and digits, lowercased; n-grams are counted with repeats.
public struct RougeScore: Sendable, Hashable {
    public var rouge1: Double
    public var rouge2: Double

    public init(rouge1: Double, rouge2: Double) {
        self.rouge1 = rouge1
        self.rouge2 = rouge2
    }

    public init(reference: String, candidate: String) {
        let ref = Self.tokens(reference), hyp = Self.tokens(candidate)
        self.init(rouge1: Self.f1(ref, hyp, 1), rouge2: Self.f1(ref, hyp, 2))
    }

    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                out.append(word)
                word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    static func f1(_ reference: [String], _ candidate: [String], _ n: Int) -> Double {
        func grams(_ t: [String]) -> [ArraySlice<String>: Int] {
            var counts: [ArraySlice<String>: Int] = [:]
            if t.count >= n { for i in 0...(t.count - n) { counts[t[i..<(i + n)], default: 0] += 1 } }
            return counts
        }
        let r = grams(reference), h = grams(candidate)
        let overlap = h.reduce(0) { $0 + min($1.value, r[$1.key] ?? 0) }
        guard overlap > 0 else { return 0 }
        let precision = Double(overlap) / Double(h.values.reduce(0, +)), recall = Double(overlap) / Double(r.values.reduce(0, +))
        return 2 * precision * recall / (precision + recall)
    }
}
