import Foundation
import ZeroMQ

/// Submits article objects to a ventilator's intake and collects its answers.
///
/// Keeps up to ``window`` requests in flight on one DEALER socket; the ventilator answers a
/// connection's requests in order, so answers match requests by position.
public final class IntakeClient {
    /// One answer from the intake.
    public struct Reply: Sendable, Hashable {
        public var id: String?
        public var accepted: Bool
        public var reason: String?
    }

    private let socket: Socket
    public let window: Int
    public let timeout: Duration

    public init(context: Context, endpoint: String, window: Int = 64, timeout: Duration = .seconds(30), curve: CurveSetup? = nil) throws {
        socket = try Socket(context, type: .dealer)
        try curve?.secureClient(socket)
        try socket.set(.linger, .seconds(1))
        try socket.connect(endpoint)
        self.window = window
        self.timeout = timeout
    }

    /// Sends every request (each an article JSON object's bytes) and returns the answers in order.
    ///
    /// - Parameter version: The protocol version frame; other than the default only to test refusals.
    public func submit(_ requests: some Sequence<[UInt8]>, version: String = IntakeHandler.version, onReply: (Reply) -> Void = { _ in }) throws -> [Reply] {
        var replies: [Reply] = []
        var inFlight = 0
        var iterator = requests.makeIterator()
        var next = iterator.next()
        while next != nil || inFlight > 0 {
            while let request = next, inFlight < window {
                try socket.send([Frame(), Frame(version), Frame(request)])
                inFlight += 1
                next = iterator.next()
            }
            guard let frames = try socket.receive(wait: .timeout(timeout)) else {
                throw IntakeClientError.noAnswer(timeout)
            }
            let reply = Self.parse(frames.last?.bytes ?? [])
            replies.append(reply)
            onReply(reply)
            inFlight -= 1
        }
        return replies
    }

    static func parse(_ bytes: [UInt8]) -> Reply {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return Reply(id: nil, accepted: false, reason: "unreadable answer from the intake")
        }
        return Reply(id: object["id"] as? String, accepted: object["status"] as? String == "accepted", reason: object["reason"] as? String)
    }
}

public enum IntakeClientError: Error, CustomStringConvertible {
    case noAnswer(Duration)

    public var description: String {
        switch self {
        case .noAnswer(let timeout): "no answer from the intake within \(timeout); is the ventilator running with an intake?"
        }
    }
}
