import JSONOutput
import ZeroMQ

/// Reads intake requests and writes their replies (`PROTOCOL.md`, "Intake").
///
/// A request is `[request id..., empty delimiter,] "copydesk-intake/1", article JSON` (REQ
/// sockets add the delimiter themselves; a DEALER may put frames of its own before it, such as
/// a request id, and gets them back); the reply, under the same envelope, is one JSON object:
/// `{"id":..., "status":"accepted"}` (with `"duplicate": true` for an id already taken),
/// `{"id":..., "status":"rejected", "reason":...}` or, when the ventilator holds too much
/// already, `{"id":..., "status":"busy", "reason":...}`: retry later.
public struct IntakeHandler {
    public static let version = "copydesk-intake/1"
    /// Frames a client may put before the delimiter (a request id, say), echoed in the reply.
    static let maximumEnvelopeFrames = 8
    let maximumBodyBytes: Int

    /// Whether the ventilator can take an article now.
    enum Admission {
        case open
        /// Too many articles wait already: the client should retry later.
        case busy(queued: Int)
        case stopping
    }

    /// What to do with one request.
    enum Outcome {
        /// Answer now (a rejection or busy).
        case reply([Frame])
        /// A valid article: record it, then answer with ``IntakeHandler/accepted(envelope:id:duplicate:)``.
        case article(ArticleRecord, envelope: [Frame])
    }

    func handle(_ frames: [Frame], admission: Admission) -> Outcome {
        // Envelope: the routing id, then the client's own frames up to an empty delimiter, when
        // it put one; all of it goes back with the reply.
        var envelopeCount = 1
        if let delimiter = frames.prefix(Self.maximumEnvelopeFrames + 1).dropFirst().firstIndex(where: { $0.count == 0 }) {
            envelopeCount = delimiter + 1
        }
        let envelope = Array(frames.prefix(envelopeCount))
        let body = frames.dropFirst(envelopeCount)
        guard body.count == 2 else {
            return .reply(Self.reply(envelope, nil, "rejected", "a request has 2 frames (\"\(Self.version)\", article JSON), not \(body.count)"))
        }
        let version = body[body.startIndex]
        guard version.equals(Self.version.utf8) else {
            return .reply(Self.reply(envelope, nil, "rejected", "unsupported protocol version \"\(String((version.string ?? "<binary>").prefix(40)))\"; this intake speaks \(Self.version)"))
        }
        switch ArticleJSON.parse(body[body.startIndex + 1].bytes, source: "intake", maximumBodyBytes: maximumBodyBytes) {
        case .failure(let error):
            return .reply(Self.reply(envelope, nil, "rejected", error.description))
        case .success(let article):
            switch admission {
            case .open:
                return .article(article, envelope: envelope)
            case .busy(let queued):
                return .reply(Self.reply(envelope, article.id, "busy", "\(queued) articles are waiting for workers; retry later"))
            case .stopping:
                return .reply(Self.reply(envelope, article.id, "busy", "the ventilator is shutting down; retry later"))
            }
        }
    }

    /// Runs one request through the handler as a fuzz target does (the handler is internal).
    public static func fuzz(_ frames: [Frame]) -> Bool {
        if case .article = IntakeHandler(maximumBodyBytes: 1 << 20).handle(frames, admission: .open) { return true }
        return false
    }

    /// The answer to an article now recorded; `duplicate` when its id was taken before.
    static func accepted(envelope: [Frame], id: String, duplicate: Bool) -> [Frame] {
        reply(envelope, id, "accepted", nil, duplicate: duplicate)
    }

    private static func reply(_ envelope: [Frame], _ id: String?, _ status: String, _ reason: String?, duplicate: Bool = false) -> [Frame] {
        var json: [UInt8] = [UInt8(ascii: "{")]
        JSONText.appendKey("id", first: true, to: &json)
        if let id { JSONText.appendString(id, to: &json) } else { json += Array("null".utf8) }
        JSONText.appendKey("status", to: &json)
        JSONText.appendString(status, to: &json)
        if duplicate {
            JSONText.appendKey("duplicate", to: &json)
            json += Array("true".utf8)
        }
        if let reason {
            JSONText.appendKey("reason", to: &json)
            JSONText.appendString(reason, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        return envelope + [Frame(json)]
    }
}
