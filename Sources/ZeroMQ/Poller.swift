import CZMQ
import Foundation

/// What a poller waits for on a socket.
public struct PollEvents: OptionSet, Hashable, Sendable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    /// At least one whole message can be received without blocking.
    public static var readable: PollEvents { PollEvents(rawValue: Int16(ZMQ_POLLIN)) }
    /// At least one message can be sent without blocking.
    public static var writable: PollEvents { PollEvents(rawValue: Int16(ZMQ_POLLOUT)) }
}

/// Waits on several sockets of one thread at once, and on plain file descriptors beside them.
///
/// Register sockets once, then call ``poll(timeout:)`` in the thread's loop. Like its sockets,
/// a poller belongs to one thread.
public final class Poller {
    /// One per item; `nil` for a file descriptor.
    private var sockets: [Socket?] = []
    private var items: [zmq_pollitem_t] = []

    public init() {}

    /// Adds `socket` to the set, waiting for `events` on it.
    public func register(_ socket: Socket, for events: PollEvents = .readable) {
        sockets.append(socket)
        // The handle is checked again at every poll: a socket closed since then fails that poll.
        let handle = try? socket.checkedHandle()
        items.append(zmq_pollitem_t(socket: handle, fd: 0, events: events.rawValue, revents: 0))
    }

    /// Adds a plain file descriptor (a pipe, an eventfd) to the set, waiting until it is readable.
    public func register(fileDescriptor: Int32) {
        sockets.append(nil)
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: PollEvents.readable.rawValue, revents: 0))
    }

    /// Waits until at least one registered socket is ready or `timeout` passes.
    ///
    /// - Parameter timeout: The longest wait; `nil` waits as long as it takes, `.zero` does not wait.
    /// - Returns: The ready sockets' events; empty when the time ran out.
    ///
    /// Wraps `zmq_poll`; a signal does not end the wait early.
    public func poll(timeout: Duration?) throws -> PollResult {
        for index in items.indices {
            if let socket = sockets[index] { items[index].socket = try socket.checkedHandle() }
            items[index].revents = 0
        }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            let milliseconds = deadline.map { max(0, Self.milliseconds($0 - ContinuousClock.now)) } ?? -1
            let count = items.count
            let result = items.withUnsafeMutableBufferPointer { System.poll($0.baseAddress!, count, milliseconds) }
            switch result {
            case .success:
                return PollResult(sockets: sockets, descriptors: items.map(\.fd), events: items.map { PollEvents(rawValue: $0.revents) })
            case .failure(.interrupted):
                continue
            case .failure(let error):
                throw error
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

/// Which sockets a ``Poller/poll(timeout:)`` found ready.
public struct PollResult {
    fileprivate let sockets: [Socket?]
    fileprivate let descriptors: [Int32]
    fileprivate let events: [PollEvents]

    /// Whether no socket was ready (the timeout ran out).
    public var isEmpty: Bool { events.allSatisfy(\.isEmpty) }

    /// The events found on `socket`; empty when it was not ready or not registered.
    public subscript(socket: Socket) -> PollEvents {
        guard let index = sockets.firstIndex(where: { $0 === socket }) else { return [] }
        return events[index]
    }

    /// Whether a registered file descriptor is readable.
    public func isReadable(fileDescriptor: Int32) -> Bool {
        guard let index = sockets.indices.first(where: { sockets[$0] == nil && descriptors[$0] == fileDescriptor }) else { return false }
        return events[index].contains(.readable)
    }

    /// Whether `socket` has a message waiting.
    public func isReadable(_ socket: Socket) -> Bool { self[socket].contains(.readable) }

    /// Whether `socket` can send without waiting.
    public func isWritable(_ socket: Socket) -> Bool { self[socket].contains(.writable) }
}

@available(*, unavailable, message: "a poller belongs to the thread of its sockets")
extension Poller: Sendable {}
