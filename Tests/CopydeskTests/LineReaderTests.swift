@testable import Copydesk
import Foundation
import SystemPackage
import Testing

/// The line reader against a plain split of the same bytes, with chunks small enough that lines
/// straddle them, from a file and from a pipe (whose reads return whatever has arrived).
struct LineReaderTests {
    /// What the reader must return: lines split at "\n", one "\r" before it dropped, a final
    /// line without a newline kept whole.
    private static func expectedLines(_ bytes: [UInt8]) -> [LineReader.Line] {
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let endsWithNewline = bytes.last == 0x0A
        if endsWithNewline || bytes.isEmpty { pieces.removeLast() }
        return pieces.enumerated().map { index, piece in
            let isFinalWithoutNewline = index == pieces.count - 1 && !endsWithNewline
            return .line(!isFinalWithoutNewline && piece.last == 0x0D ? Array(piece.dropLast()) : piece)
        }
    }

    private static func readAll(_ reader: LineReader) throws -> [LineReader.Line] {
        var lines: [LineReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        return lines
    }

    private static func randomText(lines: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<lines {
            let length = [0, 1, 5, 63, 64, 65, 200, 300].randomElement(using: &generator)!
            bytes += (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            if Bool.random(using: &generator) { bytes.append(0x0D) }
            bytes.append(0x0A)
        }
        return bytes
    }

    @Test func linesStraddlingChunksComeOutWhole() throws {
        var generator = SystemRandomNumberGenerator()
        let workspace = try Workspace()
        for trial in 0..<20 {
            var bytes = Self.randomText(lines: 300, using: &generator)
            if trial % 2 == 0 { bytes += Array("last line, no newline\r".utf8) }
            try workspace.write("lines.txt", Data(bytes))
            let handle = try #require(FileHandle(forReadingAtPath: workspace.path("lines.txt")))
            let reader = LineReader(handle: handle, maximumLineBytes: 500, chunkBytes: 128)
            #expect(try Self.readAll(reader) == Self.expectedLines(bytes))
        }
    }

    @Test func emptyInputHasNoLines() throws {
        let workspace = try Workspace()
        try workspace.write("empty.txt", "")
        let reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: workspace.path("empty.txt"))), maximumLineBytes: 100)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    /// A line far past the limit is reported once, by size, and the lines after it still come.
    @Test func tooLongLineIsSkippedAndReadingGoesOn() throws {
        let workspace = try Workspace()
        let long = String(repeating: "x", count: 10_000)
        try workspace.write("long.txt", "first\n\(long)\nafter\n\(long)")
        let handle = try #require(FileHandle(forReadingAtPath: workspace.path("long.txt")))
        let reader = LineReader(handle: handle, maximumLineBytes: 1_000, chunkBytes: 256)
        #expect(try Self.readAll(reader) == [.line(Array("first".utf8)), .tooLong(bytes: 10_000), .line(Array("after".utf8)), .tooLong(bytes: 10_000)])
    }

    /// A line longer than the buffer but within the limit: the buffer grows to hold it.
    @Test func lineLongerThanTheBufferGrowsIt() throws {
        let workspace = try Workspace()
        let long = Array(String(repeating: "abcdefgh", count: 5_000).utf8)
        try workspace.write("long.txt", Data(long + [0x0A] + Array("next".utf8)))
        let reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: workspace.path("long.txt"))), maximumLineBytes: 100_000, chunkBytes: 64)
        #expect(try Self.readAll(reader) == [.line(long), .line(Array("next".utf8))])
    }

    /// A pipe delivers a few bytes at a time, as stdin does.
    @Test func readsAPipeWrittenInSmallPieces() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Self.randomText(lines: 400, using: &generator)
        let pipe = Pipe()
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let piece = min(Int.random(in: 1...97), bytes.count - offset)
                pipe.fileHandleForWriting.write(Data(bytes[offset..<(offset + piece)]))
                offset += piece
            }
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let reader = LineReader(handle: pipe.fileHandleForReading, maximumLineBytes: 1_000, chunkBytes: 4_096)
        #expect(try Self.readAll(reader) == Self.expectedLines(bytes))
    }

    @Test func unreadLineComesBackFirst() throws {
        let workspace = try Workspace()
        try workspace.write("two.txt", "one\ntwo\n")
        let reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: workspace.path("two.txt"))), maximumLineBytes: 100)
        let first = try reader.next()
        guard case .line(let line) = first else { Issue.record("no first line"); return }
        reader.unread(line)
        #expect(try Self.readAll(reader) == [.line(Array("one".utf8)), .line(Array("two".utf8))])
    }

    @Test func readFailureSaysWhy() throws {
        let workspace = try Workspace()
        // A directory opens for reading but cannot be read.
        let handle = try #require(FileHandle(forReadingAtPath: workspace.url.path))
        let reader = LineReader(handle: handle, maximumLineBytes: 100)
        #expect(throws: Errno.self) { try reader.next() }
        do { _ = try reader.next() } catch { #expect("\(error)" == "Is a directory") }
    }
}
