@testable import Copydesk
import Foundation
import Testing

struct OutputLogTests {
    @Test func reopeningReadsTheIdsBackAndCutsATornLastLine() throws {
        let workspace = try Workspace()
        let path = workspace.path("out.jsonl")
        try workspace.write("out.jsonl", #"{"id":"one","x":1}"# + "\n" + #"{"x":2,"id":"two\"q"}"# + "\n" + #"{"id":"torn","x":"#)
        let log = try OutputLog(path: path)
        #expect(log.ids == ["one", "two\"q"])
        log.append(id: "three", line: Array(#"{"id":"three"}"#.utf8))
        try log.sync()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last == #"{"id":"three"}"#)
        #expect(try OutputLog(path: path).ids == ["one", "two\"q", "three"])
    }

    /// The file is read a piece at a time: lines that straddle the pieces, one longer than a
    /// piece, and a torn last line that starts in one piece and ends in the next.
    @Test func readsLargeFilesPieceByPiece() throws {
        let workspace = try Workspace()
        let path = workspace.path("big.jsonl")
        var text = ""
        var expected: Set<String> = []
        for index in 0..<300 {
            let padding = index == 150 ? OutputLog.chunkBytes + 123 : 3_000 + index * 37
            text += #"{"id":"id-\#(index)","pad":""# + String(repeating: "x", count: padding) + "\"}\n"
            expected.insert("id-\(index)")
        }
        let complete = text.utf8.count
        text += #"{"id":"torn","pad":""# + String(repeating: "y", count: OutputLog.chunkBytes)
        try workspace.write("big.jsonl", text)
        #expect(text.utf8.count > 2 * OutputLog.chunkBytes)

        let log = try OutputLog(path: path)
        #expect(log.ids == expected)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == complete)
    }

    @Test func sha256MatchesAKnownVector() {
        let digest = SHA256.hash(Array(repeating: UInt8(ascii: "a"), count: 1000))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
