import ArgumentParser
import Copydesk
import Foundation
import ZeroMQ

/// `copydesk keygen`: CURVE certificates for `--curve-dir`.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write CURVE key pairs in the certificate format of pyzmq's zmq.auth.",
        discussion: """
            Without --name, sets up DIR for a whole pipeline: server.key and server.key_secret (the ventilator and sink), client.key and client.key_secret (the roles that connect), and allowed/client.key (the allowlist). Give every role the same DIR with --curve-dir, or give workers a copy without server.key_secret. With --name, writes only NAME.key and NAME.key_secret, for another client: copy NAME.key into the servers' allowed/ directory to admit it.
            """
    )

    @Option(help: "Where to write the certificates.")
    var dir: String = "curve"

    @Option(help: "Write one key pair with this name instead of the whole set.")
    var name: String?

    func run() throws {
        guard ZMQLibrary.has(.curve) else { throw ValidationError("this libzmq was built without CURVE") }
        if let name {
            let paths = try CurveCertificate.write(.generate(), name: name, directory: dir)
            print("wrote \(paths.publicPath) and \(paths.secretPath)")
            return
        }
        let existing = (dir as NSString).appendingPathComponent("server.key_secret")
        guard !FileManager.default.fileExists(atPath: existing) else {
            throw ValidationError("\(existing) exists: keygen does not overwrite keys")
        }
        try CurveCertificate.write(.generate(), name: "server", directory: dir)
        let client = try CurveKeyPair.generate()
        try CurveCertificate.write(client, name: "client", directory: dir)
        try CurveCertificate.write(client, name: "client", directory: (dir as NSString).appendingPathComponent("allowed"))
        // The allowlist needs only the public half.
        try FileManager.default.removeItem(atPath: ((dir as NSString).appendingPathComponent("allowed") as NSString).appendingPathComponent("client.key_secret"))
        print("wrote server and client key pairs and allowed/client.key to \(dir)/")
    }
}
