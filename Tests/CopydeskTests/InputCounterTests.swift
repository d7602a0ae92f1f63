import Copydesk
import Foundation
import Testing

/// The progress line's total: one per non-blank JSONL line, one per other file.
struct InputCounterTests {
    @Test func countsLinesWithContentOnly() throws {
        let workspace = try Workspace()
        try workspace.write("a.jsonl", "{\"text\":\"1\"}\n\n   \n{\"text\":\"2\"}\r\n\t\r\n  {\"text\":\"3\"}")
        try workspace.write("b.txt", "one article")
        #expect(InputCounter.count([workspace.path("a.jsonl"), workspace.path("b.txt")]) == 4)
        #expect(InputCounter.count([workspace.path("a.jsonl"), "-"]) == nil)
    }

    /// Lines and blank runs that straddle the 1 MB chunks the counter reads.
    @Test func countsAcrossChunkBoundaries() throws {
        let workspace = try Workspace()
        var text = ""
        for index in 0..<3_000 {
            text += "{\"text\":\"" + String(repeating: "x", count: 990 + index % 17) + "\"}\n"
            if index % 7 == 0 { text += String(repeating: " ", count: index % 300) + "\n" }
        }
        try workspace.write("big.jsonl", text)
        #expect(text.utf8.count > 2 << 20)
        #expect(InputCounter.count([workspace.path("big.jsonl")]) == 3_000)
    }
}
