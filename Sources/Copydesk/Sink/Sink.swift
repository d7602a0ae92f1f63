import CoreMetrics
import JSONOutput
import Logging
import ZeroMQ

/// The sink: writes each result once, on disk, before it acknowledges it.
///
/// Results arrive on a PULL socket; reports go to the output, failures to the errors file and
/// articles given up to the dead-letter file, all JSON Lines. Every batch is written and `fsync`ed, and only then are its ids
/// acknowledged to the ventilator. Ids already in any of the files (rebuilt at start) are
/// acknowledged as duplicates and not written again, so redelivery never duplicates a line.
public final class Sink: @unchecked Sendable {
    // @unchecked: made on one thread and then handed to the one thread that runs it; never shared.
    public struct Configuration: Sendable {
        /// Where workers (and the ventilator, for input failures) send results; bound here.
        public var resultsEndpoint: String
        /// The ventilator's task endpoint, where acknowledgements go.
        public var ventilatorEndpoint: String
        public var outputPath: String
        public var errorsPath: String
        /// Articles the ventilator gave up on after their last attempt.
        public var deadLetterPath: String
        /// A batch is synced when it holds this many bytes...
        public var batchBytes = 1 << 20
        /// ...or when its oldest line has waited this long.
        public var batchDelay: Duration = .milliseconds(20)
        /// CURVE keys: the results endpoint admits only allowlisted clients. `nil`: plain text.
        public var curve: CurveSetup?
        /// Where the metrics go: `nil` for the role's own Prometheus registry, served on
        /// `/metrics`; any swift-metrics backend otherwise.
        public var metricsFactory: (any MetricsFactory)?

        public init(resultsEndpoint: String, ventilatorEndpoint: String, outputPath: String, errorsPath: String) {
            self.resultsEndpoint = resultsEndpoint
            self.ventilatorEndpoint = ventilatorEndpoint
            self.outputPath = outputPath
            self.errorsPath = errorsPath
            self.deadLetterPath = Self.defaultDeadLetterPath(for: outputPath)
        }

        /// `results.jsonl` → `results.errors.jsonl`.
        public static func defaultErrorsPath(for output: String) -> String {
            (output.hasSuffix(".jsonl") ? String(output.dropLast(6)) : output) + ".errors.jsonl"
        }

        /// `results.jsonl` → `results.dead-letters.jsonl`.
        public static func defaultDeadLetterPath(for output: String) -> String {
            (output.hasSuffix(".jsonl") ? String(output.dropLast(6)) : output) + ".dead-letters.jsonl"
        }
    }

    public let configuration: Configuration
    private let output: OutputLog
    private let errors: OutputLog
    private let deadLetters: OutputLog
    private let logger: Logger
    private var violations = ViolationLog(role: "sink")
    /// Redeliveries of articles already written, acknowledged without writing them again.
    private var duplicatesSuppressed = 0

    /// What the sink exposes on `/metrics` (see ``MetricsServer``).
    public let metrics: Metrics

    static let metricDefinitions: [String: (kind: String, text: String)] = [
        "copydesk_sink_lines_total": ("counter", "Lines written, by file: output, errors, dead_letters."),
        "copydesk_sink_duplicates_suppressed_total": ("counter", "Redelivered articles acknowledged without writing them again."),
        "copydesk_sink_malformed_total": ("counter", "Messages ignored because they break the protocol."),
        "copydesk_sink_sync_seconds": ("histogram", "Writing and fsyncing one batch, before its acknowledgement."),
    ]

    private func publishMetrics() {
        metrics.publish(
            counters: [
                #"copydesk_sink_lines_total{file="output"}"#: output.ids.count - recovered.output,
                #"copydesk_sink_lines_total{file="errors"}"#: errors.ids.count - recovered.errors,
                #"copydesk_sink_lines_total{file="dead_letters"}"#: deadLetters.ids.count - recovered.deadLetters,
                "copydesk_sink_duplicates_suppressed_total": duplicatesSuppressed,
                "copydesk_sink_malformed_total": violations.count,
            ],
            gauges: [:]
        )
    }

    /// Ids read back at start, so the counters count this process's writes.
    private var recovered = (output: 0, errors: 0, deadLetters: 0)

    /// Opens the output and errors files and reads back the ids they hold.
    public init(_ configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        metrics = Metrics(Self.metricDefinitions, factory: configuration.metricsFactory)
        output = try OutputLog(path: configuration.outputPath)
        errors = try OutputLog(path: configuration.errorsPath)
        deadLetters = try OutputLog(path: configuration.deadLetterPath)
        recovered = (output.ids.count, errors.ids.count, deadLetters.ids.count)
        if !output.ids.isEmpty || !errors.ids.isEmpty {
            logger.info("resuming", metadata: ["reports": "\(output.ids.count)", "errors": "\(errors.ids.count)"])
        }
    }

    /// Ids already written, reports and failures alike (a ventilator in the same process skips them).
    public var writtenIDs: Set<String> { output.ids.union(errors.ids).union(deadLetters.ids) }

    /// Whether `id` is in any of the three files: each article is in exactly one, once.
    private func holds(_ id: String) -> Bool {
        output.ids.contains(id) || errors.ids.contains(id) || deadLetters.ids.contains(id)
    }

    private var pendingBytes: Int { output.pendingBytes + errors.pendingBytes + deadLetters.pendingBytes }

    /// Receives, writes and acknowledges until `stop` is requested, then syncs what it holds
    /// and returns. Call on a thread of your own.
    public func run(context: Context, stop: StopSignal, bound: (@Sendable (String) -> Void)? = nil) throws {
        let authenticator = try configuration.curve?.makeAuthenticator(context: context, logger: logger)
        defer { authenticator?.stop() }
        let results = try Socket(context, type: .pull)
        if let curve = configuration.curve, let authenticator { try curve.secureServer(results, authenticator: authenticator) }
        try results.set(.maxMessageSize, Limits.maximumMessageBytes)
        try results.set(.receiveHighWaterMark, 10_000)
        let endpoint = try results.bind(configuration.resultsEndpoint)
        let acks = try Socket(context, type: .dealer)
        // A name of its own for this start: the ventilator tells a restarted sink from a
        // reconnected one by it (and hands out at once what the old one never acknowledged).
        try acks.set(.routingID, Array("s-\(UInt64.random(in: 1...UInt64.max))".utf8))
        try configuration.curve?.secureClient(acks)
        try acks.set(.linger, .seconds(2))
        let ventilatorPeer = try PeerConnection(acks, to: configuration.ventilatorEndpoint)
        logger.info("sink ready", metadata: ["results": "\(endpoint)", "output": "\(configuration.outputPath)"])
        bound?(endpoint)

        let poller = Poller()
        poller.register(results)
        // A stop wakes the loop at once; the sink then takes one more pass and returns.
        poller.register(fileDescriptor: stop.wakeDescriptor)
        let clock = ContinuousClock()
        var batch: [Ack] = []
        // Acknowledgements of what is on disk that the ventilator could not take yet (its queue
        // full, or it is away): sent again until it does, so its leases end without expiring.
        var unsent: [Ack] = []
        var batchStarted = clock.now
        var stopping = false
        while true {
            var deadline = batch.isEmpty ? Duration.milliseconds(100) : max(.zero, configuration.batchDelay - (clock.now - batchStarted))
            if !unsent.isEmpty { deadline = min(deadline, .milliseconds(10)) }
            let woken = try !poller.poll(timeout: deadline).isEmpty
            try ventilatorPeer.follow()
            if woken {
                // Take everything waiting, without blocking, up to the batch size.
                while pendingBytes < configuration.batchBytes,
                      let frames = try results.receive(wait: .never) {
                    if batch.isEmpty { batchStarted = clock.now }
                    take(frames, into: &batch)
                }
            }
            let full = pendingBytes >= configuration.batchBytes
            if !batch.isEmpty, full || clock.now - batchStarted >= configuration.batchDelay || stopping {
                let syncStart = clock.now
                try output.sync()
                try errors.sync()
                try deadLetters.sync()
                metrics.observe("copydesk_sink_sync_seconds", seconds: (clock.now - syncStart).seconds)
                unsent += batch
                let duplicates = batch.lazy.filter { $0.status == .duplicate }.count
                if duplicates > 0 { logger.info("suppressed duplicates", metadata: ["count": "\(duplicates)"]) }
                batch.removeAll(keepingCapacity: true)
                publishMetrics()
            }
            if !unsent.isEmpty, try acks.send(WireMessage.acks(unsent).frames, wait: .never) { unsent.removeAll(keepingCapacity: true) }
            if stopping {
                if !unsent.isEmpty { logger.warning("acknowledgements not sent; the ventilator will lease these articles again and the sink will suppress the duplicates", metadata: ["count": "\(unsent.count)"]) }
                break
            }
            // One more pass after the stop request, to take what already arrived.
            if stop.isRequested { stopping = true }
        }
        logger.info("sink stopped", metadata: ["reports": "\(output.ids.count)", "errors": "\(errors.ids.count)", "dead letters": "\(deadLetters.ids.count)", "duplicates suppressed": "\(duplicatesSuppressed)"])
    }

    /// A line the output can hold: one line, a JSON object whose first member is the record's
    /// own id (so the id set rebuilt from the file matches what was acknowledged).
    static func isWellFormed(_ record: ResultRecord) -> Bool {
        var prefix = Array(#"{"id":"#.utf8)
        JSONText.appendString(record.id, to: &prefix)
        return record.line.starts(with: prefix) && record.line.last == UInt8(ascii: "}")
            && !record.line.containsByte(0x0A) && !record.line.containsByte(0x0D)
    }

    private func take(_ frames: [Frame], into batch: inout [Ack]) {
        let records: [ResultRecord]
        do {
            guard case .results(let received) = try WireMessage(frames: frames[...]) else {
                violations.record("not RESULTS", logger: logger)
                return
            }
            records = received
        } catch {
            violations.record("\(error)", logger: logger)
            return
        }
        for record in records {
            guard Self.isWellFormed(record) else {
                violations.record("a RESULTS line that is not one JSON object starting with its id", logger: logger)
                continue
            }
            if holds(record.id) {
                batch.append(Ack(id: record.id, status: .duplicate))
                duplicatesSuppressed += 1
                continue
            }
            switch record.status {
            case .ok:
                output.append(id: record.id, line: record.line)
                batch.append(Ack(id: record.id, status: .ok))
            case .failed:
                errors.append(id: record.id, line: record.line)
                batch.append(Ack(id: record.id, status: .failed))
            case .dead:
                deadLetters.append(id: record.id, line: record.line)
                batch.append(Ack(id: record.id, status: .dead))
            }
        }
    }
}
