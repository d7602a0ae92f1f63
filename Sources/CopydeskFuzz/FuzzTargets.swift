import Copydesk
import Foundation
import NewsAnalysis
import ZeroMQ

/// The code that meets untrusted bytes, as fuzz targets: the analyzer, and the decoders of the
/// wire protocol, the intake and article JSON. Each must return (a value or an error) for any
/// input; a crash or a hang is a bug.
enum FuzzTargets {
    static let analyzer = try! Analyzer()

    /// Any bytes as an article.
    static func analysis(_ bytes: [UInt8]) {
        _ = try? analyzer.analyze(utf8: bytes)
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
