/// Fits ``SummaryModel`` weights to human summaries by coordinate ascent on the measure
/// itself: starting from the lead prior alone, each weight in turn is moved by a few steps
/// and a move is kept when it raises mean ROUGE-1 + ROUGE-2 of the 3- and the 1-sentence
/// summaries over the training documents by more than ``minimumGain``. Starting from the
/// lead means a feature earns weight only by beating the lead where it is trained; the
/// cross-validation (`copydesk bench summary`) says whether that holds on held-out
/// documents.
public struct SummaryTrainer: Sendable {
    public struct Example: Sendable {
        public var candidates: SummaryCandidates
        public var summary: String

        public init(candidates: SummaryCandidates, summary: String) {
            self.candidates = candidates
            self.summary = summary
        }
    }

    /// Features left out (their weight stays 0): for measuring what each adds.
    public var without: Set<String>
    /// Passes over the weights.
    public var rounds: Int
    /// A move must raise the training objective by this much to be kept: small gains on a
    /// hundred documents are noise.
    public var minimumGain: Double

    /// Learn weights for reported news too, instead of keeping its lead.
    public var trainReported: Bool

    static let steps = [-1.0, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1.0]

    public init(without: Set<String> = [], rounds: Int = 3, minimumGain: Double = 0.01, trainReported: Bool = false) {
        self.without = without
        self.rounds = rounds
        self.minimumGain = minimumGain
        self.trainReported = trainReported
    }

    /// Weights for texts other than reported news, trained on those examples; reported news
    /// keeps the lead prior unless `trainReported` (on news no learnt weights beat the lead
    /// in cross-validation).
    public func train(_ examples: [Example]) -> SummaryModel {
        let prepared = examples.map(Prepared.init)
        return SummaryModel(reported: trainReported ? ascend(prepared.filter { $0.candidates.reported }) : SummaryModel.leadWeights,
                            other: ascend(prepared.filter { !$0.candidates.reported }))
    }

    private func ascend(_ prepared: [Prepared]) -> [Double] {
        let names = SentenceFeatures.names
        var weights = SummaryModel.leadWeights
        func model(_ w: [Double]) -> SummaryModel { SummaryModel(reported: w, other: w) }
        guard !prepared.isEmpty else { return weights }
        var best = objective(model(weights), prepared)
        for _ in 0..<rounds {
            var moved = false
            for f in names.indices where !without.contains(names[f]) {
                var bestStep: [Double]?
                for step in Self.steps {
                    var trial = weights
                    trial[f] = ((trial[f] + step) * 1000).rounded() / 1000
                    let value = objective(model(trial), prepared)
                    if value > best + minimumGain { (best, bestStep) = (value, trial) }
                }
                if let bestStep { (weights, moved) = (bestStep, true) }
            }
            if !moved { break }
        }
        return weights
    }

    private func objective(_ model: SummaryModel, _ documents: [Prepared]) -> Double {
        var total = 0.0
        for d in documents {
            total += d.score(d.candidates.select(model, count: 3)) + d.score(d.candidates.select(model, count: 1))
        }
        return total / Double(max(documents.count, 1))
    }

    /// A document's sentences and summary as n-gram counts, so a choice of sentences is
    /// scored without tokenising again (bigrams across two chosen sentences are left out).
    private struct Prepared {
        let candidates: SummaryCandidates
        let unigrams: [[Int: Int]], bigrams: [[Int: Int]]
        let referenceUnigrams: [Int: Int], referenceBigrams: [Int: Int]

        init(_ example: Example) {
            var ids: [String: Int] = [:]
            func counts(_ text: String) -> ([Int: Int], [Int: Int]) {
                let tokens = RougeScore.tokens(text).map { word in
                    if let id = ids[word] { return id }
                    ids[word] = ids.count
                    return ids.count - 1
                }
                var one: [Int: Int] = [:], two: [Int: Int] = [:]
                for (k, t) in tokens.enumerated() {
                    one[t, default: 0] += 1
                    if k > 0 { two[tokens[k - 1] &* 1_000_003 &+ t, default: 0] += 1 }
                }
                return (one, two)
            }
            candidates = example.candidates
            (referenceUnigrams, referenceBigrams) = counts(example.summary)
            let sentences = example.candidates.texts.map(counts)
            unigrams = sentences.map(\.0)
            bigrams = sentences.map(\.1)
        }

        func score(_ chosen: [Int]) -> Double {
            func f1(_ parts: [[Int: Int]], _ reference: [Int: Int]) -> Double {
                var candidate: [Int: Int] = [:]
                for n in chosen { candidate.merge(parts[n], uniquingKeysWith: +) }
                let overlap = candidate.reduce(0) { $0 + min($1.value, reference[$1.key] ?? 0) }
                guard overlap > 0 else { return 0 }
                let p = Double(overlap) / Double(candidate.values.reduce(0, +)), r = Double(overlap) / Double(reference.values.reduce(0, +))
                return 2 * p * r / (p + r)
            }
            return f1(unigrams, referenceUnigrams) + f1(bigrams, referenceBigrams)
        }
    }
}
