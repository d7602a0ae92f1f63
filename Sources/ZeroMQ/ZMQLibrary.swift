import CZMQ

/// Facts about the libzmq this process runs against.
public enum ZMQLibrary {
    /// A capability libzmq may have been built with, for ``has(_:)``.
    public struct Capability: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// CurveZMQ encryption and authentication (needs libsodium).
        public static var curve: Capability { Capability(rawValue: "curve") }
        /// `ipc://` endpoints.
        public static var ipc: Capability { Capability(rawValue: "ipc") }
        /// PGM multicast.
        public static var pgm: Capability { Capability(rawValue: "pgm") }
        /// TIPC endpoints.
        public static var tipc: Capability { Capability(rawValue: "tipc") }
        /// NORM multicast.
        public static var norm: Capability { Capability(rawValue: "norm") }
        /// GSSAPI (Kerberos) security.
        public static var gssapi: Capability { Capability(rawValue: "gssapi") }
        /// libzmq's draft API.
        public static var draft: Capability { Capability(rawValue: "draft") }
    }

    /// Whether libzmq was built with `capability`.
    ///
    /// Wraps `zmq_has`.
    public static func has(_ capability: Capability) -> Bool {
        System.has(capability.rawValue)
    }

    /// libzmq's version, such as `(4, 3, 4)`.
    ///
    /// Wraps `zmq_version`.
    public static var version: (major: Int, minor: Int, patch: Int) {
        System.version()
    }

    /// libzmq's version as text, such as `"4.3.4"`.
    public static var versionString: String {
        let (major, minor, patch) = version
        return "\(major).\(minor).\(patch)"
    }
}
