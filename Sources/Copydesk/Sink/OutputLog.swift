import Foundation

/// An append-only JSON Lines file that knows which ids it holds.
///
/// At open it reads the file once: every line's `id` goes into ``ids``, and a torn last line
/// (a crash mid-write) is cut off, so appending resumes on a clean line boundary.
final class OutputLog {
    let path: String
    private(set) var ids: Set<String> = []
    private let descriptor: CInt
    private var pending: [UInt8] = []

    init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotOpen(path, String(cString: strerror(errno))) }
        try recover()
    }

    deinit { close(descriptor) }

    /// Lines added but not yet on disk, in bytes.
    var pendingBytes: Int { pending.count }

    /// Queues `line` (no newline) for the next ``sync()``.
    func append(id: String, line: [UInt8]) {
        ids.insert(id)
        pending.append(contentsOf: line)
        pending.append(0x0A)
    }

    /// Writes what is queued and waits until it is on disk (`fsync`).
    func sync() throws {
        guard !pending.isEmpty else { return }
        var offset = 0
        try pending.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.cannotWrite(path, String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        pending.removeAll(keepingCapacity: true)
        guard fsync(descriptor) == 0 else { throw OutputError.cannotWrite(path, String(cString: strerror(errno))) }
    }

    private func recover() throws {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return }
        guard let data = FileManager.default.contents(atPath: path) else { throw OutputError.cannotOpen(path, "unreadable") }
        let bytes = [UInt8](data)
        var lineStart = 0
        var validEnd = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            if let id = Self.id(inLine: bytes[lineStart..<index]) { ids.insert(id) }
            lineStart = index + 1
            validEnd = lineStart
        }
        if validEnd < bytes.count {
            // A torn last line: the write that made it never finished, and was never acknowledged.
            guard ftruncate(descriptor, off_t(validEnd)) == 0 else { throw OutputError.cannotWrite(path, String(cString: strerror(errno))) }
        }
        lseek(descriptor, 0, SEEK_END)
    }

    /// The `id` of a JSON line: fast when the line starts with `{"id":"` as ours do, parsed otherwise.
    static func id(inLine line: ArraySlice<UInt8>) -> String? {
        let prefix = Array(#"{"id":""#.utf8)
        if line.starts(with: prefix) {
            var index = line.startIndex + prefix.count
            while index < line.endIndex, line[index] != UInt8(ascii: "\""), line[index] != UInt8(ascii: "\\") { index += 1 }
            if index < line.endIndex, line[index] == UInt8(ascii: "\"") {
                return String(decoding: line[(line.startIndex + prefix.count)..<index], as: UTF8.self)
            }
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        return object["id"] as? String
    }
}

/// The output cannot be written; the sink stops rather than acknowledge what is not on disk.
public enum OutputError: Error, CustomStringConvertible {
    case cannotOpen(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
