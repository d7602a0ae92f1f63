import Foundation
import Logging
import ZeroMQ

/// CURVE keys for a role, read from one directory (`--curve-dir`, `COPYDESK_CURVE_DIR`):
///
/// | file | who needs it |
/// |---|---|
/// | `server.key` | every role that connects (the public key of the ventilator and sink) |
/// | `server.key_secret` | the ventilator and the sink, which bind |
/// | `client.key_secret` | every role that connects (workers; the sink and ventilator reach each other too) |
/// | `allowed/*.key` | the ventilator and the sink: public keys of the clients they admit |
///
/// `copydesk keygen` writes these. With CURVE on, a binding role without an allowlist refuses
/// to start rather than admit nobody or, worse, everybody.
public struct CurveSetup: Sendable {
    public var serverPublicKey: CurveKey
    public var serverSecretKey: CurveKey?
    public var client: CurveKeyPair?
    public var allowedClients: Set<CurveKey>

    /// What a role does with its sockets, to know which files it needs.
    public struct Needs: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// It binds tcp endpoints (ventilator, sink).
        public static let server = Needs(rawValue: 1)
        /// It connects to tcp endpoints (worker, sink, ventilator, submit).
        public static let client = Needs(rawValue: 2)
    }

    public init(serverPublicKey: CurveKey, serverSecretKey: CurveKey? = nil, client: CurveKeyPair? = nil, allowedClients: Set<CurveKey> = []) {
        self.serverPublicKey = serverPublicKey
        self.serverSecretKey = serverSecretKey
        self.client = client
        self.allowedClients = allowedClients
    }

    /// Reads the files `needs` calls for from `directory`; fails with the missing file's name.
    public static func load(directory: String, needs: Needs) throws -> CurveSetup {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        var setup = CurveSetup(serverPublicKey: try CurveCertificate.load(path("server.key")).publicKey)
        if needs.contains(.server) {
            guard let secret = try CurveCertificate.load(path("server.key_secret")).secretKey else {
                throw CurveSetupError.noSecretKey(path("server.key_secret"))
            }
            setup.serverSecretKey = secret
            let allowedDirectory = path("allowed")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: allowedDirectory)) ?? []
            for file in files where file.hasSuffix(".key") {
                setup.allowedClients.insert(try CurveCertificate.load((allowedDirectory as NSString).appendingPathComponent(file)).publicKey)
            }
            guard !setup.allowedClients.isEmpty else { throw CurveSetupError.noAllowlist(allowedDirectory) }
        }
        if needs.contains(.client) {
            let certificate = try CurveCertificate.load(path("client.key_secret"))
            guard let secret = certificate.secretKey else { throw CurveSetupError.noSecretKey(path("client.key_secret")) }
            setup.client = CurveKeyPair(publicKey: certificate.publicKey, secretKey: secret)
        }
        return setup
    }

    /// Starts the context's ZAP handler with the allowlist, logging each refusal.
    public func makeAuthenticator(context: Context, logger: Logger) throws -> ZAPAuthenticator {
        try ZAPAuthenticator(context: context, allowedClients: allowedClients) { decision in
            if !decision.allowed { logger.warning("refused a client", metadata: ["decision": "\(decision)"]) }
        }
    }

    /// Secures a socket that binds: only allowlisted clients get through, all traffic encrypted.
    public func secureServer(_ socket: Socket, authenticator: ZAPAuthenticator) throws {
        guard let serverSecretKey else { throw CurveSetupError.noSecretKey("server.key_secret") }
        try socket.makeCurveServer(secretKey: serverSecretKey, authenticator: authenticator)
    }

    /// Secures a socket that connects, presenting the client key.
    public func secureClient(_ socket: Socket) throws {
        guard let client else { throw CurveSetupError.noSecretKey("client.key_secret") }
        try socket.makeCurveClient(serverKey: serverPublicKey, keys: client)
    }
}

/// Why CURVE keys could not be set up; the role does not start.
public enum CurveSetupError: Error, CustomStringConvertible {
    case unreadable(String)
    case unwritable(String)
    case noPublicKey(String)
    case noSecretKey(String)
    case badKey(String, String)
    case noAllowlist(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the key file (run `copydesk keygen`)"
        case .unwritable(let path): "\(path): cannot write the key file"
        case .noPublicKey(let path): "\(path): no public-key line"
        case .noSecretKey(let path): "\(path): no secret-key line; this role needs the secret certificate"
        case .badKey(let path, let reason): "\(path): \(reason)"
        case .noAllowlist(let path): "CURVE is on but \(path) holds no client .key files: refusing to start (copy each client's public .key file there)"
        }
    }
}
