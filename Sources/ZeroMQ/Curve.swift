import CZMQ
import Foundation

/// A 32-byte CurveZMQ key (public or secret), printable as 40 characters of Z85.
public struct CurveKey: Hashable, Sendable {
    /// The key's 32 bytes.
    public let bytes: [UInt8]

    /// A key from its 32 bytes.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else { throw CurveKeyError.wrongLength(bytes.count) }
        self.bytes = bytes
    }

    /// A key from its 40-character Z85 text.
    ///
    /// Wraps `zmq_z85_decode`.
    public init(z85: String) throws {
        let text = z85.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count == 40 else { throw CurveKeyError.notZ85(text) }
        var decoded = [UInt8](repeating: 0, count: 32)
        guard System.z85Decode(&decoded, text) else { throw CurveKeyError.notZ85(text) }
        self.bytes = decoded
    }

    /// The key as 40 characters of Z85, the form pyzmq's certificate files and libzmq use.
    ///
    /// Wraps `zmq_z85_encode`.
    public var z85: String {
        Z85.encode(bytes)
    }
}

/// A CurveZMQ key pair.
public struct CurveKeyPair: Sendable, CustomStringConvertible {
    public let publicKey: CurveKey
    public let secretKey: CurveKey

    public init(publicKey: CurveKey, secretKey: CurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// The pair that `secretKey` belongs to, its public key derived from it.
    ///
    /// Wraps `zmq_curve_public`.
    public init(secretKey: CurveKey) throws {
        var publicText = [CChar](repeating: 0, count: 41)
        let secretText = Array(secretKey.z85.utf8CString)
        _ = try System.curvePublic(&publicText, secretText).get()
        self.init(publicKey: try CurveKey(z85: String(zeroTerminated: publicText)), secretKey: secretKey)
    }

    /// A new random key pair.
    ///
    /// Wraps `zmq_curve_keypair`; fails with ``ZMQError/notSupported`` when libzmq lacks CURVE.
    public static func generate() throws -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        _ = try System.curveKeyPair(&publicText, &secretText).get()
        return CurveKeyPair(
            publicKey: try CurveKey(z85: String(zeroTerminated: publicText)),
            secretKey: try CurveKey(z85: String(zeroTerminated: secretText))
        )
    }

    /// Shows the public key only, so a secret never lands in a log by accident.
    public var description: String { "CurveKeyPair(public: \(publicKey.z85))" }
}

extension CurveKey: CustomStringConvertible {
    public var description: String { z85 }
}

/// Why text or bytes are not a CURVE key.
public enum CurveKeyError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongLength(Int)
    case notZ85(String)

    public var description: String {
        switch self {
        case .wrongLength(let count): "a CURVE key has 32 bytes, not \(count)"
        case .notZ85(let text): "not a 40-character Z85 CURVE key: \(text.prefix(60))"
        }
    }
}

/// ZeroMQ's Z85 text encoding (RFC 32) of byte strings whose length is a multiple of 4.
public enum Z85 {
    /// Encodes `bytes` (a multiple of 4 long) as Z85 text.
    ///
    /// Wraps `zmq_z85_encode`.
    public static func encode(_ bytes: [UInt8]) -> String {
        precondition(bytes.count % 4 == 0, "Z85 encodes a multiple of 4 bytes")
        var text = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        let ok = bytes.withUnsafeBufferPointer { System.z85Encode(&text, $0.baseAddress!, bytes.count) }
        precondition(ok, "zmq_z85_encode refused \(bytes.count) bytes")
        return String(zeroTerminated: text)
    }

    /// Decodes Z85 text (a multiple of 5 characters), or `nil` when it is not Z85.
    ///
    /// Wraps `zmq_z85_decode`.
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 5 == 0, text.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        var bytes = [UInt8](repeating: 0, count: text.utf8.count * 4 / 5)
        return System.z85Decode(&bytes, text) ? bytes : nil
    }
}

extension Socket {
    /// Makes this socket a CURVE server: every connection is encrypted, and only clients whose
    /// public key `authenticator` allows get through.
    ///
    /// libzmq lets any client that knows the server key in when no ZAP handler answers, so this
    /// takes the authenticator as proof one is running, and also tells libzmq to refuse every
    /// handshake should it stop (`ZMQ_ZAP_ENFORCE_DOMAIN`). Call before ``bind(_:)``.
    ///
    /// Wraps `zmq_setsockopt` with `ZMQ_ZAP_DOMAIN`, `ZMQ_ZAP_ENFORCE_DOMAIN`, `ZMQ_CURVE_SERVER`
    /// and `ZMQ_CURVE_SECRETKEY`.
    public func makeCurveServer(secretKey: CurveKey, authenticator: ZAPAuthenticator) throws {
        guard authenticator.context === context else {
            throw ZAPAuthenticatorError.otherContext
        }
        guard authenticator.isRunning else { throw ZAPAuthenticatorError.stopped }
        try setRaw(ZMQ_ZAP_DOMAIN, Array(authenticator.domain.utf8))
        try setRaw(ZMQ_ZAP_ENFORCE_DOMAIN, withUnsafeBytes(of: CInt(1)) { Array($0) })
        try setRaw(ZMQ_CURVE_SERVER, withUnsafeBytes(of: CInt(1)) { Array($0) })
        try setRaw(ZMQ_CURVE_SECRETKEY, secretKey.bytes)
    }

    /// Makes this socket a CURVE client of the server whose public key is `serverKey`, presenting
    /// `keys` (whose public key the server must allow). Call before ``connect(_:)``.
    ///
    /// Wraps `zmq_setsockopt` with `ZMQ_CURVE_SERVERKEY`, `ZMQ_CURVE_PUBLICKEY` and `ZMQ_CURVE_SECRETKEY`.
    public func makeCurveClient(serverKey: CurveKey, keys: CurveKeyPair) throws {
        try setRaw(ZMQ_CURVE_SERVERKEY, serverKey.bytes)
        try setRaw(ZMQ_CURVE_PUBLICKEY, keys.publicKey.bytes)
        try setRaw(ZMQ_CURVE_SECRETKEY, keys.secretKey.bytes)
    }
}

extension String {
    /// The text of a zero-terminated C string buffer filled by libzmq.
    init(zeroTerminated buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
