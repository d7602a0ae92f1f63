import Foundation
import Synchronization

/// A ZAP handler (RFC 27) that admits CURVE clients whose public key is on an allowlist and
/// refuses every other client: unknown keys, PLAIN, and plain-text (NULL) clients of a
/// secured socket.
///
/// libzmq asks the context's one ZAP handler, at `inproc://zeromq.zap.01`, about every new
/// connection to a secured socket. This type runs that handler on a thread of its own for as
/// long as it exists. A CURVE server socket can only be made with one
/// (``Socket/makeCurveServer(secretKey:authenticator:)``), and once it stops, secured sockets
/// refuse every client rather than admitting them all.
public final class ZAPAuthenticator: Sendable {
    /// One decision, for logs.
    public struct Decision: Sendable, CustomStringConvertible {
        /// The client's address, as libzmq reports it (an IP address for tcp).
        public let address: String
        /// `"CURVE"`, `"NULL"` or `"PLAIN"`.
        public let mechanism: String
        /// The client's public key, for CURVE.
        public let clientKey: CurveKey?
        public let allowed: Bool

        public var description: String {
            "\(allowed ? "allowed" : "denied") \(mechanism) client \(clientKey?.z85 ?? "-") from \(address)"
        }
    }

    /// The ZAP domain the secured sockets of this authenticator carry.
    public let domain: String
    let context: Context
    private let state: HandlerState
    private let thread: Mutex<SocketThread?> = Mutex(nil)

    /// The endpoint where libzmq looks for the handler.
    static let endpoint = "inproc://zeromq.zap.01"

    /// Starts answering ZAP requests in `context`.
    ///
    /// - Parameters:
    ///   - context: The context whose secured sockets this handler guards; one handler per context.
    ///   - allowedClients: Public keys of the clients to admit.
    ///   - domain: The ZAP domain of the secured sockets.
    ///   - onDecision: Called on the handler's thread with every decision, to log it.
    /// - Throws: ``ZAPAuthenticatorError/alreadyRunning`` when the context already has a handler.
    public init(
        context: Context,
        allowedClients: some Sequence<CurveKey>,
        domain: String = "copydesk",
        onDecision: (@Sendable (Decision) -> Void)? = nil
    ) throws {
        self.context = context
        self.domain = domain
        let state = HandlerState(allowed: Set(allowedClients))
        self.state = state
        let started = Mutex<Result<Void, any Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let handlerThread = SocketThread(name: "zap-handler") { [context] in
            let socket: Socket
            do {
                socket = try Socket(context, type: .rep)
                try socket.bind(Self.endpoint)
                state.running.store(true, ordering: .releasing)
                started.withLock { $0 = .success(()) }
                ready.signal()
            } catch {
                let failure: any Error = ZMQError.addressInUse ~= error ? ZAPAuthenticatorError.alreadyRunning : error
                started.withLock { $0 = .failure(failure) }
                ready.signal()
                return
            }
            Self.serve(socket, domain: domain, state: state, onDecision: onDecision)
            state.running.store(false, ordering: .releasing)
            socket.close()
        }
        ready.wait()
        try started.withLock { try $0!.get() }
        thread.withLock { $0 = handlerThread }
    }

    deinit {
        stop()
    }

    /// Whether the handler is answering.
    public var isRunning: Bool { state.running.load(ordering: .acquiring) }

    /// The public keys admitted now.
    public var allowedClients: Set<CurveKey> { state.allowed.withLock { $0 } }

    /// Admits `key` from now on.
    public func allow(_ key: CurveKey) { _ = state.allowed.withLock { $0.insert(key) } }

    /// Refuses `key` from now on (connections already made stay up).
    public func revoke(_ key: CurveKey) { _ = state.allowed.withLock { $0.remove(key) } }

    /// Stops answering and waits for the handler's thread to end. Secured sockets then refuse every client.
    public func stop() {
        state.stopping.request()
        let handlerThread = thread.withLock { current in
            defer { current = nil }
            return current
        }
        handlerThread?.join()
    }

    private static func serve(
        _ socket: Socket,
        domain: String,
        state: HandlerState,
        onDecision: (@Sendable (Decision) -> Void)?
    ) {
        let poller = Poller()
        poller.register(socket)
        // stop() wakes the poll; it sleeps until a request or that.
        poller.register(fileDescriptor: state.stopping.wakeDescriptor)
        while !state.stopping.isRequested {
            do {
                guard try poller.poll(timeout: nil).isReadable(socket) else { continue }
                let request = try socket.receive()
                try socket.send(reply(to: request, domain: domain, state: state, onDecision: onDecision))
            } catch {
                return  // ETERM: the context is shutting down.
            }
        }
    }

    /// The reply to one ZAP request: version, request id, domain, address, routing id, mechanism, credentials...
    private static func reply(
        to request: [Frame],
        domain: String,
        state: HandlerState,
        onDecision: (@Sendable (Decision) -> Void)?
    ) -> [Frame] {
        guard request.count >= 6, request[0].equals("1.0".utf8) else {
            return answer(requestID: request.count > 1 ? request[1].bytes : [], code: "500", text: "malformed ZAP request")
        }
        let requestID = request[1].bytes
        let requestDomain = request[2].string ?? ""
        let address = request[3].string ?? ""
        let mechanism = request[5].string ?? ""
        var clientKey: CurveKey?
        let admitted: Bool
        switch mechanism {
        case "CURVE":
            clientKey = request.count > 6 ? try? CurveKey(bytes: request[6].bytes) : nil
            admitted = clientKey.map { key in state.allowed.withLock { $0.contains(key) } } ?? false
        case "NULL":
            // Plain-text peers are fine on sockets that are not secured, never on ours.
            admitted = requestDomain != domain
        default:
            admitted = false
        }
        onDecision?(Decision(address: address, mechanism: mechanism, clientKey: clientKey, allowed: admitted))
        return admitted
            ? answer(requestID: requestID, code: "200", text: "OK", userID: clientKey?.z85 ?? "")
            : answer(requestID: requestID, code: "400", text: "client not allowed")
    }

    private static func answer(requestID: [UInt8], code: String, text: String, userID: String = "") -> [Frame] {
        [Frame("1.0"), Frame(requestID), Frame(code), Frame(text), Frame(userID), Frame()]
    }
}

/// Why a ZAP authenticator could not be used.
public enum ZAPAuthenticatorError: Error, Hashable, Sendable, CustomStringConvertible {
    case alreadyRunning
    case otherContext
    case stopped

    public var description: String {
        switch self {
        case .alreadyRunning: "this context already has a ZAP handler; use one authenticator per context"
        case .otherContext: "the authenticator guards another context than the socket's"
        case .stopped: "the authenticator has stopped; a CURVE server without one would admit every client"
        }
    }
}

/// What the handler's thread and its owner share.
private final class HandlerState: Sendable {
    let allowed: Mutex<Set<CurveKey>>
    let stopping = StopSignal()
    let running = Atomic(false)

    init(allowed: Set<CurveKey>) {
        self.allowed = Mutex(allowed)
    }
}
