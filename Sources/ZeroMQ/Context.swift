import CZMQ

/// A libzmq context: the I/O threads and the registry of sockets that share them.
///
/// Create one per process and share it freely between threads (libzmq contexts are
/// thread-safe). Every ``Socket`` keeps its context alive, so the context is terminated only
/// after its last socket is closed; sockets linger for no time unless asked to, so termination
/// never hangs on unsent messages.
///
/// Call ``shutdown()`` to stop everything: every blocked call on any socket of the context
/// returns at once with ``ZMQError/terminated``, and every later call fails the same way.
public final class Context: @unchecked Sendable {
    // @unchecked: libzmq documents the context as thread-safe; the handle never changes.
    let handle: UnsafeMutableRawPointer

    /// Creates a context.
    ///
    /// - Parameter ioThreads: Threads libzmq uses for network I/O; one moves about a gigabyte a second.
    ///
    /// Wraps `zmq_ctx_new` and `zmq_ctx_set(ZMQ_IO_THREADS)`.
    public init(ioThreads: Int = 1) throws {
        guard let handle = System.contextNew() else { throw ZMQError.current }
        self.handle = handle
        if ioThreads != 1 {
            if case .failure(let error) = System.contextSet(handle, ZMQ_IO_THREADS, CInt(ioThreads)) {
                System.contextTerminate(handle)
                throw error
            }
        }
    }

    /// Wakes every blocked call on the context's sockets with ``ZMQError/terminated`` and makes
    /// every later call fail the same way. Sockets must still be closed (dropping them does that).
    ///
    /// Wraps `zmq_ctx_shutdown`.
    public func shutdown() {
        System.contextShutdown(handle)
    }

    deinit {
        System.contextTerminate(handle)
    }
}
