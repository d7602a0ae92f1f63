import ZeroMQ

/// Loopback endpoints nobody listens on, for the processes `chaos` and `bench` start.
enum LoopbackPorts {
    /// `count` distinct `tcp://127.0.0.1:PORT` endpoints whose ports the kernel just handed out.
    static func endpoints(_ count: Int) throws -> [String] {
        let context = try Context()
        // Keep each socket bound until all are chosen, so no port is handed out twice.
        let sockets = try (0..<count).map { _ in try Socket(context, type: .pull) }
        let endpoints = try sockets.map { try $0.bind("tcp://127.0.0.1:*") }
        sockets.forEach { $0.close() }
        return endpoints
    }
}
