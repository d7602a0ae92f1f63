import Synchronization

/// Results from a worker's analysis threads, gathered for its I/O thread.
///
/// Handing each result over a socket woke the I/O thread once per article, and on a machine
/// whose cores are all analysing, every wake-up took a core away from an analysis thread.
/// Results wait here instead; an analysis thread wakes the I/O thread only when enough have
/// gathered, or when it has nothing left to analyse (so the last results never wait).
final class ResultQueue: Sendable {
    private struct State {
        var results: [ProcessedArticle] = []
        /// Results here whose line the I/O thread is to write.
        var pendingLines = 0
        /// A wake-up is on its way and the I/O thread has not taken the results since.
        var wakePending = false
    }

    private let state = Mutex(State())
    /// Results gathered before the I/O thread is woken while there is still work queued.
    let batchSize: Int

    init(batchSize: Int) {
        self.batchSize = max(1, batchSize)
    }

    /// Whether the I/O thread is keeping up with the lines left to it: fewer than a batch of
    /// them wait here. When it is not, analysis threads write their own.
    var acceptsPendingLines: Bool {
        state.withLock { $0.pendingLines < batchSize }
    }

    /// Adds a result; returns whether the caller should wake the I/O thread.
    func add(_ result: ProcessedArticle, nothingQueued: Bool) -> Bool {
        state.withLock { state in
            state.results.append(result)
            if result.isPending { state.pendingLines += 1 }
            guard !state.wakePending, nothingQueued || state.results.count >= batchSize else { return false }
            state.wakePending = true
            return true
        }
    }

    /// Everything gathered so far; a result added after this wakes the I/O thread again.
    func takeAll() -> [ProcessedArticle] {
        state.withLock { state in
            state.wakePending = false
            state.pendingLines = 0
            defer { state.results.removeAll(keepingCapacity: true) }
            return state.results
        }
    }
}
