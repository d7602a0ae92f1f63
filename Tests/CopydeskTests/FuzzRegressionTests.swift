import Foundation
import Testing

/// Every input the fuzzers ever crashed on, kept in Sources/CopydeskFuzz/Regressions, plus a
/// set of nasty hand-made ones, replayed through their targets: each must pass without a crash.
@Suite(.timeLimit(.minutes(2)))
struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CopydeskFuzz/Regressions")

    @Test(arguments: ["analysis", "protocols", "webpage"])
    func replaysKeptInputs(target: String) async throws {
        let workspace = try Workspace()
        // Hand-made inputs beside the kept crashes.
        let handMade: [[UInt8]] = [
            [], [0xFF], [0xFF, 0xFF, 0xFF], Array("copydesk/2\u{FF}TASKS\u{FF}i\u{FF}".utf8),
            // Packed fields whose lengths run past the frame, or are as large as they go.
            Array("copydesk/2\u{FF}TASKS\u{FF}i\u{FF}".utf8) + [0, 0, 0, 9, 0x41, 0xFF, 0x42],
            Array("copydesk/2\u{FF}ACKS\u{FF}".utf8) + [0x7F, 0xFE, 0xFE, 0xFE, 0, 0, 0, 0],
            Array("copydesk/2\u{FF}RESULTS\u{FF}".utf8) + [0, 0, 0, 1, 0x61, 0, 0, 0, 1, 0x31, 0, 0, 0, 2, 0x6F, 0x6B, 0xFF, 0x7B, 0x7D],
            Array("copydesk/2".utf8) + [0xFF] + Array("CREDIT".utf8) + [0xFF, 0x2D, 0xFF] + Array("-9223372036854775808".utf8) + [0xFF, 0x31],
            Array("{\"text\":\"\\ud800\"}".utf8), Array(String(repeating: "[", count: 10_000).utf8),
            Array(String(repeating: "{\"a\":", count: 5_000).utf8), [0xC0, 0x80, 0xED, 0xA0, 0x80],
            Array(String(repeating: "\"Quote \u{201C}nested", count: 2_000).utf8),
            // Web pages cut off or nested where parsers trip.
            Array("<p>text<!-- never closed <script>".utf8), Array("<a href=\"never closed>text</a><p>more".utf8),
            Array("<script>never closed".utf8), Array("<title>t</title><textarea>&#x110000;&#0;&".utf8),
            Array((String(repeating: "<div><svg><math><p>", count: 3_000) + "x").utf8),
            Array("<meta charset=iso-2022-jp><p>\u{1B}$B".utf8) + [0x1B, 0x24, 0x42, 0xFF], [0xFE, 0xFF, 0x00],
            Array("<table><td><tr><th><li><dd><option></p></br></table></body></html><p>after".utf8),
        ]
        var files: [String] = []
        for (index, bytes) in handMade.enumerated() {
            try workspace.write("in-\(index)", Data(bytes))
            files.append(workspace.path("in-\(index)"))
        }
        // Kept crashes, and the seed corpus (well-formed messages of every kind).
        for directory in [Self.regressions, Self.regressions.deletingLastPathComponent().appendingPathComponent("Seeds")] {
            let folder = directory.appendingPathComponent(target)
            let kept = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += kept.filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0).path }
        }

        let fuzz = ChildProcess.executable.deletingLastPathComponent().appendingPathComponent("CopydeskFuzz")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = [target] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("replayed \(files.count) inputs"))
    }
}
