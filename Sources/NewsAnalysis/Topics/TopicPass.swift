/// Scores the taxonomy's topics by the evidence words in the headline, dek and body (headline
/// and dek count double), and reports each topic with at least two distinct evidence words and
/// a weight of three or more, best first.
struct TopicPass {
    static let maximumEvidence = 8

    func run(_ doc: Document, _ report: inout AnalysisReport) {
        let topics = Taxonomy.topics
        var weight = [Double](repeating: 0, count: topics.count)
        // Per topic, distinct evidence words (hash → count, first token).
        var evidence = [[UInt64: (Int, Int)]](repeating: [:], count: topics.count)
        func scan(_ r: Range<Int>, _ w: Double) {
            for k in r {
                let bits = doc.meaning[k].topics
                guard bits != 0 else { continue }
                var b = bits
                while b != 0 {
                    let n = b.trailingZeroBitCount
                    b &= b - 1
                    weight[n] += w
                    let key = doc.tokens[k].lower
                    if let e = evidence[n][key] { evidence[n][key] = (e.0 + 1, e.1) } else { evidence[n][key] = (1, k) }
                }
            }
        }
        for n in doc.lines.indices where doc.roles[n] == .headline || doc.roles[n] == .subheadline { scan(doc.lines[n].tokens, 2) }
        for p in doc.paragraphs { scan(p, 1) }
        var out: [Topic] = []
        for (n, topic) in topics.enumerated() where evidence[n].count >= 2 && weight[n] >= 3 {
            let terms = evidence[n].sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.value.1 < $1.value.1 }
                .prefix(Self.maximumEvidence).map { doc.text(tokens: $0.value.1..<($0.value.1 + 1)).lowercased() }
            let score = weight[n] / (weight[n] + 5)
            out.append(Topic(id: topic.id, label: topic.label, score: (score * 1000).rounded() / 1000, evidence: terms))
        }
        report.topics = out.sorted { $0.score > $1.score }
    }
}
