import Foundation
import Synchronization
import Testing
import ZeroMQ

/// CURVE encryption with a ZAP allowlist: only listed clients get anything through.
@Suite(.hangGuard, .enabled(if: ZMQLibrary.has(.curve), "libzmq was built without CURVE"))
struct CurveTests {
    let server = try! CurveKeyPair.generate()
    let allowedClient = try! CurveKeyPair.generate()

    /// What a PULL CURVE server receives from one PUSH client within `wait`.
    private func deliver(
        configureClient: @escaping @Sendable (Socket) throws -> Void,
        stopAuthenticatorFirst: Bool = false,
        wait: Duration = .milliseconds(600)
    ) async throws -> (received: String?, decisions: [String]) {
        let server = server
        let allowed = allowedClient.publicKey
        return try await onSocketThread {
            let context = try Context()
            let log = DecisionLog()
            let authenticator = try ZAPAuthenticator(context: context, allowedClients: [allowed]) { log.append($0) }
            let pull = try Socket(context, type: .pull)
            try pull.makeCurveServer(secretKey: server.secretKey, authenticator: authenticator)
            let endpoint = try pull.bind("tcp://127.0.0.1:*")
            if stopAuthenticatorFirst { authenticator.stop() }

            let push = try Socket(context, type: .push)
            try configureClient(push)
            try push.connect(endpoint)
            _ = try push.send([Frame("secret article")], wait: .never)
            let received = try pull.receive(wait: .timeout(wait))?.first?.string
            return (received, log.entries)
        }
    }

    @Test func anAllowedClientTalks() async throws {
        let (server, client) = (server, allowedClient)
        let outcome = try await deliver(configureClient: { try $0.makeCurveClient(serverKey: server.publicKey, keys: client) }, wait: .seconds(5))
        #expect(outcome.received == "secret article")
        #expect(outcome.decisions == ["allowed CURVE \(client.publicKey.z85)"])
    }

    @Test func anUnknownKeyGetsNothingThrough() async throws {
        let server = server
        let stranger = try CurveKeyPair.generate()
        let outcome = try await deliver(configureClient: { try $0.makeCurveClient(serverKey: server.publicKey, keys: stranger) })
        #expect(outcome.received == nil)
        #expect(outcome.decisions.contains("denied CURVE \(stranger.publicKey.z85)"))
    }

    @Test func aPlainTextClientGetsNothingThrough() async throws {
        let outcome = try await deliver(configureClient: { _ in })
        #expect(outcome.received == nil)
    }

    @Test func aClientWithTheWrongServerKeyGetsNothingThrough() async throws {
        let client = allowedClient
        let impostor = try CurveKeyPair.generate()
        let outcome = try await deliver(configureClient: { try $0.makeCurveClient(serverKey: impostor.publicKey, keys: client) })
        #expect(outcome.received == nil)
    }

    @Test func aServerWhoseAuthenticatorStoppedRefusesEveryone() async throws {
        let (server, client) = (server, allowedClient)
        let outcome = try await deliver(
            configureClient: { try $0.makeCurveClient(serverKey: server.publicKey, keys: client) },
            stopAuthenticatorFirst: true
        )
        #expect(outcome.received == nil)
    }

    @Test func aCurveServerCannotBeMadeWithoutARunningAuthenticator() async throws {
        let server = server
        try await onSocketThread {
            let context = try Context()
            let authenticator = try ZAPAuthenticator(context: context, allowedClients: [])
            authenticator.stop()
            let pull = try Socket(context, type: .pull)
            #expect(throws: ZAPAuthenticatorError.stopped) {
                try pull.makeCurveServer(secretKey: server.secretKey, authenticator: authenticator)
            }
            let otherContext = try Context()
            let foreign = try ZAPAuthenticator(context: otherContext, allowedClients: [])
            #expect(throws: ZAPAuthenticatorError.otherContext) {
                try pull.makeCurveServer(secretKey: server.secretKey, authenticator: foreign)
            }
        }
    }

    @Test func aContextHasOneAuthenticator() async throws {
        try await onSocketThread {
            let context = try Context()
            let first = try ZAPAuthenticator(context: context, allowedClients: [])
            #expect(throws: ZAPAuthenticatorError.alreadyRunning) {
                _ = try ZAPAuthenticator(context: context, allowedClients: [])
            }
            #expect(first.isRunning)
        }
    }

    /// The handler sleeps until a request or stop() wakes it: stopping takes no polling
    /// interval. It polled every 100 ms before, so a median stop under 20 ms in nine
    /// tries would have come up about once in fifty runs.
    @Test func stoppingTheAuthenticatorWakesItAtOnce() async throws {
        try await onSocketThread {
            var durations: [Duration] = []
            for _ in 0..<9 {
                let context = try Context()
                let authenticator = try ZAPAuthenticator(context: context, allowedClients: [])
                Thread.sleep(forTimeInterval: 0.03)
                let start = ContinuousClock.now
                authenticator.stop()
                durations.append(ContinuousClock.now - start)
                #expect(!authenticator.isRunning)
            }
            let median = durations.sorted()[durations.count / 2]
            #expect(median < .milliseconds(20), "stop() took \(durations)")
        }
    }

    @Test func keysSurviveZ85() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.z85.count == 40)
        #expect(try CurveKey(z85: pair.publicKey.z85) == pair.publicKey)
        #expect(try CurveKeyPair(secretKey: pair.secretKey).publicKey == pair.publicKey)
        #expect(throws: CurveKeyError.self) { try CurveKey(z85: "too short") }
        #expect(Z85.decode(Z85.encode([1, 2, 3, 4, 250, 251, 252, 253])) == [1, 2, 3, 4, 250, 251, 252, 253])
        #expect(Z85.decode("bad") == nil)
        // The secret never shows in logs.
        #expect(!"\(pair)".contains(pair.secretKey.z85))
    }
}

/// Decisions reported on the handler's thread, read back by the test.
private final class DecisionLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ decision: ZAPAuthenticator.Decision) {
        storage.withLock { $0.append("\(decision.allowed ? "allowed" : "denied") \(decision.mechanism) \(decision.clientKey?.z85 ?? "-")") }
    }
    var entries: [String] { storage.withLock { $0 } }
}
