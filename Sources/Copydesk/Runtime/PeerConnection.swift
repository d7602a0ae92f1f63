import ZeroMQ

/// A socket's connection to a peer that may not be up yet, may restart, and may come back at
/// another address. Owned by the socket's thread, like the socket.
///
/// A numeric endpoint is connected once and left to libzmq. A host name is looked up by an
/// ``AddressWatch`` and the socket connected to an address it finds; ``follow()``, called on
/// every turn of the role's loop, moves the connection when that address is no longer the name's.
final class PeerConnection {
    private let socket: Socket
    private let watch: AddressWatch?
    private var seenChanges: UInt64 = 0
    private var connected: String?

    /// Connects `socket` to `endpoint` (at once for a numeric address, as soon as a name resolves).
    init(_ socket: Socket, to endpoint: String) throws {
        // Roles start in any order, and libzmq waits 100 ms before retrying a refused
        // connection; retry after 10 ms, backing off to 100 ms while the peer stays away. An
        // attempt gets 1 s: a SYN to a peer that is restarting at the same address would
        // otherwise wait for TCP's own retries, 1, 3, 7 s apart.
        try socket.set(.reconnectInterval, .milliseconds(10))
        try socket.set(.reconnectIntervalMax, .milliseconds(100))
        try socket.set(.connectTimeout, .seconds(1))
        // Queue only to a connected peer: what a peer that is away cannot take stays with the
        // role (a worker keeps naming it, so its lease holds) rather than in a pipe to an
        // address that a move would drop.
        try socket.set(.immediate, true)
        self.socket = socket
        if let name = AddressWatch.hostName(in: endpoint) {
            watch = AddressWatch(host: name.host, port: name.port)
        } else {
            watch = nil
            try socket.connect(endpoint)
            connected = endpoint
        }
    }

    /// Connects to the name's first address once it resolves, and moves when the address it
    /// is connected to is no longer among the name's (a name with several, in any order, does
    /// not make it hop between them).
    func follow() throws {
        guard let watch else { return }
        let changes = watch.changeCount
        guard changes != seenChanges else { return }
        seenChanges = changes
        let addresses = watch.current
        guard let first = addresses.first, !addresses.contains(connected ?? "") else { return }
        if let old = connected { try? socket.disconnect(old) }
        if first.hasPrefix("tcp://[") { try socket.set(.ipv6, true) }
        try socket.connect(first)
        connected = first
    }

    deinit {
        watch?.stop()
    }
}
