import Foundation
import Testing

/// `copydesk run`, the embedded pipeline, as a user runs it.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct RunCommandTests {
    @Test func runsTheSeedsAndResumesWithoutWritingTwice() async throws {
        let workspace = try Workspace()
        let first = try ChildProcess("run-1", ["run", Workspace.seeds.path, "-o", "results.jsonl"], in: workspace.url)
        #expect(try await first.waitForExit() == 0)
        let records = try workspace.records(in: "results.jsonl")
        #expect(records.count == 1)
        #expect((records.first?["source"] as? String)?.hasSuffix("israel-russia-strategic-ties.txt") == true)
        #expect((records.first?["id"] as? String)?.hasPrefix("a-") == true)

        let second = try ChildProcess("run-2", ["run", Workspace.seeds.path, "-o", "results.jsonl"], in: workspace.url)
        #expect(try await second.waitForExit() == 0)
        #expect(second.stderr.contains("0 written"))
        #expect(second.stderr.contains("1 already done"))
        #expect(workspace.lineCount("results.jsonl") == 1)
    }

    @Test func anInterruptedRunResumesAndEndsWithEachIdOnce() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let arguments = ["run", "generated.jsonl", "-o", "results.jsonl", "--workers", "2", "--processor", "slow"]
        let interrupted = try ChildProcess("run-1", arguments, in: workspace.url)
        try await act(when: { workspace.lineCount("results.jsonl") >= 200 }) { interrupted.signal(SIGINT) }
        #expect(try await interrupted.waitForExit(timeout: .seconds(30)) == 0)
        let partial = workspace.lineCount("results.jsonl")
        #expect(partial < generated.count, "the run ended before the interrupt; the test proves nothing")
        #expect(interrupted.stderr.contains("interrupted"))

        let resumed = try ChildProcess("run-2", arguments, in: workspace.url)
        #expect(try await resumed.waitForExit() == 0)
        #expect(resumed.stderr.contains("\(partial) already done"))
        let ids = try workspace.ids(in: "results.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
    }

    @Test func badInputGetsErrorRecordsAndTheRunGoesOn() async throws {
        let workspace = try Workspace()
        try workspace.write("in/good.txt", "A good article\n\nThe mayor of Lima said on Monday that the bridge would open.")
        try workspace.write("in/binary.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE]))
        try workspace.write("in/latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6C, 0xE9]))
        try workspace.write("in/empty.txt", "")
        try workspace.write("in/huge.txt", String(repeating: "Words and more words. ", count: 200))
        try workspace.write("in/lines.jsonl", """
            {"id": "fine", "text": "Fine article about Oslo."}
            this is not json
            {"id": "no-body", "title": "nothing"}
            ["an", "array"]

            {"id": "also-fine", "html": "<p>Hello <b>Paris</b> &amp; Rome</p>"}
            """)
        let run = try ChildProcess("run", ["run", "in", "-o", "results.jsonl", "--max-article-bytes", "2000"], in: workspace.url)
        #expect(try await run.waitForExit() == 0)

        let reports = try workspace.records(in: "results.jsonl")
        #expect(Set(reports.compactMap { $0["id"] as? String }).isSuperset(of: ["fine", "also-fine"]))
        #expect(reports.count == 3)
        let failures = try workspace.records(in: "results.errors.jsonl")
        let reasons = Dictionary(failures.map { (($0["source"] as? String) ?? "", ($0["reason"] as? String) ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(failures.count == 7)
        #expect(reasons["in/binary.txt"]?.contains("not UTF-8") == true)
        #expect(reasons["in/latin1.txt"]?.contains("not UTF-8") == true)
        #expect(reasons["in/empty.txt"]?.contains("no text") == true)
        #expect(reasons["in/huge.txt"]?.contains("over the limit of 2000") == true)
        #expect(reasons["in/lines.jsonl:2"] == "not valid JSON")
        #expect(reasons["in/lines.jsonl:3"]?.contains("neither") == true)
        #expect(reasons["in/lines.jsonl:4"] == "not a JSON object")
        for failure in failures {
            #expect(failure["attempt"] as? Int == 1)
            #expect((failure["id"] as? String)?.isEmpty == false)
        }
        #expect(run.stderr.contains("7 failed"))
    }

    /// Web pages in any encoding, from files and from JSON, become reports of their article;
    /// pages that are not HTML or hold no article become error records with the reason.
    @Test func webPagesBecomeReportsOfTheirArticle() async throws {
        let workspace = try Workspace()
        let pages = Workspace.seeds.deletingLastPathComponent().appendingPathComponent("Tests/WebArticleTests/Pages")
        for name in ["news-article-with-boilerplate.html", "koi8-r-http-equiv.html"] {
            try workspace.write("in/\(name)", Data(contentsOf: pages.appendingPathComponent(name)))
        }
        try workspace.write("in/picture.html", Data([UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]) + [UInt8](repeating: 0x01, count: 300)))
        try workspace.write("in/feed.jsonl", """
            {"id": "cp1251", "html": "<html><body><article><p>\\u00cc\\u00e8\\u00f0</p></article></body></html>", "charset": "windows-1251"}
            {"id": "menu-only", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}
            """)
        let run = try ChildProcess("run", ["run", "in", "-o", "results.jsonl"], in: workspace.url)
        #expect(try await run.waitForExit() == 0)

        let reports = Dictionary(try workspace.records(in: "results.jsonl").map { (($0["source"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(reports.count == 3)
        let news = try #require(reports["in/news-article-with-boilerplate.html"])
        #expect((news["headline"] as? [String: Any])?["text"] as? String == "Harbour bridge reopens after two-year repair")
        #expect(news["authors"] as? [String] == ["Maren Holt", "Idris Fenwick"])
        #expect(news["published"] as? String == "2024-03-05T08:30:00+00:00")
        #expect((news["body"] as? String)?.contains("Skip to content") == false)
        #expect((news["page"] as? [String: Any])?["siteName"] as? String == "The Northern Courier")
        #expect((reports["in/koi8-r-http-equiv.html"]?["body"] as? String) == "Привет, мир! Москва и Санкт-Петербург.")
        #expect((reports["in/feed.jsonl:1"]?["body"] as? String) == "Мир")

        let failures = try workspace.records(in: "results.errors.jsonl")
        let reasons = Dictionary(failures.map { (($0["source"] as? String) ?? "", ($0["reason"] as? String) ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(failures.count == 2)
        #expect(reasons["in/picture.html"]?.hasPrefix("not HTML") == true)
        #expect(reasons["in/feed.jsonl:2"] == "no article text found in the page")
    }

    @Test func missingInputsAreRefusedBeforeAnythingStarts() async throws {
        let workspace = try Workspace()
        let run = try ChildProcess("run", ["run", "nowhere.txt", "-o", "results.jsonl"], in: workspace.url)
        #expect(try await run.waitForExit() != 0)
        #expect(run.stderr.contains("nowhere.txt: no such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("results.jsonl")))
    }
}
