/// Where a run stands, as the ventilator sees it.
public struct PipelineProgress: Sendable, Hashable {
    /// Articles acknowledged by the sink as reports.
    public var written = 0
    /// Articles acknowledged as failures (errors file).
    public var failed = 0
    /// Articles acknowledged as already written by an earlier run or delivery.
    public var duplicates = 0
    /// Articles skipped at reading because the output already had them (resume).
    public var skipped = 0
    /// Articles given up after the last attempt (dead-letter file).
    public var deadLettered = 0
    /// Articles leased to workers or on their way to the sink.
    public var inFlight = 0
    /// Articles read or accepted and not yet leased.
    public var queued = 0
    /// Articles accepted over the intake (duplicates not counted).
    public var accepted = 0
    /// Intake requests answered `busy` (backpressure).
    public var busyReplies = 0
    /// Items read from the inputs (articles and unreadable ones).
    public var read = 0
    /// Leases handed to workers, first deliveries and redeliveries alike.
    public var leased = 0
    /// Articles handed out again after a worker died or a lease ran out.
    public var redelivered = 0
    /// Workers that have spoken within the worker timeout.
    public var workersConnected = 0
    /// Whether every input has been read.
    public var inputsExhausted = false
    public var elapsed: Duration = .zero

    /// Articles finished one way or another.
    public var done: Int { written + failed + duplicates + deadLettered }
}
