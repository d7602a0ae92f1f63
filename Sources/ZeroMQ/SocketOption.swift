import CZMQ

/// A socket option with its value's Swift type, so callers never pass raw integers to libzmq.
///
/// ```swift
/// try socket.set(.receiveHighWaterMark, 1000)
/// try socket.set(.linger, .milliseconds(100))
/// let endpoint = try socket.get(.lastEndpoint)
/// ```
public struct SocketOption<Value>: Sendable {
    /// libzmq's name for the option, for messages.
    public let name: String
    let code: CInt
    let encode: @Sendable (Value) -> [UInt8]
    let decode: @Sendable ([UInt8]) -> Value
    let capacity: Int

    init(_ name: String, _ code: CInt, capacity: Int, encode: @escaping @Sendable (Value) -> [UInt8], decode: @escaping @Sendable ([UInt8]) -> Value) {
        self.name = name
        self.code = code
        self.capacity = capacity
        self.encode = encode
        self.decode = decode
    }
}

// MARK: Representations

private func bytes<T: FixedWidthInteger>(of value: T) -> [UInt8] {
    withUnsafeBytes(of: value) { Array($0) }
}

private func integer<T: FixedWidthInteger>(_ bytes: [UInt8], as _: T.Type) -> T {
    var value = T.zero
    withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes.prefix(MemoryLayout<T>.size)) }
    return value
}

private func milliseconds(_ duration: Duration) -> CInt {
    let (seconds, attoseconds) = duration.components
    let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
    return CInt(clamping: total)
}

extension SocketOption where Value == Int {
    fileprivate static func int32(_ name: String, _ code: CInt) -> Self {
        Self(name, code, capacity: 4, encode: { bytes(of: CInt(clamping: $0)) }, decode: { Int(integer($0, as: CInt.self)) })
    }

    /// Most messages queued for sending per peer before the socket blocks or drops (0: no limit).
    public static var sendHighWaterMark: Self { .int32("ZMQ_SNDHWM", ZMQ_SNDHWM) }
    /// Most messages queued on receipt per peer before libzmq stops reading (0: no limit).
    public static var receiveHighWaterMark: Self { .int32("ZMQ_RCVHWM", ZMQ_RCVHWM) }
}

extension SocketOption where Value == Bool {
    fileprivate static func flag(_ name: String, _ code: CInt) -> Self {
        Self(name, code, capacity: 4, encode: { bytes(of: CInt($0 ? 1 : 0)) }, decode: { integer($0, as: CInt.self) != 0 })
    }

    /// Queue messages only to peers whose connection is complete, so nothing waits for a peer that may never come.
    public static var immediate: Self { .flag("ZMQ_IMMEDIATE", ZMQ_IMMEDIATE) }
    /// A ROUTER fails a send to an unknown peer with ``ZMQError/hostUnreachable`` instead of dropping it (write-only).
    public static var routerMandatory: Self { .flag("ZMQ_ROUTER_MANDATORY", ZMQ_ROUTER_MANDATORY) }
    /// Whether the socket may use IPv6 addresses (off by default: an IPv6 address cannot be connected).
    public static var ipv6: Self { .flag("ZMQ_IPV6", ZMQ_IPV6) }
    /// Whether the last frame received has more frames after it (read-only).
    public static var receiveMore: Self { .flag("ZMQ_RCVMORE", ZMQ_RCVMORE) }
}

extension SocketOption where Value == Duration {
    fileprivate static func milliseconds32(_ name: String, _ code: CInt) -> Self {
        Self(name, code, capacity: 4, encode: { bytes(of: milliseconds($0)) }, decode: { .milliseconds(integer($0, as: CInt.self)) })
    }

    /// How long a closed socket keeps trying to send what is queued (`.zero`: drop it at once, the default here).
    public static var linger: Self { .milliseconds32("ZMQ_LINGER", ZMQ_LINGER) }
    /// The first wait before reconnecting a lost connection.
    public static var reconnectInterval: Self { .milliseconds32("ZMQ_RECONNECT_IVL", ZMQ_RECONNECT_IVL) }
    /// The longest wait between reconnection attempts, doubling from ``reconnectInterval`` (`.zero`: no backoff).
    public static var reconnectIntervalMax: Self { .milliseconds32("ZMQ_RECONNECT_IVL_MAX", ZMQ_RECONNECT_IVL_MAX) }
    /// How often ZMTP heartbeats (PING) are sent on each connection (`.zero`: none).
    public static var heartbeatInterval: Self { .milliseconds32("ZMQ_HEARTBEAT_IVL", ZMQ_HEARTBEAT_IVL) }
    /// How long to wait for any traffic after a PING before dropping the connection.
    public static var heartbeatTimeout: Self { .milliseconds32("ZMQ_HEARTBEAT_TIMEOUT", ZMQ_HEARTBEAT_TIMEOUT) }
    /// How long the peer should wait for traffic from this side before dropping the connection (a multiple of 100 ms).
    public static var heartbeatTTL: Self { .milliseconds32("ZMQ_HEARTBEAT_TTL", ZMQ_HEARTBEAT_TTL) }
    /// How long a TCP connect may take before it is abandoned and retried (`.zero`: the OS default).
    public static var connectTimeout: Self { .milliseconds32("ZMQ_CONNECT_TIMEOUT", ZMQ_CONNECT_TIMEOUT) }
}

extension SocketOption where Value == Duration? {
    fileprivate static func timeout(_ name: String, _ code: CInt) -> Self {
        Self(
            name, code, capacity: 4,
            encode: { bytes(of: $0.map(milliseconds) ?? -1) },
            decode: { let value = integer($0, as: CInt.self); return value < 0 ? nil : .milliseconds(value) }
        )
    }

    /// How long a blocking send waits before failing with ``ZMQError/wouldBlock`` (`nil`: forever).
    public static var sendTimeout: Self { .timeout("ZMQ_SNDTIMEO", ZMQ_SNDTIMEO) }
    /// How long a blocking receive waits before failing with ``ZMQError/wouldBlock`` (`nil`: forever).
    public static var receiveTimeout: Self { .timeout("ZMQ_RCVTIMEO", ZMQ_RCVTIMEO) }
}

extension SocketOption where Value == Int? {
    /// The largest inbound message accepted, in bytes; a peer that sends more is disconnected (`nil`: no limit).
    public static var maxMessageSize: Self {
        Self(
            "ZMQ_MAXMSGSIZE", ZMQ_MAXMSGSIZE, capacity: 8,
            encode: { bytes(of: Int64($0 ?? -1)) },
            decode: { let value = integer($0, as: Int64.self); return value < 0 ? nil : Int(value) }
        )
    }
}

extension SocketOption where Value == [UInt8] {
    /// The identity a DEALER or REQ presents to a ROUTER peer (1 to 255 bytes, not starting with 0); set before connecting.
    public static var routingID: Self {
        Self("ZMQ_ROUTING_ID", ZMQ_ROUTING_ID, capacity: 255, encode: { $0 }, decode: { $0 })
    }
}

extension SocketOption where Value == String {
    /// The endpoint the socket last bound or connected, with the real port of a `*` bind (read-only).
    public static var lastEndpoint: Self {
        Self(
            "ZMQ_LAST_ENDPOINT", ZMQ_LAST_ENDPOINT, capacity: 1024,
            encode: { Array($0.utf8) + [0] },
            decode: { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        )
    }
}

extension Socket {
    /// Sets a socket option.
    ///
    /// Wraps `zmq_setsockopt`.
    public func set<Value>(_ option: SocketOption<Value>, _ value: Value) throws {
        let encoded = option.encode(value)
        _ = try encoded.withUnsafeBytes { try System.setOption(checkedHandle(), option.code, $0).get() }
    }

    /// Reads a socket option.
    ///
    /// Wraps `zmq_getsockopt`.
    public func get<Value>(_ option: SocketOption<Value>) throws -> Value {
        var buffer = [UInt8](repeating: 0, count: option.capacity)
        let size = try buffer.withUnsafeMutableBytes { try System.getOption(checkedHandle(), option.code, $0).get() }
        return option.decode(Array(buffer.prefix(size)))
    }

    /// Receives only messages that start with `prefix` on a SUB socket (an empty prefix: everything).
    ///
    /// Wraps `zmq_setsockopt(ZMQ_SUBSCRIBE)`.
    public func subscribe(_ prefix: some Collection<UInt8> = [UInt8]()) throws {
        _ = try Array(prefix).withUnsafeBytes { try System.setOption(checkedHandle(), ZMQ_SUBSCRIBE, $0).get() }
    }

    /// Stops a subscription made by ``subscribe(_:)``.
    ///
    /// Wraps `zmq_setsockopt(ZMQ_UNSUBSCRIBE)`.
    public func unsubscribe(_ prefix: some Collection<UInt8> = [UInt8]()) throws {
        _ = try Array(prefix).withUnsafeBytes { try System.setOption(checkedHandle(), ZMQ_UNSUBSCRIBE, $0).get() }
    }

    /// Raw option access for the CURVE and ZAP setup in this module.
    func setRaw(_ code: CInt, _ bytes: [UInt8]) throws {
        _ = try bytes.withUnsafeBytes { try System.setOption(checkedHandle(), code, $0).get() }
    }
}
