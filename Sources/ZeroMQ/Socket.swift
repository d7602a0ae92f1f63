import CZMQ
import Foundation

/// A ZeroMQ socket, owned by the thread that created it.
///
/// libzmq sockets are not thread-safe. A `Socket` is therefore not `Sendable`, so the compiler
/// refuses to hand it to another thread, and every call checks at run time that it comes from
/// the creating thread, so a mistake fails loudly instead of corrupting libzmq's state. Create a
/// socket on the thread that will use it (``SocketThread`` runs code on a thread of its own).
///
/// The socket closes when it is dropped or on ``close()``. It lingers for no time by default
/// (libzmq's default is forever, which can hang a process at exit): set
/// ``SocketOption/linger`` when unsent messages should get a grace period.
public final class Socket {
    /// The context the socket belongs to, kept alive as long as the socket is.
    public let context: Context
    /// The socket's kind.
    public let type: SocketType

    private var handle: UnsafeMutableRawPointer?
    private let owner: pthread_t

    /// Creates a socket of `type` in `context`, lingering for no time on close.
    ///
    /// Wraps `zmq_socket`.
    public init(_ context: Context, type: SocketType) throws {
        self.context = context
        self.type = type
        self.owner = pthread_self()
        self.handle = try System.socket(context.handle, type.rawValue).get()
        try set(.linger, .zero)
    }

    deinit {
        if let handle { System.close(handle) }
    }

    /// Closes the socket now; later calls fail with ``ZMQError/notASocket``. Closing twice is harmless.
    ///
    /// Wraps `zmq_close`.
    public func close() {
        checkOwner()
        if let handle { System.close(handle) }
        handle = nil
    }

    /// The libzmq handle, after checking that the caller is the owning thread.
    @inline(__always)
    func checkedHandle() throws -> UnsafeMutableRawPointer {
        checkOwner()
        guard let handle else { throw ZMQError.notASocket }
        return handle
    }

    @inline(__always)
    private func checkOwner() {
        precondition(
            pthread_equal(owner, pthread_self()) != 0,
            "a \(type) socket was used on a thread other than the one that created it; libzmq sockets are not thread-safe"
        )
    }

    // MARK: Endpoints

    /// Accepts connections on `endpoint`, such as `tcp://127.0.0.1:5555`, `tcp://*:*` or `inproc://name`.
    ///
    /// - Returns: The endpoint actually bound, with the port libzmq chose for a `*` port.
    ///
    /// Wraps `zmq_bind` and `zmq_getsockopt(ZMQ_LAST_ENDPOINT)`.
    @discardableResult
    public func bind(_ endpoint: String) throws -> String {
        _ = try System.bind(checkedHandle(), endpoint).get()
        return try get(.lastEndpoint)
    }

    /// Connects to `endpoint`; libzmq connects in the background and reconnects after a loss.
    ///
    /// Wraps `zmq_connect`.
    public func connect(_ endpoint: String) throws {
        _ = try System.connect(checkedHandle(), endpoint).get()
    }

    /// Stops accepting on an endpoint given to ``bind(_:)`` (use the endpoint it returned).
    ///
    /// Wraps `zmq_unbind`.
    public func unbind(_ endpoint: String) throws {
        _ = try System.unbind(checkedHandle(), endpoint).get()
    }

    /// Drops the connection made by ``connect(_:)`` to `endpoint`.
    ///
    /// Wraps `zmq_disconnect`.
    public func disconnect(_ endpoint: String) throws {
        _ = try System.disconnect(checkedHandle(), endpoint).get()
    }
}

@available(*, unavailable, message: "libzmq sockets belong to one thread; create the socket on the thread that uses it")
extension Socket: Sendable {}
