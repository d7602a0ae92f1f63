import ArgumentParser
import Copydesk
import CopydeskAnalysis
import Foundation
import JSONOutput
import NewsAnalysis

/// What a worker runs on each article: the analyzer, or nothing (to measure the transport alone).
enum ProcessorChoice: String, ExpressibleByArgument, CaseIterable {
    case analysis
    /// Returns `{"id":...,"attempt":n}` at once: every cost but the analysis.
    case noop
    /// Like `noop` after 2 ms, so tests can interrupt a run of small articles midway; an article
    /// whose text begins `SLEEP-SECONDS n` takes n seconds (tests of leases and slow work).
    case slow
    /// Like `noop`, but the process dies on an article containing `POISON-PILL`: a poison
    /// article for tests of redelivery and dead-lettering.
    case poison

    func makeProcessor() throws -> ArticleProcessor {
        switch self {
        case .analysis:
            let processor = ReportProcessor(analyzer: try Analyzer())
            return { processor.process($0) }
        case .noop:
            return Self.noopResult
        case .poison:
            return { article in
                if article.body.starts(with: Array("POISON-PILL".utf8)) { abort() }
                return Self.noopResult(article)
            }
        case .slow:
            return { article in
                Thread.sleep(forTimeInterval: Self.requestedSeconds(article.body) ?? 0.002)
                return Self.noopResult(article)
            }
        }
    }

    private static func noopResult(_ article: ArticleRecord) -> ProcessedArticle {
        var line = Array("{\"id\":".utf8)
        line += JSONText.string(article.id)
        line += Array(",\"attempt\":\(article.attempt)}".utf8)
        return ProcessedArticle(ResultRecord(id: article.id, attempt: article.attempt, status: .ok, line: line))
    }

    /// n of a text that begins `SLEEP-SECONDS n`.
    private static func requestedSeconds(_ body: [UInt8]) -> Double? {
        let marker = Array("SLEEP-SECONDS ".utf8)
        guard body.starts(with: marker) else { return nil }
        return Double(String(decoding: body.dropFirst(marker.count).prefix { $0 != 0x20 && $0 != 0x0A }, as: UTF8.self))
    }
}
