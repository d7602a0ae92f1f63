import Foundation
import Testing
import ZeroMQ

/// The transports the pipeline uses: in-process and tcp loopback.
enum Transport: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inproc, tcp

    /// An endpoint to bind: a fresh inproc name, or loopback with a port of libzmq's choosing.
    func bindEndpoint() -> String {
        switch self {
        case .inproc: "inproc://test-\(UUID().uuidString)"
        case .tcp: "tcp://127.0.0.1:*"
        }
    }

    var testDescription: String { rawValue }
}

extension Socket {
    /// Receives with a deadline, so a broken test fails instead of hanging.
    func receiveStrings(within seconds: Int = 5) throws -> [String]? {
        try receive(wait: .timeout(.seconds(seconds)))?.map { $0.string ?? "<binary>" }
    }
}

/// Runs socket code on a thread the test owns, never on Swift's cooperative pool.
func onSocketThread<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await SocketThread.run(name: "test", body)
}
