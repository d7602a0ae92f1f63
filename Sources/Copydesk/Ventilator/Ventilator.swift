import CoreMetrics
import DequeModule
import Foundation
import Logging
import ZeroMQ

/// The ventilator: reads articles and hands them to workers under credit-based leases.
///
/// Workers (DEALER) advertise free slots; the ventilator (ROUTER) sends each article to one
/// worker with a deadline and keeps the lease until the sink acknowledges the id. A lease
/// whose worker falls silent, or whose deadline passes, is handed out again with attempt + 1;
/// after ``Configuration/maximumAttempts`` it goes to the sink's dead-letter file. Input
/// that cannot become an article goes to the sink as a failure record, under a lease too, so
/// every id read ends up acknowledged exactly once.
public final class Ventilator {
    public struct Configuration: Sendable {
        /// Where workers connect for tasks and the sink for acknowledgements; bound here.
        public var tasksEndpoint: String
        /// The sink's results endpoint, for input failure records.
        public var sinkEndpoint: String
        /// Where other systems submit articles (``IntakeProtocol``); bound here. `nil`: no intake.
        public var intakeEndpoint: String?
        /// Files, directories and `-`, read in order.
        public var inputs: [String] = []
        public var maximumArticleBytes = Limits.defaultMaximumArticleBytes
        /// How long a lease lasts after the worker last said it holds the article (each CREDIT
        /// names what it holds): it catches results lost on the way to the sink, not slow work.
        public var leaseTimeout: Duration = .seconds(60)
        /// How long a worker may stay silent before its leases are handed out again.
        public var workerTimeout: Duration = .seconds(5)
        /// Deliveries before the article is given up and sent to the sink's dead-letter file.
        public var maximumAttempts = 3
        /// Most articles per TASKS message.
        public var batchSize = 32
        /// Articles read ahead of demand.
        public var readAhead = 1024
        /// Articles waiting for a worker beyond which the intake answers `busy`, so a fast
        /// submitter cannot grow the ventilator's memory without bound.
        public var intakeQueueLimit = 10_000
        /// Return once every input is read and acknowledged (no intake).
        public var exitWhenDone: Bool
        /// Ids already written, skipped at reading (resume).
        public var skip: Set<String> = []
        /// After a stop request, how long to wait for leases in flight to be acknowledged.
        public var drainTimeout: Duration = .seconds(30)
        /// Where intake articles are journaled before they are accepted (SQLite); `nil`: memory only.
        public var journalPath: String?
        /// CURVE keys: the task and intake endpoints admit only allowlisted clients. `nil`: plain text.
        public var curve: CurveSetup?
        /// Where the metrics go: `nil` for the role's own Prometheus registry, served on
        /// `/metrics`; any swift-metrics backend otherwise.
        public var metricsFactory: (any MetricsFactory)?

        public init(tasksEndpoint: String, sinkEndpoint: String, exitWhenDone: Bool) {
            self.tasksEndpoint = tasksEndpoint
            self.sinkEndpoint = sinkEndpoint
            self.exitWhenDone = exitWhenDone
        }
    }

    /// Endpoints actually bound (real ports for `*`).
    public struct BoundEndpoints: Sendable {
        public var tasks: String
        public var intake: String?
    }

    public let configuration: Configuration
    let logger: Logger
    let clock = ContinuousClock()
    let instance = String(UInt64.random(in: 1...UInt64.max), radix: 36)

    var source: ArticleSource
    /// Articles waiting for a worker, redeliveries first.
    var queue = Deque<ArticleRecord>()
    var leases: [String: Lease] = [:]
    var workers: [[UInt8]: WorkerState] = [:]
    var progress = PipelineProgress()
    var journal: IntakeJournal?
    var violations = ViolationLog(role: "ventilator")
    var failuresToSend: [ResultRecord] = []
    /// The routing id of the sink that acknowledges: a new one means the sink restarted.
    var sinkInstance: [UInt8]?
    /// When a new sink was first heard from, until what the old one took is handed out again.
    var sinkRestartedAt: ContinuousClock.Instant?

    public init(_ configuration: Configuration, logger: Logger) throws {
        try ArticleSource.validate(configuration.inputs)
        self.configuration = configuration
        self.logger = logger
        metrics = Metrics(Self.metricDefinitions, factory: configuration.metricsFactory)
        self.source = ArticleSource(inputs: configuration.inputs, maximumBodyBytes: configuration.maximumArticleBytes)
    }

    /// Runs until every input is acknowledged (with ``Configuration/exitWhenDone``) or until
    /// `stop` is requested and what is in flight has drained. Call on a thread of your own.
    @discardableResult
    public func run(
        context: Context,
        stop: StopSignal,
        bound: (@Sendable (BoundEndpoints) -> Void)? = nil,
        onProgress: ((PipelineProgress) -> Void)? = nil
    ) throws -> PipelineProgress {
        let authenticator = try configuration.curve?.makeAuthenticator(context: context, logger: logger)
        defer { authenticator?.stop() }
        let router = try Socket(context, type: .router)
        if let curve = configuration.curve, let authenticator { try curve.secureServer(router, authenticator: authenticator) }
        try router.set(.routerMandatory, true)
        try router.set(.maxMessageSize, 1 << 20)
        try router.set(.linger, .seconds(1))
        let tasksEndpoint = try router.bind(configuration.tasksEndpoint)
        let sink = try Socket(context, type: .push)
        try configuration.curve?.secureClient(sink)
        try sink.set(.linger, .seconds(2))
        let sinkPeer = try PeerConnection(sink, to: configuration.sinkEndpoint)
        var intake: Socket?
        var intakeEndpoint: String?
        if let endpoint = configuration.intakeEndpoint {
            let socket = try Socket(context, type: .router)
            if let curve = configuration.curve, let authenticator { try curve.secureServer(socket, authenticator: authenticator) }
            try socket.set(.maxMessageSize, configuration.maximumArticleBytes + (1 << 20))
            try socket.set(.linger, .seconds(1))
            intakeEndpoint = try socket.bind(endpoint)
            intake = socket
        }
        logger.info("ventilator ready", metadata: ["tasks": "\(tasksEndpoint)", "intake": "\(intakeEndpoint ?? "-")", "instance": "\(instance)"])
        bound?(BoundEndpoints(tasks: tasksEndpoint, intake: intakeEndpoint))

        let intakeHandler = intake.map { _ in IntakeHandler(maximumBodyBytes: configuration.maximumArticleBytes) }
        if intake != nil, let path = configuration.journalPath {
            let journal = try IntakeJournal(path: path)
            let resumed = try journal.unfinished()
            for article in resumed where leases[article.id] == nil { queue.append(article) }
            if !resumed.isEmpty { logger.info("resuming accepted articles from the journal", metadata: ["articles": "\(resumed.count)", "journal": "\(path)"]) }
            self.journal = journal
        }
        // The stop signal wakes the loop until it is seen; draining polls the sockets alone.
        let poller = Poller()
        let drainPoller = Poller()
        for each in [poller, drainPoller] {
            each.register(router)
            if let intake { each.register(intake) }
        }
        poller.register(fileDescriptor: stop.wakeDescriptor)
        let start = clock.now
        var lastProgress = start
        var lastExpiryCheck = start
        var drainDeadline: ContinuousClock.Instant?
        while true {
            let ready = try (drainDeadline == nil ? poller : drainPoller).poll(timeout: .milliseconds(20))
            try sinkPeer.follow()
            if ready.isReadable(router) {
                while let frames = try router.receive(wait: .never) { handleRouter(frames) }
            }
            if let intake, let handler = intakeHandler, ready.isReadable(intake) {
                try takeSubmissions(from: intake, handler: handler, stopping: drainDeadline != nil)
            }
            let now = clock.now
            if now - lastExpiryCheck >= .milliseconds(100) {
                expireLeases(now: now)
                lastExpiryCheck = now
            }
            if drainDeadline == nil {
                refill()
                try dispatch(router: router, now: now)
            }
            if !failuresToSend.isEmpty, try sink.send(WireMessage.results(failuresToSend).frames, wait: .never) {
                failuresToSend.removeAll(keepingCapacity: true)
            }

            progress.queued = queue.count
            progress.inFlight = leases.count
            progress.workersConnected = workers.count
            progress.elapsed = now - start
            if now - lastProgress >= .milliseconds(250) {
                onProgress?(progress)
                publishMetrics()
                lastProgress = now
            }
            if configuration.exitWhenDone, progress.inputsExhausted, progress.queued == 0, leases.isEmpty { break }
            if stop.isRequested, drainDeadline == nil {
                drainDeadline = now + configuration.drainTimeout
                logger.info("ventilator draining", metadata: ["in flight": "\(leases.count)"])
            }
            if let deadline = drainDeadline, leases.isEmpty || now >= deadline {
                if !leases.isEmpty { logger.warning("ventilator stopped with leases unacknowledged; they are read again next run", metadata: ["count": "\(leases.count)"]) }
                break
            }
        }
        onProgress?(progress)
        publishMetrics()
        logger.info("ventilator stopped", metadata: ["written": "\(progress.written)", "failed": "\(progress.failed)", "duplicates": "\(progress.duplicates)", "dead letters": "\(progress.deadLettered)", "redelivered": "\(progress.redelivered)"])
        return progress
    }

    // MARK: Metrics

    /// What the ventilator exposes on `/metrics` (see ``MetricsServer``).
    public let metrics: Metrics

    static let metricDefinitions: [String: (kind: String, text: String)] = [
        "copydesk_articles_read_total": ("counter", "Articles read from input files (skipped ones included)."),
        "copydesk_articles_accepted_total": ("counter", "Articles accepted over the intake, duplicates not counted."),
        "copydesk_intake_busy_total": ("counter", "Intake requests answered busy (backpressure)."),
        "copydesk_articles_leased_total": ("counter", "Leases handed to workers, redeliveries included."),
        "copydesk_articles_redelivered_total": ("counter", "Articles handed out again after a worker died or a lease ran out."),
        "copydesk_articles_done_total": ("counter", "Articles acknowledged by the sink, by outcome."),
        "copydesk_queue_depth": ("gauge", "Articles waiting for a worker."),
        "copydesk_in_flight": ("gauge", "Articles leased and not yet acknowledged."),
        "copydesk_workers_connected": ("gauge", "Workers heard from within the worker timeout."),
        "copydesk_lease_to_ack_seconds": ("histogram", "From lease to the sink's acknowledgement: queueing in the worker, analysis, transport and fsync."),
    ]

    private func publishMetrics() {
        metrics.publish(
            counters: [
                "copydesk_articles_read_total": progress.read,
                "copydesk_articles_accepted_total": progress.accepted,
                "copydesk_intake_busy_total": progress.busyReplies,
                "copydesk_articles_leased_total": progress.leased,
                "copydesk_articles_redelivered_total": progress.redelivered,
                #"copydesk_articles_done_total{status="ok"}"#: progress.written,
                #"copydesk_articles_done_total{status="failed"}"#: progress.failed,
                #"copydesk_articles_done_total{status="duplicate"}"#: progress.duplicates,
                #"copydesk_articles_done_total{status="dead"}"#: progress.deadLettered,
            ],
            gauges: [
                "copydesk_queue_depth": progress.queued,
                "copydesk_in_flight": progress.inFlight,
                "copydesk_workers_connected": progress.workersConnected,
            ]
        )
    }

    // MARK: Messages from workers and the sink

    private func handleRouter(_ frames: [Frame]) {
        guard frames.count >= 2 else { return }
        let peer = frames[0].bytes
        let message: WireMessage
        do {
            message = try WireMessage(frames: frames[1...])
        } catch {
            violations.record("\(error)", logger: logger)
            return
        }
        switch message {
        case .credit(let ventilator, let received, let free, let holding):
            let now = clock.now
            var worker = workers[peer] ?? WorkerState(lastSeen: now)
            worker.lastSeen = now
            // Tasks on their way to it are not in its count yet: subtract them from its offer.
            // Clamped, so a confused or hostile peer cannot overflow the arithmetic.
            let receivedHere = ventilator == instance ? min(max(received, 0), worker.sent) : 0
            worker.available = min(max(free, 0), 100_000) - (worker.sent - receivedHere)
            workers[peer] = worker
            // What it still holds stays leased to it: the deadline only catches what it dropped.
            for id in holding where leases[id]?.worker == peer {
                leases[id]!.deadline = now + configuration.leaseTimeout
            }
        case .acks(let acks):
            if let previous = sinkInstance, previous != peer { sinkRestartedAt = clock.now }
            sinkInstance = peer
            do {
                try journal?.finish(acks.map(\.id))
            } catch {
                // The sink has them; at worst a restart hands them out again and the sink says duplicate.
                logger.error("cannot mark articles finished in the journal", metadata: ["error": "\(error)"])
            }
            let now = clock.now
            var latencies: [Double] = []
            latencies.reserveCapacity(acks.count)
            for ack in acks {
                guard let lease = leases.removeValue(forKey: ack.id) else { continue }
                if let worker = lease.worker { workers[worker]?.leases.remove(ack.id) }
                latencies.append((now - lease.leasedAt).seconds)
                switch ack.status {
                case .ok: progress.written += 1
                case .failed: progress.failed += 1
                case .duplicate: progress.duplicates += 1
                case .dead: progress.deadLettered += 1
                }
            }
            metrics.observe("copydesk_lease_to_ack_seconds", seconds: latencies)
        case .tasks, .results:
            violations.record("a message meant for another role", logger: logger)
        }
    }

}
