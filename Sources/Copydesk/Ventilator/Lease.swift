/// An article handed to a worker (or a failure record handed to the sink) until the sink acknowledges it.
struct Lease {
    var article: ArticleRecord
    /// The worker's routing id; `nil` for an input failure sent straight to the sink.
    var worker: [UInt8]?
    var deadline: ContinuousClock.Instant
    /// When it was handed out, for the lease-to-acknowledgement latency.
    var leasedAt: ContinuousClock.Instant
    /// For failure leases: the record to send again if the sink never acknowledges it.
    var failure: ResultRecord?
}

/// What the ventilator knows about one worker.
struct WorkerState {
    /// Tasks sent to it by this ventilator instance.
    var sent = 0
    /// Tasks it may still be sent: its last advertised free slots minus those sent since.
    var available = 0
    var lastSeen: ContinuousClock.Instant
    /// Ids leased to it, to hand out again if it goes silent.
    var leases: Set<String> = []
}
