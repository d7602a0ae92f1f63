import Copydesk
import Foundation
import Logging
import ZeroMQ

/// Starting a role's `/metrics` server from `--metrics` or `COPYDESK_METRICS`.
enum MetricsOptions {
    static func start(_ flag: String?, metrics: Metrics, context: Context, logger: Logger) throws -> MetricsServer? {
        let endpoint = flag ?? "none"
        guard endpoint != "none" else { return nil }
        let server = try MetricsServer(metrics: metrics, endpoint: endpoint, context: context, logger: logger)
        logger.info("metrics served", metadata: ["endpoint": "\(server.endpoint)", "path": "/metrics"])
        FileHandle.standardOutput.write(Data("metrics=\(server.endpoint)\n".utf8))
        return server
    }
}
