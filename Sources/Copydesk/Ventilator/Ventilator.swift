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
        /// How long a worker may hold an article before it is handed out again.
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
    private let logger: Logger
    private let clock = ContinuousClock()
    private let instance = String(UInt64.random(in: 1...UInt64.max), radix: 36)

    private var source: ArticleSource
    /// Articles waiting for a worker, redeliveries first.
    private var queue = Deque<ArticleRecord>()
    private var leases: [String: Lease] = [:]
    private var workers: [[UInt8]: WorkerState] = [:]
    private var progress = PipelineProgress()
    private var journal: IntakeJournal?
    private var violations = ViolationLog(role: "ventilator")
    private var failuresToSend: [ResultRecord] = []

    public init(_ configuration: Configuration, logger: Logger) throws {
        try ArticleSource.validate(configuration.inputs)
        self.configuration = configuration
        self.logger = logger
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
        try sink.connectRetryingSoon(configuration.sinkEndpoint)
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
        logger.info("ventilator stopped", metadata: ["written": "\(progress.written)", "failed": "\(progress.failed)", "duplicates": "\(progress.duplicates)", "dead letters": "\(progress.deadLettered)"])
        return progress
    }

    // MARK: Metrics

    /// What the ventilator exposes on `/metrics` (see ``MetricsServer``).
    public let metrics = Metrics([
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
    ])

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
        case .credit(let ventilator, let received, let free):
            var worker = workers[peer] ?? WorkerState(lastSeen: clock.now)
            worker.lastSeen = clock.now
            // Tasks on their way to it are not in its count yet: subtract them from its offer.
            // Clamped, so a confused or hostile peer cannot overflow the arithmetic.
            let receivedHere = ventilator == instance ? min(max(received, 0), worker.sent) : 0
            worker.available = min(max(free, 0), 100_000) - (worker.sent - receivedHere)
            workers[peer] = worker
        case .acks(let acks):
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

    // MARK: Reading and leasing

    /// Answers every waiting submission. Articles are journaled in one transaction before any
    /// of them is answered `accepted`; an id seen before is answered as a duplicate and not queued.
    private func takeSubmissions(from intake: Socket, handler: IntakeHandler, stopping: Bool) throws {
        // Answers go out in the order of the requests: clients match them by position.
        var answers: [[Frame]?] = []
        var accepted: [(article: ArticleRecord, envelope: [Frame], slot: Int)] = []
        while answers.count < 1000, let frames = try intake.receive(wait: .never) {
            let waiting = queue.count + accepted.count
            let admission: IntakeHandler.Admission = stopping ? .stopping
                : waiting >= configuration.intakeQueueLimit ? .busy(queued: waiting) : .open
            switch handler.handle(frames, admission: admission) {
            case .reply(let reply):
                if case .busy = admission { progress.busyReplies += 1 }
                answers.append(reply)
            case .article(let article, let envelope):
                accepted.append((article, envelope, answers.count))
                answers.append(nil)
            }
        }
        var known = try journal?.accept(accepted.map(\.article)) ?? []
        for (article, envelope, slot) in accepted {
            let duplicate = known.contains(article.id) || leases[article.id] != nil || configuration.skip.contains(article.id)
            if !duplicate {
                queue.append(article)
                // The same id twice in one batch: the second is the duplicate.
                known.insert(article.id)
                progress.accepted += 1
            }
            answers[slot] = IntakeHandler.accepted(envelope: envelope, id: article.id, duplicate: duplicate)
        }
        for answer in answers { try intake.send(answer!, wait: .never) }
    }

    /// Reads inputs until the read-ahead is full.
    private func refill() {
        guard !progress.inputsExhausted else { return }
        while queue.count < configuration.readAhead {
            guard let item = source.next() else {
                progress.inputsExhausted = true
                return
            }
            progress.read += 1
            switch item {
            case .article(let article):
                if configuration.skip.contains(article.id) {
                    progress.skipped += 1
                } else if leases[article.id] == nil {
                    queue.append(article)
                }
            case .failure(let failure):
                guard !configuration.skip.contains(failure.id), leases[failure.id] == nil else { continue }
                let record = ResultRecord(id: failure.id, attempt: failure.attempt, status: .failed, line: failure.jsonLine)
                leases[failure.id] = Lease(
                    article: ArticleRecord(id: failure.id, source: failure.source, body: []),
                    worker: nil, deadline: clock.now + configuration.leaseTimeout, leasedAt: clock.now, failure: record
                )
                failuresToSend.append(record)
            }
        }
    }

    private func dispatch(router: Socket, now: ContinuousClock.Instant) throws {
        // Every worker gets as much as its credit allows, in batches, before the next poll.
        for peer in Array(workers.keys) {
            while !queue.isEmpty, try sendBatch(to: peer, router: router, now: now) {}
        }
    }

    /// Leases the next batch of queued articles to `peer`; `false` when it can take none now.
    private func sendBatch(to peer: [UInt8], router: Socket, now: ContinuousClock.Instant) throws -> Bool {
        guard let worker = workers[peer], worker.available > 0 else { return false }
        let count: Int
        if queue[queue.startIndex].attempt > 1 {
            // A suspect: it was with a worker that died or stalled. It goes alone, to a worker
            // holding nothing else, so if it is what kills workers no other article is blamed
            // with it; fresh work waits behind it until a worker drains.
            guard worker.leases.isEmpty else { return false }
            count = 1
        } else {
            // Fresh articles, up to the next suspect.
            count = queue.prefix(min(worker.available, configuration.batchSize)).prefix { $0.attempt == 1 }.count
        }
        let batch = Array(queue.prefix(count))
        var frames = [Frame(peer)]
        frames += WireMessage.tasks(ventilator: instance, batch).frames
        do {
            guard try router.send(frames, wait: .never) else { return false }
        } catch ZMQError.hostUnreachable {
            // Gone since its last message: forget it; its leases expire with it.
            expire(worker: peer, reason: "disconnected")
            return false
        }
        queue.removeFirst(count)
        progress.leased += count
        // Mutated in place: a copy of the worker would copy its lease set on every batch.
        workers[peer]!.sent += count
        workers[peer]!.available -= count
        for article in batch {
            leases[article.id] = Lease(article: article, worker: peer, deadline: now + configuration.leaseTimeout, leasedAt: now)
            workers[peer]!.leases.insert(article.id)
        }
        return true
    }

    // MARK: Expiry

    private func expireLeases(now: ContinuousClock.Instant) {
        for (peer, worker) in workers where now - worker.lastSeen > configuration.workerTimeout {
            expire(worker: peer, reason: "worker silent for over \(configuration.workerTimeout)")
        }
        // Deadlines are a backstop for a stuck worker or a lost result; check them now and then.
        for (id, lease) in leases where lease.deadline < now {
            if let failure = lease.failure {
                leases[id]?.deadline = now + configuration.leaseTimeout
                failuresToSend.append(failure)
            } else {
                if let worker = lease.worker { workers[worker]?.leases.remove(id) }
                requeue(id, reason: "lease expired after \(configuration.leaseTimeout)")
            }
        }
    }

    private func expire(worker peer: [UInt8], reason: String) {
        guard let worker = workers.removeValue(forKey: peer) else { return }
        if !worker.leases.isEmpty {
            logger.warning("worker lost; its articles go out again", metadata: ["worker": "\(String(decoding: peer, as: UTF8.self))", "articles": "\(worker.leases.count)", "reason": "\(reason)"])
        }
        for id in worker.leases { requeue(id, reason: reason) }
    }

    /// Hands an article out again with attempt + 1, or dead-letters it after the last attempt.
    private func requeue(_ id: String, reason: String) {
        guard var article = leases.removeValue(forKey: id)?.article else { return }
        guard article.attempt < configuration.maximumAttempts else {
            deadLetter(article, reason: "gave up after \(article.attempt) attempts; last: \(reason)")
            return
        }
        article.attempt += 1
        progress.redelivered += 1
        if article.source == "intake" { try? journal?.recordAttempt(id: article.id, attempt: article.attempt) }
        // Redeliveries go first.
        queue.prepend(article)
    }

    /// Gives an article up: its failure record goes to the sink's dead-letter file, under a lease
    /// like any result, so a late report of the same id and the dead letter never both land.
    private func deadLetter(_ article: ArticleRecord, reason: String) {
        let failure = FailureRecord(id: article.id, attempt: article.attempt, source: article.source, reason: reason, stage: .delivery)
        let record = ResultRecord(id: article.id, attempt: article.attempt, status: .dead, line: failure.jsonLine)
        leases[article.id] = Lease(article: article, worker: nil, deadline: clock.now + configuration.leaseTimeout, leasedAt: clock.now, failure: record)
        failuresToSend.append(record)
        logger.error("article given up", metadata: ["id": "\(article.id)", "reason": "\(reason)"])
    }
}
