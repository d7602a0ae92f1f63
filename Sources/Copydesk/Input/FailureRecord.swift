import JSONOutput

/// An article that produced no report, and why: one line of the errors file.
public struct FailureRecord: Sendable, Hashable {
    public var id: String
    public var attempt: Int
    public var source: String
    /// What went wrong, for a person to read.
    public var reason: String
    /// Where it failed: `input` (read or parse), `analysis`, or `delivery` (dead-lettered).
    public var stage: Stage

    public enum Stage: String, Sendable, Hashable {
        case input, analysis, delivery
    }

    public init(id: String, attempt: Int, source: String, reason: String, stage: Stage) {
        self.id = id
        self.attempt = attempt
        self.source = source
        self.reason = reason
        self.stage = stage
    }

    /// `{"id":...,"attempt":...,"source":...,"stage":...,"reason":...}` without a newline.
    public var jsonLine: [UInt8] {
        var line: [UInt8] = [UInt8(ascii: "{")]
        JSONText.appendKey("id", first: true, to: &line)
        JSONText.appendString(id, to: &line)
        JSONText.appendKey("attempt", to: &line)
        line.append(contentsOf: String(attempt).utf8)
        JSONText.appendKey("source", to: &line)
        JSONText.appendString(source, to: &line)
        JSONText.appendKey("stage", to: &line)
        JSONText.appendString(stage.rawValue, to: &line)
        JSONText.appendKey("reason", to: &line)
        JSONText.appendString(reason, to: &line)
        line.append(UInt8(ascii: "}"))
        return line
    }
}
