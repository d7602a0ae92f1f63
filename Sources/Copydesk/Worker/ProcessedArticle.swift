/// What an analysis thread made of an article: its outcome, with the line for the sink written
/// already or written later, on whichever thread asks for the ``result()``.
///
/// Writing a report's JSON line costs about 3% of analysing the article. A worker with a core
/// to spare lets its I/O thread write the lines, so its analysis threads only analyse.
public struct ProcessedArticle: Sendable {
    public let id: String
    public let attempt: Int
    public let status: ResultRecord.Status
    private let line: Line

    private enum Line: Sendable {
        case written([UInt8])
        case toWrite(@Sendable () -> [UInt8])
    }

    /// An outcome whose line is written.
    public init(_ result: ResultRecord) {
        (id, attempt, status, line) = (result.id, result.attempt, result.status, .written(result.line))
    }

    /// An outcome whose line `writeLine` writes when the ``result()`` is asked for.
    public init(id: String, attempt: Int, status: ResultRecord.Status, writeLine: @escaping @Sendable () -> [UInt8]) {
        (self.id, self.attempt, self.status, line) = (id, attempt, status, .toWrite(writeLine))
    }

    /// Whether the line is still to be written.
    public var isPending: Bool {
        if case .toWrite = line { true } else { false }
    }

    /// The result for the sink, writing its line now if it is still to be written.
    public func result() -> ResultRecord {
        switch line {
        case .written(let bytes): ResultRecord(id: id, attempt: attempt, status: status, line: bytes)
        case .toWrite(let writeLine): ResultRecord(id: id, attempt: attempt, status: status, line: writeLine())
        }
    }
}
