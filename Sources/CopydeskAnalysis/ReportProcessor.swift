import Copydesk
import JSONOutput
import NewsAnalysis

/// The workers' default ``ArticleProcessor``: checks the bytes and runs ``Analyzer``; the
/// report line it leaves to be written (``ProcessedArticle``) starts
/// `{"id":...,"source":...,"attempt":...` and goes on with the report's own fields.
///
/// A target of its own so that the pipeline (`Copydesk`) knows analysis only through
/// ``ArticleProcessor``: a program can embed the pipeline with a stage of its own without
/// linking the analyzer and its resources.
public struct ReportProcessor: Sendable {
    private let analyzer: Analyzer

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    public func process(_ record: ArticleRecord) -> ProcessedArticle {
        func failed(_ reason: String) -> ProcessedArticle {
            let failure = FailureRecord(id: record.id, attempt: record.attempt, source: record.source, reason: reason, stage: .analysis)
            return ProcessedArticle(ResultRecord(id: record.id, attempt: record.attempt, status: .failed, line: failure.jsonLine))
        }
        let url = record.url.isEmpty ? nil : record.url
        let title = record.title.isEmpty ? nil : record.title
        let published = record.published.isEmpty ? nil : record.published
        let report: AnalysisReport
        do {
            switch record.format {
            case .text:
                // NUL bytes mean binary data, unless the bytes are not even UTF-8 (a binary file mostly is not).
                if record.body.containsByte(0) {
                    return failed(Self.firstInvalidUTF8Offset(record.body).map(Self.notUTF8(at:)) ?? "binary data (NUL bytes), not text")
                }
                // The analyzer checks and decodes the bytes in one pass.
                report = try analyzer.analyze(utf8: record.body, url: url, title: title, published: published)
            case .html:
                // Any encoding: the page is decoded as a browser would, never refused for it.
                report = try analyzer.analyze(html: record.body, charset: record.charset.isEmpty ? nil : record.charset,
                                              url: url, title: title, published: published)
            }
        } catch AnalysisError.invalidUTF8(let offset) {
            return failed(Self.notUTF8(at: offset))
        } catch {
            return failed("\(error)")
        }
        let (id, source, attempt, meta) = (record.id, record.source, record.attempt, record.metaJSON)
        return ProcessedArticle(id: id, attempt: attempt, status: .ok) {
            // 32 KB holds most lines (about 17 KB); 64 KB would be a glibc chunk big enough that
            // freeing it consolidates the analysis thread's small free chunks every article.
            var json = JSONWriter(capacity: 32_768)
            json.beginObject()
            json.member("id", id)
            json.member("source", source)
            json.member("attempt", attempt)
            if !meta.isEmpty {
                json.key("meta")
                json.rawValue(meta)
            }
            report.writeMembers(to: &json)
            json.endObject()
            return json.bytes
        }
    }

    private static func notUTF8(at offset: Int) -> String {
        "not UTF-8 text (invalid byte at offset \(offset)); binary file?"
    }

    /// The offset of the first byte that breaks UTF-8, or `nil` for valid text.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
