import ZeroMQ

/// The messages between ventilator, workers and sink (`Sources/Copydesk/Protocol/PROTOCOL.md`).
///
/// Every message is multipart: frame 0 is the protocol version `copydesk/1`, frame 1 the kind,
/// then the kind's frames. Numbers are ASCII decimal; text is UTF-8; bodies are raw bytes.
public enum WireMessage: Sendable, Hashable {
    /// Worker → ventilator: "I can take `free` more tasks; of yours (instance `ventilator`) I
    /// have received `received` in all". Sent on every change and as a heartbeat.
    case credit(ventilator: String, received: Int, free: Int)
    /// Ventilator → worker: leased articles, each 9 frames.
    case tasks(ventilator: String, [ArticleRecord])
    /// Worker or ventilator → sink: finished articles, each 4 frames.
    case results([ResultRecord])
    /// Sink → ventilator: ids written and synced (or already present), each 2 frames.
    case acks([Ack])

    public static let version = "copydesk/1"

    /// The message's frames, ready to send (a ROUTER prepends the peer's routing id).
    public var frames: [Frame] {
        var frames = [Frame(Self.version)]
        switch self {
        case .credit(let ventilator, let received, let free):
            frames += [Frame("CREDIT"), Frame(ventilator), Frame(String(received)), Frame(String(free))]
        case .tasks(let ventilator, let articles):
            frames += [Frame("TASKS"), Frame(ventilator)]
            frames.reserveCapacity(3 + articles.count * 9)
            for article in articles {
                frames += [
                    Frame(article.id), Frame(String(article.attempt)), Frame(article.source),
                    Frame(article.format.rawValue), Frame(article.body), Frame(article.url),
                    Frame(article.title), Frame(article.published), Frame(article.metaJSON),
                ]
            }
        case .results(let records):
            frames.append(Frame("RESULTS"))
            frames.reserveCapacity(2 + records.count * 4)
            for record in records {
                frames += [Frame(record.id), Frame(String(record.attempt)), Frame(record.status.rawValue), Frame(record.line)]
            }
        case .acks(let acks):
            frames.append(Frame("ACKS"))
            for ack in acks { frames += [Frame(ack.id), Frame(ack.status.rawValue)] }
        }
        return frames
    }

    /// Reads a message from `frames` (without a ROUTER's routing id frame).
    public init(frames: ArraySlice<Frame>) throws(WireError) {
        guard let versionFrame = frames.first else { throw .malformed("empty message") }
        guard versionFrame.equals(Self.version.utf8) else {
            throw .unsupportedVersion(versionFrame.string ?? "<binary>")
        }
        let body = frames.dropFirst(2)
        guard let kind = frames.dropFirst().first?.string else { throw .malformed("no message kind") }
        func text(_ frame: Frame) throws(WireError) -> String {
            guard let value = frame.string else { throw .malformed("\(kind): a text frame is not UTF-8") }
            return value
        }
        func number(_ frame: Frame) throws(WireError) -> Int {
            guard let value = frame.string.flatMap({ Int($0) }) else { throw .malformed("\(kind): a number frame is not a number") }
            return value
        }
        let parts = Array(body)
        switch kind {
        case "CREDIT":
            guard parts.count == 3 else { throw .malformed("CREDIT has 3 frames, not \(parts.count)") }
            self = .credit(ventilator: try text(parts[0]), received: try number(parts[1]), free: try number(parts[2]))
        case "TASKS":
            guard parts.count >= 1, (parts.count - 1) % 9 == 0 else { throw .malformed("TASKS has 1 + 9n frames, not \(parts.count)") }
            var articles: [ArticleRecord] = []
            articles.reserveCapacity(parts.count / 9)
            for base in stride(from: 1, to: parts.count, by: 9) {
                guard let format = ArticleRecord.BodyFormat(rawValue: try text(parts[base + 3])) else {
                    throw .malformed("TASKS: unknown body format")
                }
                articles.append(ArticleRecord(
                    id: try text(parts[base]), attempt: try number(parts[base + 1]), source: try text(parts[base + 2]),
                    format: format, body: parts[base + 4].bytes, url: try text(parts[base + 5]),
                    title: try text(parts[base + 6]), published: try text(parts[base + 7]), metaJSON: parts[base + 8].bytes
                ))
            }
            self = .tasks(ventilator: try text(parts[0]), articles)
        case "RESULTS":
            guard parts.count % 4 == 0 else { throw .malformed("RESULTS has 4n frames, not \(parts.count)") }
            var records: [ResultRecord] = []
            records.reserveCapacity(parts.count / 4)
            for base in stride(from: 0, to: parts.count, by: 4) {
                guard let status = ResultRecord.Status(rawValue: try text(parts[base + 2])) else {
                    throw .malformed("RESULTS: unknown status")
                }
                records.append(ResultRecord(id: try text(parts[base]), attempt: try number(parts[base + 1]), status: status, line: parts[base + 3].bytes))
            }
            self = .results(records)
        case "ACKS":
            guard parts.count % 2 == 0 else { throw .malformed("ACKS has 2n frames, not \(parts.count)") }
            var acks: [Ack] = []
            for base in stride(from: 0, to: parts.count, by: 2) {
                guard let status = Ack.Status(rawValue: try text(parts[base + 1])) else { throw .malformed("ACKS: unknown status") }
                acks.append(Ack(id: try text(parts[base]), status: status))
            }
            self = .acks(acks)
        default:
            throw .malformed("unknown message kind \(kind)")
        }
    }
}

/// A finished article on its way to the sink.
public struct ResultRecord: Sendable, Hashable {
    public var id: String
    public var attempt: Int
    public var status: Status
    /// The JSON line to write, without its newline: a report, or a ``FailureRecord``.
    public var line: [UInt8]

    public enum Status: String, Sendable, Hashable {
        /// `line` is a report, for the output.
        case ok
        /// `line` is a failure record, for the errors file.
        case failed
        /// `line` is a failure record of an article given up after its last attempt, for the dead-letter file.
        case dead
    }

    public init(id: String, attempt: Int, status: Status, line: [UInt8]) {
        self.id = id
        self.attempt = attempt
        self.status = status
        self.line = line
    }
}

/// The sink's word that an article is safely on disk.
public struct Ack: Sendable, Hashable {
    public var id: String
    public var status: Status

    public enum Status: String, Sendable, Hashable {
        /// Written to the output.
        case ok
        /// Written to the errors file.
        case failed
        /// Written to the dead-letter file.
        case dead
        /// Already written by an earlier delivery; nothing new written.
        case duplicate
    }

    public init(id: String, status: Status) {
        self.id = id
        self.status = status
    }
}

/// A message that does not follow the protocol.
public enum WireError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsupportedVersion(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .unsupportedVersion(let version): "unsupported protocol version \"\(version.prefix(40))\" (this is \(WireMessage.version))"
        case .malformed(let reason): "malformed message: \(reason)"
        }
    }
}
