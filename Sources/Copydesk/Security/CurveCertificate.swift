import Foundation
import ZeroMQ

/// CURVE key files in the certificate format of pyzmq's `zmq.auth` (and czmq): `NAME.key`
/// holds the public key, `NAME.key_secret` both, as Z85 in a `curve` section.
public enum CurveCertificate {
    /// The public key and, in a secret certificate, the secret key of the file at `path`.
    public static func load(_ path: String) throws -> (publicKey: CurveKey, secretKey: CurveKey?) {
        guard let data = FileManager.default.contents(atPath: path) else { throw CurveSetupError.unreadable(path) }
        var publicText: String?
        var secretText: String?
        for rawLine in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let value = line[line.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t'\""))
            if line.hasPrefix("public-key") { publicText = value }
            if line.hasPrefix("secret-key") { secretText = value }
        }
        guard let publicText else { throw CurveSetupError.noPublicKey(path) }
        do {
            return (try CurveKey(z85: publicText), try secretText.map { try CurveKey(z85: $0) })
        } catch {
            throw CurveSetupError.badKey(path, "\(error)")
        }
    }

    /// Writes `NAME.key` (public, mode 0644) and `NAME.key_secret` (mode 0600) into `directory`.
    ///
    /// - Returns: The two paths.
    @discardableResult
    public static func write(_ pair: CurveKeyPair, name: String, directory: String) throws -> (publicPath: String, secretPath: String) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let base = (directory as NSString).appendingPathComponent(name)
        let now = ISO8601DateFormatter().string(from: Date())
        let publicText = """
            #   ****  Generated on \(now) by copydesk  ****
            #   ZeroMQ CURVE Public Certificate
            #   Exchange securely, or use a secure mechanism to verify the contents
            #   of this file after exchange.

            metadata
            curve
                public-key = "\(pair.publicKey.z85)"

            """
        let secretText = """
            #   ****  Generated on \(now) by copydesk  ****
            #   ZeroMQ CURVE **Secret** Certificate
            #   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.

            metadata
            curve
                public-key = "\(pair.publicKey.z85)"
                secret-key = "\(pair.secretKey.z85)"

            """
        let secretPath = base + ".key_secret"
        guard FileManager.default.createFile(atPath: secretPath, contents: Data(secretText.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CurveSetupError.unwritable(secretPath)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretPath)
        guard FileManager.default.createFile(atPath: base + ".key", contents: Data(publicText.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw CurveSetupError.unwritable(base + ".key")
        }
        return (base + ".key", secretPath)
    }
}
