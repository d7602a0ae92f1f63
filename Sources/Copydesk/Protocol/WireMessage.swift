import ZeroMQ

/// The messages between ventilator, workers and sink (`Sources/Copydesk/Protocol/PROTOCOL.md`).
///
/// Every message is multipart: frame 0 is the protocol version `copydesk/2`, frame 1 the kind,
/// then the kind's frames. Numbers are ASCII decimal; text is UTF-8; bodies are raw bytes;
/// per-article fields travel packed in one frame (``PackedFields``).
public enum WireMessage: Sendable, Hashable {
    /// Worker → ventilator: "I can take `free` more tasks; of yours (instance `ventilator`) I
    /// have received `received` in all; I still hold `holding` (queued, being analysed, or
    /// finished and not yet taken by the sink)". Sent as slots free up and as a heartbeat.
    case credit(ventilator: String, received: Int, free: Int, holding: [String])
    /// Ventilator → worker: leased articles, each 2 frames (fields, body).
    case tasks(ventilator: String, [ArticleRecord])
    /// Worker or ventilator → sink: finished articles, each 2 frames (fields, line).
    case results([ResultRecord])
    /// Sink → ventilator: ids written and synced (or already present), all in one frame.
    case acks([Ack])

    public static let version = "copydesk/2"

    /// The message's frames, ready to send (a ROUTER prepends the peer's routing id).
    public var frames: [Frame] {
        var frames = [Frame(Self.version)]
        switch self {
        case .credit(let ventilator, let received, let free, let holding):
            var ids = PackedFields(capacity: holding.count * 40)
            for id in holding { ids.append(id) }
            frames += [Frame("CREDIT"), Frame(ventilator), Frame(String(received)), Frame(String(free)), ids.frame]
        case .tasks(let ventilator, let articles):
            frames.reserveCapacity(3 + articles.count * 2)
            frames += [Frame("TASKS"), Frame(ventilator)]
            for article in articles {
                var fields = PackedFields()
                fields.append(article.id)
                fields.append(String(article.attempt))
                fields.append(article.source)
                fields.append(article.format.rawValue)
                fields.append(article.url)
                fields.append(article.title)
                fields.append(article.published)
                fields.append(article.metaJSON)
                fields.append(article.charset)
                frames += [fields.frame, Frame(article.body)]
            }
        case .results(let records):
            frames.reserveCapacity(2 + records.count * 2)
            frames.append(Frame("RESULTS"))
            for record in records {
                var fields = PackedFields()
                fields.append(record.id)
                fields.append(String(record.attempt))
                fields.append(record.status.rawValue)
                frames += [fields.frame, Frame(record.line)]
            }
        case .acks(let acks):
            var fields = PackedFields(capacity: acks.count * 40)
            for ack in acks {
                fields.append(ack.id)
                fields.append(ack.status.rawValue)
            }
            frames += [Frame("ACKS"), fields.frame]
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
        func text(_ bytes: [UInt8]) throws(WireError) -> String {
            guard let value = String(validating: bytes, as: UTF8.self) else { throw .malformed("\(kind): a text field is not UTF-8") }
            return value
        }
        func number(_ bytes: [UInt8]) throws(WireError) -> Int {
            guard let value = Int(try text(bytes)) else { throw .malformed("\(kind): a number field is not a number") }
            return value
        }
        let parts = Array(body)
        switch kind {
        case "CREDIT":
            // The fourth frame, the ids held, came later: three-frame credits are read too.
            guard parts.count == 3 || parts.count == 4 else { throw .malformed("CREDIT has 4 frames, not \(parts.count)") }
            var holding: [String] = []
            if parts.count == 4 {
                let fields = try PackedFields.read(parts[3])
                holding.reserveCapacity(fields.count)
                for field in fields { holding.append(try text(field)) }
            }
            self = .credit(ventilator: try text(parts[0].bytes), received: try number(parts[1].bytes), free: try number(parts[2].bytes), holding: holding)
        case "TASKS":
            guard parts.count >= 1, (parts.count - 1) % 2 == 0 else { throw .malformed("TASKS has 1 + 2n frames, not \(parts.count)") }
            var articles: [ArticleRecord] = []
            articles.reserveCapacity(parts.count / 2)
            for base in stride(from: 1, to: parts.count, by: 2) {
                let fields = try PackedFields.read(parts[base])
                // The ninth field, charset, came later: eight-field articles are read too.
                guard fields.count == 8 || fields.count == 9 else { throw .malformed("TASKS: an article has 9 fields, not \(fields.count)") }
                guard let format = ArticleRecord.BodyFormat(rawValue: try text(fields[3])) else {
                    throw .malformed("TASKS: unknown body format")
                }
                articles.append(ArticleRecord(
                    id: try text(fields[0]), attempt: try number(fields[1]), source: try text(fields[2]),
                    format: format, body: parts[base + 1].bytes, url: try text(fields[4]),
                    title: try text(fields[5]), published: try text(fields[6]), metaJSON: fields[7],
                    charset: fields.count > 8 ? try text(fields[8]) : ""
                ))
            }
            self = .tasks(ventilator: try text(parts[0].bytes), articles)
        case "RESULTS":
            guard parts.count % 2 == 0 else { throw .malformed("RESULTS has 2n frames, not \(parts.count)") }
            var records: [ResultRecord] = []
            records.reserveCapacity(parts.count / 2)
            for base in stride(from: 0, to: parts.count, by: 2) {
                let fields = try PackedFields.read(parts[base])
                guard fields.count == 3 else { throw .malformed("RESULTS: a record has 3 fields, not \(fields.count)") }
                guard let status = ResultRecord.Status(rawValue: try text(fields[2])) else {
                    throw .malformed("RESULTS: unknown status")
                }
                records.append(ResultRecord(id: try text(fields[0]), attempt: try number(fields[1]), status: status, line: parts[base + 1].bytes))
            }
            self = .results(records)
        case "ACKS":
            guard parts.count == 1 else { throw .malformed("ACKS has 1 frame, not \(parts.count)") }
            let fields = try PackedFields.read(parts[0])
            guard fields.count % 2 == 0 else { throw .malformed("ACKS holds pairs of fields, not \(fields.count) fields") }
            var acks: [Ack] = []
            acks.reserveCapacity(fields.count / 2)
            for base in stride(from: 0, to: fields.count, by: 2) {
                guard let status = Ack.Status(rawValue: try text(fields[base + 1])) else { throw .malformed("ACKS: unknown status") }
                acks.append(Ack(id: try text(fields[base]), status: status))
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
