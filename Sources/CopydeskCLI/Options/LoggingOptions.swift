import ArgumentParser
import Foundation
import Logging

/// `--log-level`, shared by every command that runs a role.
struct LoggingOptions: ParsableArguments {
    @Option(help: "trace, debug, info, notice, warning, error or critical (env COPYDESK_LOG_LEVEL).")
    var logLevel: String?

    /// Sends swift-log to stderr at the chosen level and returns a logger labelled `label`.
    func bootstrap(_ label: String, defaultLevel: Logger.Level) throws -> Logger {
        let text = logLevel ?? ProcessInfo.processInfo.environment["COPYDESK_LOG_LEVEL"]
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

/// An option's value from the flag, else the environment variable, else the default, so the
/// same image runs anywhere with only environment settings (containers).
func resolved(_ flag: String?, environment name: String, default value: String) -> String {
    flag ?? ProcessInfo.processInfo.environment[name] ?? value
}
