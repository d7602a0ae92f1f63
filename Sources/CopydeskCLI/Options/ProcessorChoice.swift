import ArgumentParser
import Copydesk
import NewsAnalysis

/// What a worker runs on each article: the analyzer, or nothing (to measure the transport alone).
enum ProcessorChoice: String, ExpressibleByArgument, CaseIterable {
    case analysis
    /// Returns `{"id":...}` at once: every cost but the analysis.
    case noop

    func makeProcessor() throws -> ArticleProcessor {
        switch self {
        case .analysis:
            let processor = ReportProcessor(analyzer: try Analyzer())
            return { processor.process($0) }
        case .noop:
            return { article in
                ResultRecord(id: article.id, attempt: article.attempt, status: .ok, line: Array("{\"id\":\"\(article.id)\"}".utf8))
            }
        }
    }
}
