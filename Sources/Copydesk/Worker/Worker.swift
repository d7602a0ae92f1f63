import Foundation
import Logging
import ZeroMQ

/// A worker: asks the ventilator for articles, runs them through the ``ArticleProcessor`` on
/// several analysis threads, and sends the results to the sink. It holds no state worth
/// keeping: kill it and its leases expire and go to another worker.
///
/// Its I/O thread (the caller of ``run(context:stop:)``) owns all network sockets; analysis
/// threads get articles from a ``TaskQueue`` and hand results back over inproc PUSH sockets.
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
        /// CURVE keys to present to the ventilator and the sink. `nil`: plain text.
        public var curve: CurveSetup?

        public init(ventilatorEndpoint: String, sinkEndpoint: String) {
            self.ventilatorEndpoint = ventilatorEndpoint
            self.sinkEndpoint = sinkEndpoint
        }

        var effectiveCapacity: Int { capacity ?? max(threads * 16, 128) }
    }

    public let configuration: Configuration
    private let processor: ArticleProcessor
    private let logger: Logger

    public init(_ configuration: Configuration, processor: @escaping ArticleProcessor, logger: Logger) {
        self.configuration = configuration
        self.processor = processor
        self.logger = logger
    }

    /// Works until `stop` is requested, then finishes and delivers every article it holds.
    /// Call on a thread of your own.
    public func run(context: Context, stop: StopSignal) throws {
        let identity = "w-\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let ventilator = try Socket(context, type: .dealer)
        try configuration.curve?.secureClient(ventilator)
        try ventilator.set(.routingID, Array(identity.utf8.prefix(250)))
        try ventilator.set(.maxMessageSize, Limits.maximumMessageBytes)
        try ventilator.set(.linger, .seconds(1))
        try ventilator.connect(configuration.ventilatorEndpoint)
        let sink = try Socket(context, type: .push)
        try configuration.curve?.secureClient(sink)
        try sink.set(.linger, .seconds(10))
        try sink.connect(configuration.sinkEndpoint)
        let finished = try Socket(context, type: .pull)
        let finishedEndpoint = try finished.bind("inproc://copydesk-worker-\(identity)")

        let queue = TaskQueue()
        let analysisThreads = (0..<configuration.threads).map { index in
            SocketThread(name: "analysis-\(index)") { [processor] in
                do {
                    let results = try Socket(context, type: .push)
                    try results.connect(finishedEndpoint)
                    while let article = queue.take() {
                        try results.send(WireMessage.results([processor(article)]).frames)
                    }
                    try results.set(.linger, .seconds(5))
                } catch {
                    // ETERM only: the process is going down.
                }
            }
        }
        defer {
            queue.close()
            analysisThreads.forEach { $0.join() }
        }
        logger.info("worker ready", metadata: ["id": "\(identity)", "threads": "\(configuration.threads)", "ventilator": "\(configuration.ventilatorEndpoint)"])

        let capacity = configuration.effectiveCapacity
        var ventilatorInstance = ""
        var receivedFromInstance = 0
        var held = 0
        // RESULTS messages from the analysis threads, forwarded to the sink as they are.
        var outbox: [(frames: [Frame], records: Int)] = []
        var draining = false
        let clock = ContinuousClock()
        var lastCredit = clock.now - .seconds(3600)
        var lastAdvertised = -1
        var violations = ViolationLog(role: "worker")

        let poller = Poller()
        poller.register(ventilator)
        poller.register(finished)
        while true {
            let ready = try poller.poll(timeout: outbox.isEmpty ? .milliseconds(100) : .milliseconds(10))
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
                    held += articles.count
                    queue.put(articles)
                }
            }
            if ready.isReadable(finished) {
                while let frames = try finished.receive(wait: .never) {
                    outbox.append((frames, (frames.count - 2) / 4))
                }
            }
            // Deliver results; hold them (and the credit they stand for) while the sink is away.
            while let message = outbox.first, try sink.send(message.frames, wait: .never) {
                held -= message.records
                outbox.removeFirst()
            }
            if stop.isRequested, !draining {
                draining = true
                logger.info("worker draining", metadata: ["held": "\(held)"])
            }
            if draining, held == 0 { break }
            // Draining: no credit, but heartbeats go on so the ventilator keeps our leases.
            let free = draining ? 0 : capacity - held
            if free != lastAdvertised || clock.now - lastCredit >= configuration.heartbeatInterval {
                let credit = WireMessage.credit(ventilator: ventilatorInstance, received: receivedFromInstance, free: free)
                if try ventilator.send(credit.frames, wait: .never) {
                    lastAdvertised = free
                    lastCredit = clock.now
                }
            }
        }
        logger.info("worker stopped", metadata: ["id": "\(identity)"])
    }
}
