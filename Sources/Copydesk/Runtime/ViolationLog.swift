import Logging

/// Logs messages that break the protocol without letting a flood of them flood the log:
/// the first ten in full, then one line per thousand with the running count.
struct ViolationLog {
    let role: String
    private(set) var count = 0

    init(role: String) {
        self.role = role
    }

    mutating func record(_ reason: @autoclosure () -> String, logger: Logger) {
        count += 1
        if count <= 10 || count % 1000 == 0 {
            logger.warning("\(role) ignored a malformed message", metadata: ["reason": "\(reason())", "so far": "\(count)"])
        }
    }
}
