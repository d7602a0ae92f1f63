import Foundation
import JSONOutput
import NewsAnalysis

/// The workers' default ``ArticleProcessor``: checks the bytes, runs ``Analyzer`` and writes
/// the report line, which starts `{"id":...,"source":...,"attempt":...` and goes on with the
/// report's own fields.
public struct ReportProcessor: Sendable {
    private let analyzer: Analyzer

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    public func process(_ record: ArticleRecord) -> ResultRecord {
        func failed(_ reason: String) -> ResultRecord {
            let failure = FailureRecord(id: record.id, attempt: record.attempt, source: record.source, reason: reason, stage: .analysis)
            return ResultRecord(id: record.id, attempt: record.attempt, status: .failed, line: failure.jsonLine)
        }
        // One validating pass; the slow search for the offending byte only runs on failure.
        guard let text = String(validating: record.body, as: UTF8.self) else {
            return failed("not UTF-8 text (invalid byte at offset \(Self.firstInvalidUTF8Offset(record.body) ?? 0)); binary file?")
        }
        if record.body.containsByte(0) {
            return failed("binary data (NUL bytes), not text")
        }
        let article = Article(
            id: nil,
            text: record.format == .html ? HTMLText.extract(text) : text,
            url: record.url.isEmpty ? nil : record.url,
            title: record.title.isEmpty ? nil : record.title,
            published: record.published.isEmpty ? nil : record.published
        )
        do {
            let report = try analyzer.analyze(article)
            return ResultRecord(id: record.id, attempt: record.attempt, status: .ok, line: line(for: record, report: report))
        } catch {
            return failed("\(error)")
        }
    }

    private func line(for record: ArticleRecord, report: AnalysisReport) -> [UInt8] {
        var json = JSONWriter(capacity: 65_536)
        json.beginObject()
        json.member("id", record.id)
        json.member("source", record.source)
        json.member("attempt", record.attempt)
        if !record.metaJSON.isEmpty {
            json.key("meta")
            json.rawValue(record.metaJSON)
        }
        report.writeMembers(to: &json)
        json.endObject()
        return json.bytes
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
