import Foundation
import ZeroMQ

/// Submits article objects to a ventilator's intake and collects its answers.
///
/// Keeps up to ``window`` requests in flight on one DEALER socket, each under a request id of
/// its own that the ventilator echoes back with the answer, so answers match their requests
/// whatever order they come in.
public final class IntakeClient {
    /// One answer from the intake.
    public struct Reply: Sendable, Hashable {
        public var id: String?
        public var accepted: Bool
        public var reason: String?
        /// The ventilator was too full to take it; ``IntakeClient/submit`` sends it again.
        public var busy = false
        /// Accepted before: this submission changed nothing.
        public var duplicate = false
    }

    /// `busy` answers seen, each followed by a pause and a retry.
    public private(set) var busyRetries = 0

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

    /// Sends every request (each an article JSON object's bytes) and returns the answers in the
    /// order they came (the ventilator answers in the order of the requests).
    ///
    /// - Parameter version: The protocol version frame; other than the default only to test refusals.
    public func submit(_ requests: some Sequence<[UInt8]>, version: String = IntakeHandler.version, onReply: (Reply) -> Void = { _ in }) throws -> [Reply] {
        var replies: [Reply] = []
        // Requests sent and not answered, by request id.
        var inFlight: [UInt64: [UInt8]] = [:]
        var nextRequestID: UInt64 = 0
        var retry: [[UInt8]] = []
        var pause = Duration.milliseconds(10)
        var busyRound = false
        var acceptedThisRound = false
        var iterator = requests.makeIterator()
        var next = iterator.next()
        while next != nil || !inFlight.isEmpty || !retry.isEmpty {
            if busyRound, inFlight.isEmpty {
                // Backpressure: every answer of the round is in; wait, then send the busy ones again.
                pause = acceptedThisRound ? .milliseconds(10) : min(pause * 2, .seconds(1))
                Thread.sleep(forTimeInterval: pause.seconds)
                busyRound = false
                acceptedThisRound = false
            }
            while !busyRound, inFlight.count < window {
                let request: [UInt8]
                if let again = retry.popLast() {
                    request = again
                } else if let fresh = next {
                    request = fresh
                    next = iterator.next()
                } else {
                    break
                }
                nextRequestID += 1
                try socket.send([Frame(String(nextRequestID)), Frame(), Frame(version), Frame(request)])
                inFlight[nextRequestID] = request
            }
            guard !inFlight.isEmpty else { continue }
            guard let frames = try socket.receive(wait: .timeout(timeout)) else {
                throw IntakeClientError.noAnswer(timeout)
            }
            // [request id, delimiter, answer]; anything else is not an answer to us.
            guard frames.count == 3, let requestID = frames[0].string.flatMap(UInt64.init),
                  let request = inFlight.removeValue(forKey: requestID) else { continue }
            let reply = Self.parse(frames[2].bytes)
            if reply.busy {
                busyRetries += 1
                retry.insert(request, at: 0)
                busyRound = true
                continue
            }
            acceptedThisRound = true
            replies.append(reply)
            onReply(reply)
        }
        return replies
    }

    static func parse(_ bytes: [UInt8]) -> Reply {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return Reply(id: nil, accepted: false, reason: "unreadable answer from the intake")
        }
        let status = object["status"] as? String
        return Reply(id: object["id"] as? String, accepted: status == "accepted", reason: object["reason"] as? String, busy: status == "busy", duplicate: object["duplicate"] as? Bool ?? false)
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
