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

    @Test func sha256MatchesAKnownVector() {
        let digest = SHA256.hash(Array(repeating: UInt8(ascii: "a"), count: 1000))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
