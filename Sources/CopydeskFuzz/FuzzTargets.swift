import Copydesk
import Foundation
import NewsAnalysis
import WebArticle
import ZeroMQ

/// The code that meets untrusted bytes, as fuzz targets: the analyzer, the web page parser and
/// extractor, and the decoders of the wire protocol, the intake and article JSON. Each must return (a value or an error) for any
/// input; a crash or a hang is a bug.
enum FuzzTargets {
    static let analyzer = try! Analyzer()

    /// Any bytes as an article.
    static func analysis(_ bytes: [UInt8]) {
        _ = try? analyzer.analyze(utf8: bytes)
    }

    /// Any bytes as a web page, in any encoding: decoded, parsed, its article extracted and analysed.
    static func webPage(_ bytes: [UInt8]) {
        _ = try? analyzer.analyze(html: bytes)
        // The first byte picks a declared charset, so the transcoders see the bytes too.
        let charsets = ["windows-1252", "shift_jis", "koi8-r", "gbk", "utf-16le", "iso-2022-jp", "euc-kr", "big5"]
        if let first = bytes.first {
            _ = try? WebArticleExtractor().extract(Array(bytes.dropFirst()), charset: charsets[Int(first) % charsets.count])
        }
    }

    /// Any bytes as frames (split at 0xFF) of a pipeline message, an intake request, and an article object.
    static func protocols(_ bytes: [UInt8]) {
        let frames = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { Frame(Array($0)) }
        if let message = try? WireMessage(frames: frames[...]) {
            // Whatever decodes must encode back to the same message.
            precondition((try? WireMessage(frames: message.frames[...])) == message, "a decoded message does not survive its own frames")
        }
        _ = ArticleJSON.parse(bytes, source: "fuzz", maximumBodyBytes: 1 << 20)
        let envelope = [Frame("peer"), Frame()] + frames
        _ = IntakeHandler.fuzz(envelope)
    }
}
