import Foundation

/// Reads a file descriptor line by line in large chunks, never holding more than one line
/// (capped) in memory.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var unreadLine: [UInt8]?
    /// Lines longer than this are reported as `.tooLong` and skipped.
    let maximumLineBytes: Int

    init(handle: FileHandle, maximumLineBytes: Int) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
    }

    enum Line {
        case line([UInt8])
        case tooLong(bytes: Int)
    }

    /// The index of the next newline at or after `position` (memchr: this runs over every byte read).
    private func nextNewline() -> Int? {
        guard position < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress!)
            return memchr(base + position, 0x0A, bytes.count - position).map { UnsafeRawPointer($0) - base }
        }
    }

    /// Makes `line` the next one ``next()`` returns, after peeking at it.
    func unread(_ line: [UInt8]) {
        unreadLine = line
    }

    /// The next line without its newline (a final line without one counts), or `nil` at the end.
    func next() throws -> Line? {
        if let line = unreadLine {
            unreadLine = nil
            return .line(line)
        }
        var skipped = 0
        while true {
            if let newline = nextNewline() {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .line(line.last == 0x0D ? Array(line.dropLast()) : line)
            }
            if atEnd {
                guard position < buffer.count || skipped > 0 else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .line(line)
            }
            // Keep only the unread part, and give up on holding a line past the limit.
            buffer.removeFirst(position)
            position = 0
            if buffer.count > maximumLineBytes {
                skipped += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
