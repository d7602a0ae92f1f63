import Foundation
import ZeroMQ

/// Loopback endpoints nobody listens on, for the processes `chaos` and `bench` start, and
/// restart at the same address (so the kernel cannot choose them at each bind: `tcp://…:*`).
/// The ports are below the kernel's ephemeral range, where connecting sockets take their own
/// ports, so no connection made in the meantime can be holding one; picked at random there, so
/// two runs side by side are unlikely to try the same, and each is bound until all are chosen.
enum LoopbackPorts {
    static func endpoints(_ count: Int) throws -> [String] {
        let context = try Context()
        let ports = Self.belowEphemeral
        let sockets = try (0..<count).map { _ in try Socket(context, type: .pull) }
        defer { sockets.forEach { $0.close() } }
        return try sockets.map { socket in
            for _ in 0..<100 {
                do {
                    return try socket.bind("tcp://127.0.0.1:\(Int.random(in: ports))")
                } catch let error as ZMQError where error == .addressInUse {
                    continue
                }
            }
            throw ZMQError.addressInUse
        }
    }

    /// Ports from 10,000 up to the first of the kernel's ephemeral range (Linux's
    /// `ip_local_port_range`, 32768 by default).
    static var belowEphemeral: Range<Int> {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let first = text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
        return 10_000..<max(first, 10_001)
    }
}
