import Copydesk

/// The exact texts of some articles, found again in the inputs a run read (`--articles`).
///
/// The inputs go through the same ``ArticleSource`` as `copydesk run`, so ids are derived the
/// same way. A text is kept only if its FNV-1a hash equals the report's `contentHash`: that is
/// the text the spans index. An HTML input never matches (the analyzer saw the text extracted
/// from it), nor does a file edited since the run; those articles are rebuilt from the report.
public enum OriginalArticles {
    /// - Parameters:
    ///   - wanted: Report ids and their content hashes.
    /// - Returns: Texts by id, for the ids whose text was found unchanged.
    public static func find(_ wanted: [String: String], in inputs: [String], maximumBodyBytes: Int) -> [String: String] {
        var found: [String: String] = [:]
        let source = ArticleSource(inputs: inputs, maximumBodyBytes: maximumBodyBytes)
        while found.count < wanted.count, let item = source.next() {
            guard case .article(let record) = item, record.format == .text,
                  let hash = wanted[record.id], found[record.id] == nil,
                  hash == contentHash(record.body),
                  let text = String(validating: record.body, as: UTF8.self)
            else { continue }
            found[record.id] = text
        }
        return found
    }

    /// FNV-1a 64 over UTF-8 bytes as 16 hex digits: the report's `contentHash`.
    static func contentHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
