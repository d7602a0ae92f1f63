import ZeroMQ

/// Reads intake requests and writes their replies (`PROTOCOL.md`, "Intake").
///
/// A request is `[empty delimiter,] "copydesk-intake/1", article JSON` (REQ sockets add the
/// delimiter themselves); the reply, under the same envelope, is one JSON object:
/// `{"id":..., "status":"accepted"}`, `{"id":..., "status":"rejected", "reason":...}` or, when
/// the ventilator holds too much already, `{"id":..., "status":"busy", "reason":...}`: retry later.
public struct IntakeHandler {
    public static let version = "copydesk-intake/1"
    let maximumBodyBytes: Int

    /// The reply frames (routing envelope included), and the article when it was accepted.
    /// Whether the ventilator can take an article now.
    enum Admission {
        case open
        /// Too many articles wait already: the client should retry later.
        case busy(queued: Int)
        case stopping
    }

    func handle(_ frames: [Frame], admission: Admission) -> (reply: [Frame], article: ArticleRecord?) {
        // Envelope: the routing id, and the empty delimiter when the client put one.
        var envelopeCount = 1
        if frames.count > 1, frames[1].count == 0 { envelopeCount = 2 }
        let envelope = Array(frames.prefix(envelopeCount))
        let body = frames.dropFirst(envelopeCount)
        func reply(_ id: String?, _ status: String, _ reason: String? = nil) -> [Frame] {
            var json: [UInt8] = [UInt8(ascii: "{")]
            JSONText.appendKey("id", first: true, to: &json)
            if let id { JSONText.appendString(id, to: &json) } else { json += Array("null".utf8) }
            JSONText.appendKey("status", to: &json)
            JSONText.appendString(status, to: &json)
            if let reason {
                JSONText.appendKey("reason", to: &json)
                JSONText.appendString(reason, to: &json)
            }
            json.append(UInt8(ascii: "}"))
            return envelope + [Frame(json)]
        }
        guard body.count == 2 else {
            return (reply(nil, "rejected", "a request has 2 frames (\"\(Self.version)\", article JSON), not \(body.count)"), nil)
        }
        let version = body[body.startIndex]
        guard version.equals(Self.version.utf8) else {
            return (reply(nil, "rejected", "unsupported protocol version \"\(String((version.string ?? "<binary>").prefix(40)))\"; this intake speaks \(Self.version)"), nil)
        }
        switch ArticleJSON.parse(body[body.startIndex + 1].bytes, source: "intake", maximumBodyBytes: maximumBodyBytes) {
        case .failure(let error):
            return (reply(nil, "rejected", error.description), nil)
        case .success(let article):
            switch admission {
            case .open:
                return (reply(article.id, "accepted"), article)
            case .busy(let queued):
                return (reply(article.id, "busy", "\(queued) articles are waiting for workers; retry later"), nil)
            case .stopping:
                return (reply(article.id, "busy", "the ventilator is shutting down; retry later"), nil)
            }
        }
    }
}
