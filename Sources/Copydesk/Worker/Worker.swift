import Foundation
import Logging
import ZeroMQ

/// A worker: asks the ventilator for articles, runs them through the ``ArticleProcessor`` on
/// several analysis threads, and sends the results to the sink. It holds no state worth
/// keeping: kill it and its leases expire and go to another worker.
///
/// Its I/O thread (the caller of ``run(context:stop:)``) owns all network sockets; analysis
/// threads get articles from a ``TaskQueue`` and leave results in a ``ResultQueue``, waking the
/// I/O thread over an inproc socket once a batch has gathered. With a core to spare, the I/O
/// thread also writes the report lines.
public final class Worker: Sendable {
    public struct Configuration: Sendable {
        public var ventilatorEndpoint: String
        public var sinkEndpoint: String
        /// Analysis threads (default: the number of cores).
        public var threads = ProcessInfo.processInfo.activeProcessorCount
        /// Articles held at once (queued + being analysed + results not yet sent).
        public var capacity: Int?
        /// How often the worker tells the ventilator it is alive, even when idle.
        public var heartbeatInterval: Duration = .milliseconds(500)
        /// After a stop request, how long to finish and deliver what it holds before giving the
        /// rest up to other workers: under Kubernetes' default 30 s grace, so the worker ends
        /// on its own terms rather than by SIGKILL.
        public var drainTimeout: Duration = .seconds(25)
        /// CURVE keys to present to the ventilator and the sink. `nil`: plain text.
        public var curve: CurveSetup?
        /// Whether the I/O thread writes the report lines (``ProcessedArticle``) while it keeps
        /// up. Default: when there are fewer analysis threads than cores, so one is free for it.
        public var writesLinesOnIOThread: Bool?

        public init(ventilatorEndpoint: String, sinkEndpoint: String) {
            self.ventilatorEndpoint = ventilatorEndpoint
            self.sinkEndpoint = sinkEndpoint
        }

        var effectiveCapacity: Int { capacity ?? max(threads * 32, 256) }
        var effectiveWritesLinesOnIOThread: Bool { writesLinesOnIOThread ?? (threads < ProcessInfo.processInfo.activeProcessorCount) }
    }

    public let configuration: Configuration
    private let processor: ArticleProcessor
    private let logger: Logger

    public init(_ configuration: Configuration, processor: @escaping ArticleProcessor, logger: Logger) {
        self.configuration = configuration
        self.processor = processor
        self.logger = logger
    }

    /// Works until `stop` is requested, then finishes and delivers every article it holds, or
    /// as many as it can within ``Configuration/drainTimeout``. Call on a thread of your own.
    ///
    /// - Returns: How many articles it gave up at the drain timeout (0 when it finished them
    ///   all). Their leases go to other workers. Some may still be in analysis: a process
    ///   should then exit rather than wait for its analysis threads.
    @discardableResult
    public func run(context: Context, stop: StopSignal) throws -> Int {
        let identity = "w-\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let ventilator = try Socket(context, type: .dealer)
        try configuration.curve?.secureClient(ventilator)
        try ventilator.set(.routingID, Array(identity.utf8.prefix(250)))
        try ventilator.set(.maxMessageSize, Limits.maximumMessageBytes)
        try ventilator.set(.linger, .seconds(1))
        let ventilatorPeer = try PeerConnection(ventilator, to: configuration.ventilatorEndpoint)
        let sink = try Socket(context, type: .push)
        try configuration.curve?.secureClient(sink)
        try sink.set(.linger, .seconds(10))
        let sinkPeer = try PeerConnection(sink, to: configuration.sinkEndpoint)
        let wakeUps = try Socket(context, type: .pull)
        let wakeUpEndpoint = try wakeUps.bind("inproc://copydesk-worker-\(identity)")

        let capacity = configuration.effectiveCapacity
        let queue = TaskQueue()
        let results = ResultQueue(batchSize: capacity / 4)
        let linesOnIOThread = configuration.effectiveWritesLinesOnIOThread
        let analysisThreads = (0..<configuration.threads).map { index in
            SocketThread(name: "analysis-\(index)") { [processor] in
                do {
                    let wakeUp = try Socket(context, type: .push)
                    try wakeUp.connect(wakeUpEndpoint)
                    while let article = queue.take() {
                        var outcome = processor(article)
                        if outcome.isPending, !linesOnIOThread || !results.acceptsPendingLines {
                            outcome = ProcessedArticle(outcome.result())
                        }
                        if results.add(outcome, nothingQueued: queue.isEmpty) {
                            try wakeUp.send([Frame()])
                        }
                    }
                    try wakeUp.set(.linger, .seconds(5))
                } catch {
                    // ETERM only: the process is going down.
                }
            }
        }
        var abandoned = 0
        defer {
            queue.close()
            // Past the drain timeout a thread may be deep in one article: do not wait for it.
            if abandoned == 0 { analysisThreads.forEach { $0.join() } }
        }
        logger.info("worker ready", metadata: ["id": "\(identity)", "threads": "\(configuration.threads)", "ventilator": "\(configuration.ventilatorEndpoint)"])

        var ventilatorInstance = ""
        var receivedFromInstance = 0
        // Articles received and not yet handed to the sink, by id (a redelivered id can be here
        // twice), named in every CREDIT to keep their leases.
        var holding: [String: Int] = [:]
        var held = 0
        // RESULTS messages for the sink, each with up to `resultsPerMessage` records.
        var outbox: [(frames: [Frame], ids: [String])] = []
        let resultsPerMessage = 64
        // Credit goes out in steps, not for every slot freed: each CREDIT wakes the ventilator.
        let creditStep = max(1, capacity / 4)
        var freedSinceCredit = 0
        var creditOwed = false
        var draining = false
        let clock = ContinuousClock()
        var drainDeadline = clock.now
        var lastTasks = clock.now
        var closedCreditSent: ContinuousClock.Instant?
        var lastCredit = clock.now - .seconds(3600)
        var lastAdvertised = -1
        var violations = ViolationLog(role: "worker")

        // The stop signal wakes the loop until it is seen; draining polls the sockets alone.
        let poller = Poller()
        let drainPoller = Poller()
        for each in [poller, drainPoller] {
            each.register(ventilator)
            each.register(wakeUps)
        }
        poller.register(fileDescriptor: stop.wakeDescriptor)
        while true {
            // Soon again while results or a credit could not go out (a peer not up yet); at once
            // before the first credit is even tried.
            let timeout: Duration = creditOwed || !outbox.isEmpty ? .milliseconds(10) : lastAdvertised < 0 ? .zero : .milliseconds(100)
            let ready = try (draining ? drainPoller : poller).poll(timeout: timeout)
            try ventilatorPeer.follow()
            try sinkPeer.follow()
            if ready.isReadable(ventilator) {
                while let frames = try ventilator.receive(wait: .never) {
                    let message: WireMessage
                    do {
                        message = try WireMessage(frames: frames[...])
                    } catch {
                        violations.record("\(error)", logger: logger)
                        continue
                    }
                    guard case .tasks(let instance, let articles) = message else {
                        violations.record("not TASKS", logger: logger)
                        continue
                    }
                    if instance != ventilatorInstance {
                        ventilatorInstance = instance
                        receivedFromInstance = 0
                    }
                    receivedFromInstance += articles.count
                    lastTasks = clock.now
                    for article in articles { holding[article.id, default: 0] += 1 }
                    held += articles.count
                    queue.put(articles)
                }
            }
            if ready.isReadable(wakeUps) {
                while try wakeUps.receive(wait: .never) != nil {}
            }
            let finished = results.takeAll()
            for start in stride(from: 0, to: finished.count, by: resultsPerMessage) {
                let batch = finished[start..<min(start + resultsPerMessage, finished.count)].map { $0.result() }
                outbox.append((WireMessage.results(batch).frames, batch.map(\.id)))
            }
            // Deliver results; hold them (and the credit they stand for) while the sink is away.
            while let message = outbox.first, try sink.send(message.frames, wait: .never) {
                for id in message.ids {
                    if let count = holding[id], count > 1 { holding[id] = count - 1 } else { holding[id] = nil }
                }
                held -= message.ids.count
                freedSinceCredit += message.ids.count
                outbox.removeFirst()
            }
            if stop.isRequested, !draining {
                draining = true
                drainDeadline = clock.now + configuration.drainTimeout
                logger.info("worker draining", metadata: ["held": "\(held)"])
            }
            // Done when it holds nothing and, a heartbeat after it said "free 0", no tasks came
            // since: the ventilator may have sent some before that credit reached it, and
            // leaving with them on the wire makes it declare us lost. With the ventilator
            // unreachable (the credit does not go out) nothing can be on the way.
            if draining, held == 0 {
                let quiet = closedCreditSent.map { clock.now - $0 >= configuration.heartbeatInterval && clock.now - lastTasks >= configuration.heartbeatInterval }
                if creditOwed || quiet == true { break }
            }
            if draining, clock.now >= drainDeadline {
                abandoned = held
                logger.warning("drain timeout: articles left unfinished go to other workers", metadata: ["articles": "\(held)", "timeout": "\(configuration.drainTimeout)"])
                break
            }
            // Draining: no credit, but heartbeats go on so the ventilator keeps our leases.
            let free = draining ? 0 : capacity - held
            let creditDue = lastAdvertised < 0 || freedSinceCredit >= creditStep || (held == 0 && freedSinceCredit > 0)
                || (draining && lastAdvertised != 0) || clock.now - lastCredit >= configuration.heartbeatInterval
            if creditDue {
                let credit = WireMessage.credit(ventilator: ventilatorInstance, received: receivedFromInstance, free: free, holding: Array(holding.keys))
                creditOwed = try !ventilator.send(credit.frames, wait: .never)
                if !creditOwed {
                    if draining, closedCreditSent == nil { closedCreditSent = clock.now }
                    lastAdvertised = free
                    lastCredit = clock.now
                    freedSinceCredit = 0
                }
            }
        }
        logger.info("worker stopped", metadata: ["id": "\(identity)"])
        return abandoned
    }
}
