import CZMQ

/// An error reported by libzmq: the `errno` it set, with its name and libzmq's own description.
///
/// libzmq reports its own conditions (`ETERM`, `EFSM`, `EMTHREAD`, ...) with codes above
/// `ZMQ_HAUSNUMERO`, next to ordinary POSIX codes, so this type covers both. Match a case with
/// `catch ZMQError.terminated` or `catch let error as ZMQError where error == .wouldBlock`.
public struct ZMQError: RawRepresentable, Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public let rawValue: CInt

    public init(rawValue: CInt) { self.rawValue = rawValue }

    /// The error libzmq set for the calling thread's last failed call (`zmq_errno`).
    static var current: ZMQError { ZMQError(rawValue: zmq_errno()) }

    /// The context was shut down or terminated; the socket can do nothing more (`ETERM`).
    public static var terminated: ZMQError { ZMQError(rawValue: ETERM) }
    /// A non-blocking or timed call found nothing to do (`EAGAIN`).
    public static var wouldBlock: ZMQError { ZMQError(rawValue: EAGAIN) }
    /// A signal interrupted the call (`EINTR`); the wrapper retries these itself.
    public static var interrupted: ZMQError { ZMQError(rawValue: EINTR) }
    /// A ROUTER with router-mandatory set has no peer of that routing id (`EHOSTUNREACH`).
    public static var hostUnreachable: ZMQError { ZMQError(rawValue: EHOSTUNREACH) }
    /// The operation is not valid in the socket's current state, such as REQ sending twice (`EFSM`).
    public static var invalidState: ZMQError { ZMQError(rawValue: EFSM) }
    /// An argument, endpoint or option value was invalid (`EINVAL`).
    public static var invalidArgument: ZMQError { ZMQError(rawValue: EINVAL) }
    /// The socket kind does not support the operation (`ENOTSUP`).
    public static var notSupported: ZMQError { ZMQError(rawValue: ENOTSUP) }
    /// The endpoint's transport is unknown or not built in (`EPROTONOSUPPORT`).
    public static var protocolNotSupported: ZMQError { ZMQError(rawValue: EPROTONOSUPPORT) }
    /// The transport is not compatible with the socket kind (`ENOCOMPATPROTO`).
    public static var incompatibleProtocol: ZMQError { ZMQError(rawValue: ENOCOMPATPROTO) }
    /// The address is already bound (`EADDRINUSE`).
    public static var addressInUse: ZMQError { ZMQError(rawValue: EADDRINUSE) }
    /// The address is not local or not bound (`EADDRNOTAVAIL`).
    public static var addressNotAvailable: ZMQError { ZMQError(rawValue: EADDRNOTAVAIL) }
    /// The endpoint was never bound or connected (`ENOENT`).
    public static var noSuchEndpoint: ZMQError { ZMQError(rawValue: ENOENT) }
    /// The socket was already closed (`ENOTSOCK`).
    public static var notASocket: ZMQError { ZMQError(rawValue: ENOTSOCK) }
    /// No I/O thread is available for the operation (`EMTHREAD`).
    public static var noIOThread: ZMQError { ZMQError(rawValue: EMTHREAD) }
    /// Too many open sockets or files (`EMFILE`).
    public static var tooManyOpenFiles: ZMQError { ZMQError(rawValue: EMFILE) }
    /// The network is down (`ENETDOWN`).
    public static var networkDown: ZMQError { ZMQError(rawValue: ENETDOWN) }
    /// The host has no route for this address (`ENODEV`, an unknown interface).
    public static var noSuchDevice: ZMQError { ZMQError(rawValue: ENODEV) }

    /// The `errno` macro's name, such as `"ETERM"`, or `"errno N"` for a code this type does not name.
    public var name: String {
        Self.names[rawValue] ?? "errno \(rawValue)"
    }

    /// libzmq's description of the error (`zmq_strerror`).
    public var message: String {
        String(cString: zmq_strerror(rawValue))
    }

    /// `"ETERM: Context was terminated"`.
    public var description: String { "\(name): \(message)" }

    /// Lets `catch ZMQError.terminated` match.
    public static func ~= (lhs: ZMQError, rhs: any Error) -> Bool {
        (rhs as? ZMQError) == lhs
    }

    private static let names: [CInt: String] = [
        ETERM: "ETERM", EAGAIN: "EAGAIN", EINTR: "EINTR", EHOSTUNREACH: "EHOSTUNREACH",
        EFSM: "EFSM", EINVAL: "EINVAL", ENOTSUP: "ENOTSUP", EPROTONOSUPPORT: "EPROTONOSUPPORT",
        ENOCOMPATPROTO: "ENOCOMPATPROTO", EADDRINUSE: "EADDRINUSE", EADDRNOTAVAIL: "EADDRNOTAVAIL",
        ENOENT: "ENOENT", ENOTSOCK: "ENOTSOCK", EMTHREAD: "EMTHREAD", EMFILE: "EMFILE",
        ENETDOWN: "ENETDOWN", ENODEV: "ENODEV", EFAULT: "EFAULT", ENOMEM: "ENOMEM",
        ENOBUFS: "ENOBUFS", ECONNREFUSED: "ECONNREFUSED", EINPROGRESS: "EINPROGRESS",
        EMSGSIZE: "EMSGSIZE", EAFNOSUPPORT: "EAFNOSUPPORT", ENETUNREACH: "ENETUNREACH",
        ECONNABORTED: "ECONNABORTED", ECONNRESET: "ECONNRESET", ENOTCONN: "ENOTCONN",
        ETIMEDOUT: "ETIMEDOUT",
    ]
}
