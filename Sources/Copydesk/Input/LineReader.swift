import Foundation

/// Reads a file descriptor line by line in large chunks, never holding more than one line
/// (capped) in memory: the one line reader of the project (inputs, the intake's files, the
/// article count for progress, `copydesk report`).
///
/// Each chunk is one `read(2)` straight into the reader's own buffer (``FileHandle/readSome(into:)``):
/// the ventilator reads every article through here.
public final class LineReader {
    private let handle: FileHandle
    /// Bytes read and not yet returned are `storage[start..<end]`.
    private var storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var unreadLine: [UInt8]?
    /// Lines longer than this are reported as `.tooLong` and skipped.
    let maximumLineBytes: Int
    /// The buffer's first size; it doubles when less than half of this is left for a read.
    private let chunkBytes: Int

    public init(handle: FileHandle, maximumLineBytes: Int, chunkBytes: Int = 1 << 20) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
        self.chunkBytes = chunkBytes
        storage = .allocate(byteCount: chunkBytes, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Reads `path`, or standard input for `-`.
    public convenience init(path: String, maximumLineBytes: Int) throws {
        if path == "-" {
            self.init(handle: .standardInput, maximumLineBytes: maximumLineBytes)
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            self.init(handle: handle, maximumLineBytes: maximumLineBytes)
        }
    }

    public enum Line: Equatable {
        case line([UInt8])
        case tooLong(bytes: Int)
    }

    /// Makes `line` the next one ``next()`` returns, after peeking at it.
    func unread(_ line: [UInt8]) {
        unreadLine = line
    }

    /// Whether a line holds nothing but spaces, tabs and carriage returns.
    public static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The next line without its newline (a final line without one counts), or `nil` at the end.
    public func next() throws -> Line? {
        if let line = unreadLine {
            unreadLine = nil
            return .line(line)
        }
        var skipped = 0
        while true {
            if let newline = nextNewline() {
                let line = start..<newline
                start = newline + 1
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                let endsInReturn = !line.isEmpty && storage[newline - 1] == 0x0D
                return .line(bytes(line.lowerBound..<(endsInReturn ? newline - 1 : newline)))
            }
            if atEnd {
                guard start < end || skipped > 0 else { return nil }
                let line = start..<end
                start = end
                if skipped > 0 { return .tooLong(bytes: skipped + line.count) }
                return .line(bytes(line))
            }
            // Give up on holding a line past the limit; otherwise keep only the unread part.
            if end - start > maximumLineBytes {
                skipped += end - start
                start = 0
                end = 0
            } else if start > 0 {
                let base = storage.baseAddress!
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            }
            if storage.count - end < chunkBytes / 2 { grow() }
            let count = try handle.readSome(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
            if count == 0 { atEnd = true } else { end += count }
        }
    }

    /// The index of the next newline in the unread bytes (memchr: this runs over every byte read).
    private func nextNewline() -> Int? {
        guard start < end else { return nil }
        let base = UnsafeRawPointer(storage.baseAddress!)
        return memchr(base + start, 0x0A, end - start).map { UnsafeRawPointer($0) - base }
    }

    private func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(rebasing: storage[range]))
    }

    private func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[0..<end]))
        storage.deallocate()
        storage = larger
    }
}
