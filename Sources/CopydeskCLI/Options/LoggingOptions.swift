import ArgumentParser
import Foundation
import Logging

/// `--log-level`, shared by every command that runs a role.
struct LoggingOptions: ParsableArguments {
    @Option(help: "trace, debug, info, notice, warning, error or critical (env COPYDESK_LOG_LEVEL).")
    var logLevel: String?

    /// Sends swift-log to stderr at the chosen level and returns a logger labelled `label`.
    func bootstrap(_ label: String, defaultLevel: Logger.Level) throws -> Logger {
        let text = logLevel
        let level: Logger.Level
        if let text {
            guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError("unknown log level \"\(text)\"")
            }
            level = parsed
        } else {
            level = defaultLevel
        }
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
