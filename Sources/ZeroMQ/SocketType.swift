import CZMQ

/// The kind of a ZeroMQ socket, which fixes whom it talks to and how messages are routed.
public struct SocketType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: CInt
    public init(rawValue: CInt) { self.rawValue = rawValue }

    /// Sends to its PULL peers in turn (pipeline stage).
    public static var push: SocketType { SocketType(rawValue: ZMQ_PUSH) }
    /// Receives from its PUSH peers, fair-queued.
    public static var pull: SocketType { SocketType(rawValue: ZMQ_PULL) }
    /// Asynchronous requester: sends round-robin, receives fair-queued; pairs with ROUTER.
    public static var dealer: SocketType { SocketType(rawValue: ZMQ_DEALER) }
    /// Addresses each peer by routing id, carried as the first frame of every message.
    public static var router: SocketType { SocketType(rawValue: ZMQ_ROUTER) }
    /// Publishes to every matching subscriber; drops when a subscriber is slow.
    public static var pub: SocketType { SocketType(rawValue: ZMQ_PUB) }
    /// Receives what its PUB peers publish under the prefixes it subscribed to.
    public static var sub: SocketType { SocketType(rawValue: ZMQ_SUB) }
    /// Synchronous requester: strictly send, receive, send, ...
    public static var req: SocketType { SocketType(rawValue: ZMQ_REQ) }
    /// Synchronous replier: strictly receive, send, receive, ...
    public static var rep: SocketType { SocketType(rawValue: ZMQ_REP) }
    /// Exclusive link to exactly one peer.
    public static var pair: SocketType { SocketType(rawValue: ZMQ_PAIR) }
    /// Raw TCP: each message is [connection id, bytes]; an empty body opens or closes a connection.
    /// Lets a role speak plain protocols such as HTTP without another networking stack.
    public static var stream: SocketType { SocketType(rawValue: ZMQ_STREAM) }

    public var description: String {
        switch rawValue {
        case ZMQ_PUSH: "PUSH"
        case ZMQ_PULL: "PULL"
        case ZMQ_DEALER: "DEALER"
        case ZMQ_ROUTER: "ROUTER"
        case ZMQ_PUB: "PUB"
        case ZMQ_SUB: "SUB"
        case ZMQ_REQ: "REQ"
        case ZMQ_REP: "REP"
        case ZMQ_PAIR: "PAIR"
        case ZMQ_STREAM: "STREAM"
        default: "socket type \(rawValue)"
        }
    }
}
