import Copydesk
import Foundation
import JSONOutput
import Logging
import Testing
import ZeroMQ

/// The pipeline knows analysis only through ``ArticleProcessor``: embedded with a stage of
/// one's own, it delivers every article to it once and writes what it returns.
@Suite(.timeLimit(.minutes(2)))
struct EmbeddedStageTests {
    @Test func aStageOfOnesOwnGetsEveryArticleOnce() async throws {
        let workspace = try Workspace()
        let ids = try workspace.writeGeneratedArticles("in.jsonl", count: 200)
        // Counts the words of each article: no analyzer anywhere.
        let stage: ArticleProcessor = { article in
            let words = article.body.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).count
            var json = JSONWriter(capacity: 128)
            json.beginObject()
            json.member("id", article.id)
            json.member("words", words)
            json.endObject()
            return ProcessedArticle(ResultRecord(id: article.id, attempt: article.attempt, status: .ok, line: json.bytes))
        }
        let (input, output) = (workspace.path("in.jsonl"), workspace.path("out.jsonl"))
        let progress = try await SocketThread.run(name: "embedded") {
            try EmbeddedPipeline(inputs: [input], outputPath: output, workers: 2).run(processor: stage, stop: StopSignal(), logger: Logger(label: "test"))
        }
        #expect(progress.written == 200)
        let records = try workspace.records(in: "out.jsonl")
        #expect(records.compactMap { $0["id"] as? String }.sorted() == ids.sorted())
        #expect(records.allSatisfy { ($0["words"] as? Int ?? 0) > 0 })
    }
}
