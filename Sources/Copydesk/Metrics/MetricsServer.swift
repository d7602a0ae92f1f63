import Foundation
import Logging
import Synchronization
import ZeroMQ

/// Serves `GET /metrics` over plain HTTP from a ZeroMQ STREAM socket on a thread of its own,
/// so Prometheus can scrape a role without a second networking stack.
///
/// HTTP rather than node_exporter's textfile format: in containers and Kubernetes there is no
/// node_exporter beside each role, and a scrape target per pod is what Prometheus expects.
public final class MetricsServer: Sendable {
    private let stop = StopSignal()
    private let thread: SocketThread
    /// The endpoint bound, with the real port for `*`.
    public let endpoint: String

    /// Starts serving `metrics` at `endpoint` (`tcp://*:9570`).
    public init(metrics: Metrics, endpoint: String, context: Context, logger: Logger) throws {
        let bound = Mutex<Result<String, any Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let stop = stop
        thread = SocketThread(name: "metrics") {
            let socket: Socket
            do {
                socket = try Socket(context, type: .stream)
                try socket.set(.maxMessageSize, 65_536)
                let actual = try socket.bind(endpoint)
                bound.withLock { $0 = .success(actual) }
            } catch {
                bound.withLock { $0 = .failure(error) }
                ready.signal()
                return
            }
            ready.signal()
            Self.serve(socket, metrics: metrics, stop: stop, logger: logger)
        }
        ready.wait()
        self.endpoint = try bound.withLock { $0! }.get()
    }

    public func shutdown() {
        stop.request()
        thread.join()
    }

    private static func serve(_ socket: Socket, metrics: Metrics, stop: StopSignal, logger: Logger) {
        // Requests are small; keep what arrived per connection until the blank line.
        var pending: [[UInt8]: [UInt8]] = [:]
        while !stop.isRequested {
            let received: [Frame]?
            do {
                received = try socket.receive(wait: .timeout(.milliseconds(100)))
            } catch ZMQError.terminated {
                return  // The context is shutting down: there is nothing left to serve.
            } catch {
                logger.debug("metrics request failed", metadata: ["error": "\(error)"])
                continue
            }
            guard let frames = received, frames.count == 2 else { continue }
            let connection = frames[0].bytes
            if frames[1].count == 0 {
                pending[connection] = nil  // Opened or closed.
                continue
            }
            var request = pending[connection, default: []] + frames[1].bytes
            guard let headerEnd = request.firstRange(of: Array("\r\n\r\n".utf8)) else {
                pending[connection] = request.count < 16_384 ? request : nil
                continue
            }
            request.removeSubrange(headerEnd.lowerBound...)
            pending[connection] = nil
            let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self)
            let (status, body) = line.hasPrefix("GET /metrics ") || line.hasPrefix("GET / ")
                ? ("200 OK", metrics.exposition())
                : ("404 Not Found", "try GET /metrics\n")
            let response = "HTTP/1.0 \(status)\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            do {
                // A scraper that does not read within a second loses its answer.
                guard try socket.send([Frame(connection), Frame(response)], wait: .timeout(.seconds(1))),
                      try socket.send([Frame(connection), Frame()], wait: .timeout(.seconds(1)))  // Close.
                else {
                    logger.debug("metrics response not sent in time")
                    continue
                }
            } catch {
                logger.debug("metrics response failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
