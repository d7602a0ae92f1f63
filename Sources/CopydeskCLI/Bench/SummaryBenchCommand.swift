import ArgumentParser
import Foundation
import NewsAnalysis

/// `copydesk bench summary FILE.jsonl`: how the summary compares with human summaries,
/// k-fold cross-validated (weights trained on the other folds, scored on the held-out one),
/// per genre, beside the lead the summary must beat: ROUGE-1/2 for the 3-sentence summary
/// against lead-3 and the 1-sentence one against lead-1, both over the analyzer's own body
/// sentences. `--ablate` repeats the cross-validation without each feature in turn;
/// `--weights-out` trains on the whole file and writes the shipped weights.
struct SummaryBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summary ROUGE against human summaries, cross-validated per genre beside the lead; trains the summary weights."
    )

    @Argument(help: "JSONL of {\"id\",\"text\",\"summary\"[,\"genre\",\"title\"]} lines, such as ../shared/eval/gum_train.jsonl.")
    var file: String

    @Option(help: "Folds of the cross-validation; each genre's documents are spread over all of them.")
    var folds = 5

    @Option(help: "Smallest gain in training ROUGE for a weight to move (see SummaryTrainer).")
    var minimumGain = 0.01

    @Flag(help: "Learn weights for reported news too, instead of keeping its lead.")
    var trainReported = false

    @Flag(help: "Also cross-validate without each feature in turn, to show what each adds.")
    var ablate = false

    @Option(help: "Train on the whole file and write the weights as Swift source here (Sources/NewsAnalysis/Summary/SummaryModel+Shipped.swift).")
    var weightsOut: String?

    @Option(help: "Write the held-out summaries here as JSONL ({\"id\", \"summary\", \"summary1\"}) for rouge.py.")
    var predictions: String?

    private struct GoldLine: Decodable {
        var id: String
        var text: String
        var summary: String
        var genre: String?
        var title: String?
    }

    private struct Document {
        var id: String
        var genre: String
        var summary: String
        var candidates: SummaryCandidates
        var fold: Int
    }

    func run() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be 2 or more") }
        let analyzer = try Analyzer()
        let decoder = JSONDecoder()
        var perGenre: [String: Int] = [:]
        let documents = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            let gold = try decoder.decode(GoldLine.self, from: Data(line.utf8))
            let genre = gold.genre ?? "all"
            defer { perGenre[genre, default: 0] += 1 }
            return Document(id: gold.id, genre: genre, summary: gold.summary,
                            candidates: try analyzer.summaryCandidates(Article(id: gold.id, text: gold.text, title: gold.title)),
                            fold: perGenre[genre, default: 0] % folds)
        }
        print("summary bench: \(documents.count) documents, \(perGenre.count) genres, \(folds)-fold cross-validation (held-out figures)")
        let full = crossValidate(documents, without: [])
        printTable(documents, full)
        if ablate {
            let base = mean(documents.indices.map { full[$0].model3 })
            let base1 = mean(documents.indices.map { full[$0].model1 })
            print("\nwithout each feature (all documents, held out; change from the full model):")
            for feature in SummaryModel.featureNames {
                let run = crossValidate(documents, without: [feature])
                let three = mean(documents.indices.map { run[$0].model3 }), one = mean(documents.indices.map { run[$0].model1 })
                print("  \(feature.padding(toLength: 15, withPad: " ", startingAt: 0)) 3 sentences \(delta(three.rouge1, base.rouge1)) / \(delta(three.rouge2, base.rouge2))   1 sentence \(delta(one.rouge1, base1.rouge1)) / \(delta(one.rouge2, base1.rouge2))")
            }
        }
        if let path = predictions {
            struct Prediction: Encodable { var id: String; var summary: [String]; var summary1: [String] }
            let encoder = JSONEncoder()
            let lines = try documents.indices.map { k in
                let d = documents[k]
                let row = Prediction(id: d.id, summary: full[k].chosen3.map { d.candidates.texts[$0] }, summary1: full[k].chosen1.map { d.candidates.texts[$0] })
                return String(decoding: try encoder.encode(row), as: UTF8.self)
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            print("held-out summaries written to \(path)")
        }
        if let path = weightsOut {
            let model = SummaryTrainer(minimumGain: minimumGain, trainReported: trainReported).train(documents.map { SummaryTrainer.Example(candidates: $0.candidates, summary: $0.summary) })
            try Self.source(model, documents: documents.count, file: (file as NSString).lastPathComponent, minimumGain: minimumGain).write(toFile: path, atomically: true, encoding: .utf8)
            print("trained on all \(documents.count) documents; weights written to \(path)")
            print("  feature         reported  other")
            for (k, name) in SummaryModel.featureNames.enumerated() {
                print("  \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(format: "%8.3f %6.3f", model.reported[k], model.other[k]))")
            }
        }
    }

    private struct Outcome {
        var chosen3: [Int], chosen1: [Int]
        var model3: RougeScore, lead3: RougeScore, model1: RougeScore, lead1: RougeScore
    }

    private func crossValidate(_ documents: [Document], without: Set<String>) -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: documents.count)
        for fold in 0..<folds {
            let training = documents.filter { $0.fold != fold }.map { SummaryTrainer.Example(candidates: $0.candidates, summary: $0.summary) }
            let model = SummaryTrainer(without: without, minimumGain: minimumGain, trainReported: trainReported).train(training)
            for (k, d) in documents.enumerated() where d.fold == fold {
                let c = d.candidates
                func score(_ chosen: [Int]) -> RougeScore { RougeScore(reference: d.summary, candidate: chosen.map { c.texts[$0] }.joined(separator: " ")) }
                let three = c.select(model, count: 3), one = c.select(model, count: 1)
                outcomes[k] = Outcome(chosen3: three, chosen1: one, model3: score(three), lead3: score(c.lead(count: 3)),
                                      model1: score(one), lead1: score(c.lead(count: 1)))
            }
        }
        return outcomes.map { $0! }
    }

    private func printTable(_ documents: [Document], _ outcomes: [Outcome]) {
        print("genre          docs | 3 sentences: summary   lead-3        | 1 sentence: summary   lead-1")
        let genres = Set(documents.map(\.genre)).sorted() + (Set(documents.map(\.genre)).count > 1 ? ["all"] : [])
        for genre in genres {
            let rows = documents.indices.filter { genre == "all" || documents[$0].genre == genre }
            let m3 = mean(rows.map { outcomes[$0].model3 }), l3 = mean(rows.map { outcomes[$0].lead3 })
            let m1 = mean(rows.map { outcomes[$0].model1 }), l1 = mean(rows.map { outcomes[$0].lead1 })
            func pair(_ r: RougeScore) -> String { String(format: "%.3f/%.3f", r.rouge1, r.rouge2) }
            func mark(_ a: RougeScore, _ b: RougeScore) -> String { a.rouge1 > b.rouge1 && a.rouge2 > b.rouge2 ? "+" : a.rouge1 >= b.rouge1 || a.rouge2 >= b.rouge2 ? "~" : "-" }
            print("\(genre.padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(format: "%4d", rows.count)) |    \(pair(m3)) \(mark(m3, l3))  \(pair(l3))   |    \(pair(m1)) \(mark(m1, l1))  \(pair(l1))")
        }
        print("(+ above the lead on both ROUGE-1 and ROUGE-2, ~ on one, - on neither)")
    }

    private func mean(_ scores: [RougeScore]) -> RougeScore {
        let n = Double(max(scores.count, 1))
        return RougeScore(rouge1: scores.reduce(0) { $0 + $1.rouge1 } / n, rouge2: scores.reduce(0) { $0 + $1.rouge2 } / n)
    }

    private func delta(_ value: Double, _ base: Double) -> String { String(format: "%+.3f", value - base) }

    static func source(_ model: SummaryModel, documents: Int, file: String, minimumGain: Double) -> String {
        func list(_ w: [Double]) -> String { w.map { String($0) }.joined(separator: ", ") }
        return """
            // Written by `copydesk bench summary \(file) --minimum-gain \(minimumGain) --weights-out ...`; do not edit by hand.
            // Trained on \(documents) documents; features: \(SummaryModel.featureNames.joined(separator: ", ")).
            extension SummaryModel {
                /// The weights the summary ships with.
                public static let shipped = SummaryModel(
                    reported: [\(list(model.reported))],
                    other: [\(list(model.other))]
                )
            }

            """
    }
}
