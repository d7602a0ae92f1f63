@testable import CopydeskReport
import Foundation
import NewsAnalysis
import Testing

/// `copydesk report`: spans become the right marks, text is escaped, the page is self-contained.
@Suite(.timeLimit(.minutes(2)))
struct ReportCommandTests {
    typealias Mark = HighlightedText.Mark

    /// Code point offsets of `needle` in `text`, as the analyzer gives them.
    static func span(of needle: String, in text: String) throws -> (Int, Int) {
        let scalars = Array(text.unicodeScalars), wanted = Array(needle.unicodeScalars)
        let start = try #require((0...(scalars.count - wanted.count)).first { Array(scalars[$0..<$0 + wanted.count]) == wanted })
        return (start, start + wanted.count)
    }

    /// Text without tags, with entities decoded: what a reader sees, labels aside.
    static func visibleText(_ html: String) -> String {
        let withoutLabels = html.replacingOccurrences(of: #"<span class="lbl">[^<]*</span>"#, with: "", options: .regularExpression)
        return withoutLabels.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether every opened element is closed in order.
    static func isWellNested(_ html: String) throws -> Bool {
        let tags = try Regex(#"<(/?)([a-z0-9]+)(?:[^>]*[^/>])?>"#)  // <circle .../> closes itself
        var stack: [Substring] = []
        for match in html.matches(of: tags) {
            let closing = match.output[1].substring == "/", name = match.output[2].substring ?? ""
            if closing {
                guard stack.popLast() == name else { return false }
            } else {
                stack.append(name)
            }
        }
        return stack.isEmpty
    }

    @Test func marksLandOnCodePointsPastEmojiAndCombiningMarks() throws {
        // 👩‍👩‍👧 is five code points, "é" below is e + U+0301: two; a UTF-16 or Character count would miss.
        let text = "👩‍👩‍👧 Cafe\u{301} owner Zoë met officials in Paris."
        let (zStart, zEnd) = try Self.span(of: "Zoë", in: text)
        let (pStart, pEnd) = try Self.span(of: "Paris", in: text)
        let (cStart, cEnd) = try Self.span(of: "Cafe\u{301}", in: text)
        #expect(zStart == 18 && pStart == 39)
        let html = HighlightedText(text).html(marks: [
            Mark(start: zStart, end: zEnd, classes: "ent person", label: "PERSON"),
            Mark(start: pStart, end: pEnd, classes: "ent place", label: "PLACE"),
            Mark(start: cStart, end: cEnd, classes: "ent org", label: "ORG"),
        ])
        #expect(html.contains(#"<mark class="ent person">Zoë<span class="lbl">PERSON</span></mark>"#))
        #expect(html.contains(#"<mark class="ent place">Paris<span class="lbl">PLACE</span></mark>."#))
        #expect(html.contains("<mark class=\"ent org\">Cafe\u{301}<span class=\"lbl\">ORG</span></mark>"))
        #expect(Self.visibleText(html) == text)
    }

    @Test func aPieceKnowsWhereItStandsAndClipsMarksToItself() {
        let piece = HighlightedText("Olmert met Putin", offset: 100)
        let html = piece.html(marks: [
            Mark(start: 100, end: 106, classes: "ent person", label: "PERSON"),
            Mark(start: 111, end: 140, classes: "quote", element: "span"),  // runs past the piece's end
            Mark(start: 0, end: 10, classes: "ent place"),  // another piece's
        ])
        #expect(html == #"<mark class="ent person">Olmert<span class="lbl">PERSON</span></mark> met <span class="quote">Putin</span>"#)
        #expect(piece.contains(Mark(start: 100, end: 116, classes: "")) && !piece.contains(Mark(start: 111, end: 140, classes: "")))
    }

    @Test func nestedAndOverlappingMarksStayWellFormed() throws {
        let text = "He said \"Medvedev spoke to Lavrov\" twice twice today."
        let (qStart, qEnd) = try Self.span(of: "Medvedev spoke to Lavrov", in: text)
        let (mStart, mEnd) = try Self.span(of: "Medvedev", in: text)
        let (lStart, lEnd) = try Self.span(of: "Lavrov", in: text)
        let (iStart, _) = try Self.span(of: "Lavrov\" twice", in: text)
        let marks = [
            Mark(start: qStart, end: qEnd, classes: "quote", label: "— Olmert", element: "span"),
            Mark(start: mStart, end: mEnd, classes: "ent person", label: "PERSON", layer: 2),
            Mark(start: lStart, end: lEnd, classes: "ent person", label: "PERSON", layer: 2),
            // A fault from inside the quote to past its end: it must be split, not cross the quote's tag.
            Mark(start: iStart + 3, end: iStart + 13, classes: "issue", title: "stuttered word", layer: 1, element: "span"),
            // The same span as the first name, marked twice.
            Mark(start: mStart, end: mEnd, classes: "ent date", label: "DATE", layer: 3),
        ]
        let html = HighlightedText(text).html(marks: marks)
        #expect(try Self.isWellNested(html), "\(html)")
        #expect(Self.visibleText(html) == text)
        // Inside the quote: Lav|rov with the fault opening inside the name, continued after it.
        #expect(html.contains(#"<span class="quote">"#) && html.contains(#"<span class="issue cont" title="stuttered word">"#))
        // The name closes with its label once, at its real end; the quote's speaker follows.
        #expect(html.components(separatedBy: #"<span class="lbl">PERSON</span>"#).count == 3)
        #expect(html.contains(#"<span class="lbl">— Olmert</span></span>"#))
        // Equal spans: the lower layer outside.
        #expect(html.contains(#"<mark class="ent person"><mark class="ent date">Medvedev"#))
    }

    @Test func textAndAttributesAreEscaped() throws {
        let text = #"<script>alert("x & y")</script> O'Hara's <b>"quote"</b>"#
        let (start, end) = try Self.span(of: "O'Hara", in: text)
        let html = HighlightedText(text).html(marks: [
            Mark(start: start, end: end, classes: "ent person", label: "<PERSON>", title: #"O'Hara "the" <b>boss</b> & co"#),
        ])
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.hasPrefix("&lt;script&gt;alert(\"x &amp; y\")&lt;/script&gt; "))
        #expect(html.contains(#"title="O&#39;Hara &quot;the&quot; &lt;b&gt;boss&lt;/b&gt; &amp; co""#))
        #expect(html.contains(#"<span class="lbl">&lt;PERSON&gt;</span>"#))
        #expect(HTML.text("a\u{1}b\u{7F}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
        #expect(Self.visibleText(html) == text)
    }

    /// The text rebuilt from a report alone is the original, code point for code point, where it shows.
    @Test func theTextRebuiltFromAReportIsTheOriginalAtItsOffsets() throws {
        let text = """
            Olmert 👋 meets Medvedev in Moscow

            Talks on arms sales to the region.

            Prime Minister Ehud Olmert met Russian President Dmitri Medvedev in Moscow on Tuesday, \
            the café owner said. "We are pleased," Olmert said.

            Medvedev said the talks with Israel were "open and frank."
            """
        let report = try Analyzer().analyze(Article(text: text))
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any])
        object["id"] = "t-1"
        let record = try JSONDecoder().decode(ReportRecord.self, from: try JSONSerialization.data(withJSONObject: object))
        let rebuilt = ArticleText(report: record)
        let scalars = Array(text.unicodeScalars)
        #expect(rebuilt.pieces.contains { $0.role == .headline } && rebuilt.pieces.filter { $0.role == .paragraph }.count == 2)
        for piece in rebuilt.pieces {
            #expect(Array(scalars[piece.text.offset..<piece.text.end]) == piece.text.scalars, "\(piece.role)")
        }
        // Every name is inside a piece, so every one is marked.
        let marks = ArticleSection.marks(for: record).filter { $0.classes.hasPrefix("ent") }
        #expect(!marks.isEmpty && marks.allSatisfy { mark in rebuilt.pieces.contains { $0.text.contains(mark) } })
    }

    @Test func aReportWithoutPartTwoFieldsAndOneWithThemBothDecode() throws {
        let base = #""id":"x","entities":[],"quotes":[],"issues":[],"body":"","paragraphs":[]"#
        let old = try JSONDecoder().decode(ReportRecord.self, from: Data("{\(base)}".utf8))
        #expect(old.summary.isEmpty && old.tone == nil)
        let new = try JSONDecoder().decode(ReportRecord.self, from: Data("""
            {\(base),"summary":[{"text":"S.","start":0,"end":2,"sentence":0,"score":1}],"tone":{"positive":0.2,"negative":0.1,"neutral":0.7,"polarity":0.3,"scoredWords":2,"sentences":[]},
             "topics":[{"id":"d","label":"Diplomacy","score":0.5,"evidence":[]}],"keywords":[{"text":"arms","score":1,"count":2}],
             "dates":[{"text":"Tuesday","start":0,"end":7,"kind":"relative"}],"amounts":[{"text":"$5","start":8,"end":10,"value":5,"unit":"USD"}],
             "events":[{"actor":{"name":"A","mention":{"text":"A","start":0,"end":1}},"action":"meet","cameo":"04","verb":{"text":"met","start":2,"end":5},"negated":false,"sentence":{"start":0,"end":9}}],
             "futureField":{"anything":[1,2]}}
            """.utf8))
        #expect(new.summary.map(\.text) == ["S."] && new.tone?.polarity == 0.3 && new.topics.first?.label == "Diplomacy")
        #expect(new.dates.count == 1 && new.amounts.first?.unit == "USD" && new.events.first?.action == "meet")
        let html = ArticleSection(report: new, text: ArticleText(original: "Tuesday $5"), number: 1).html()
        #expect(html.contains("Diplomacy") && html.contains("positive +0.30") && html.contains(#"<mark class="ent date" title="date">Tuesday<span class="lbl">DATE</span></mark> <mark class="ent amount" title="amount · USD">$5<span class="lbl">MONEY</span></mark>"#))
        // An error record is no report.
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ReportRecord.self, from: Data(#"{"id":"e","source":"x","reason":"empty"}"#.utf8)) }
    }

    /// A report file as `copydesk run` writes it: the seed and an article full of markup characters.
    static func makeResults(in workspace: Workspace) async throws {
        try workspace.write("in/tricky.jsonl", #"{"id": "tricky", "text": "Markup <b>bold</b> & \"quotes\"\n\nThe mayor of Lima said <script>alert(1)</script> & more in Paris."}"# + "\n")
        let run = try ChildProcess("run", ["run", Workspace.seeds.path, "in/tricky.jsonl", "-o", "r.jsonl"], in: workspace.url)
        #expect(try await run.waitForExit() == 0, "\(run.stderr)")
        try #require(workspace.lineCount("r.jsonl") == 2)
    }

    @Test func endToEndTheSeedIsHighlightedAndThePageLoadsNothing() async throws {
        let workspace = try Workspace()
        try await Self.makeResults(in: workspace)
        let report = try ChildProcess("report", ["report", "r.jsonl", "-o", "report.html"], in: workspace.url)
        #expect(try await report.waitForExit() == 0, "\(report.stderr)")
        #expect(report.stderr.contains("2 reports, 2 shown"))
        let html = try String(contentsOfFile: workspace.path("report.html"), encoding: .utf8)

        // The seed's people, places and organisations, labelled; its quotes with their speaker; its faults.
        #expect(html.contains(#"<mark class="ent person" title="Ehud Olmert · person"#))
        #expect(html.contains(#"Medvedev<span class="lbl">PERSON</span></mark>"#))
        #expect(html.contains(#"Moscow<span class="lbl">PLACE</span></mark>"#))
        #expect(html.contains(#"Kremlin<span class="lbl">ORG</span></mark>"#))
        #expect(html.contains(#"<span class="quote direct" title="direct quote"#))
        #expect(html.contains(#"<span class="lbl">— a senior source in the Prime…</span>"#))
        #expect(html.contains(#"<span class="issue" title="stuttered word"#) && html.contains("clause written twice"))
        // Across articles: the tables and the map, Moscow's dot shared with Russia's (its capital).
        #expect(html.contains("<caption>People</caption>") && html.contains("<td>Ehud Olmert</td>"))
        #expect(html.contains("<svg class=\"map\"") && html.contains("<title>Moscow, Russia: 8 mentions</title>"))
        // The tricky article: escaped, never markup.
        #expect(html.contains("Markup &lt;b&gt;bold&lt;/b&gt; &amp; \"quotes\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>bold") && html.components(separatedBy: "<script>").count == 2)
        #expect(try Self.isWellNested(html.replacingOccurrences(of: #"<(meta|input)[^>]*>|<!DOCTYPE html>"#, with: "", options: .regularExpression)))

        // Self-contained: nothing fetched from anywhere, and a policy that forbids it.
        for pattern in [#"<(script|img|iframe|source|video|audio|embed)[^>]*\ssrc="#, #"<link\b"#, #"@import"#, #"url\("#, #"<object\b"#] {
            #expect(html.range(of: pattern, options: [.regularExpression, .caseInsensitive]) == nil, "found \(pattern)")
        }
        #expect(html.contains(#"content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:""#))
    }

    @Test func limitShowsTheFirstArticlesButCountsAllAndArticlesGiveTheExactText() async throws {
        let workspace = try Workspace()
        try await Self.makeResults(in: workspace)
        let limited = try ChildProcess("limited", ["report", "r.jsonl", "-o", "limited.html", "--limit", "1"], in: workspace.url)
        #expect(try await limited.waitForExit() == 0)
        let page = try String(contentsOfFile: workspace.path("limited.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<article ").count == 2)
        #expect(page.contains("<b>2</b> articles") && page.contains("1 more article counted above but not shown"))

        // With the inputs, the seed's whole text: the credit line the analyzer set aside shows too.
        let exact = try ChildProcess("exact", ["report", "r.jsonl", "-o", "exact.html", "--articles", Workspace.seeds.path, "in/tricky.jsonl"], in: workspace.url)
        #expect(try await exact.waitForExit() == 0)
        #expect(exact.stderr.contains("(2 with their exact text)"), "\(exact.stderr)")
        let full = try String(contentsOfFile: workspace.path("exact.html"), encoding: .utf8)
        #expect(full.contains(#"class="piece whole""#) && full.contains("(photo credit: <mark class=\"ent org\"") && !full.contains("Rebuilt from the report"))
        let rebuilt = try String(contentsOfFile: workspace.path("limited.html"), encoding: .utf8)
        #expect(!rebuilt.contains("(photo credit: AP)"))

        let junk = try ChildProcess("junk", ["report", "r.errors.jsonl", "-o", "-"], in: workspace.url)
        #expect(try await junk.waitForExit() == 0)
        #expect(junk.stdout.contains("<b>0</b> articles"))
        let missing = try ChildProcess("missing", ["report", "nope.jsonl"], in: workspace.url)
        #expect(try await missing.waitForExit() != 0)
        #expect(missing.stderr.contains("nope.jsonl: no such file"))
    }
}

/// The page in a real browser (Debian's chromium): it runs without a console message, blocked
/// load or script error, and a screenshot shows the seed highlighted.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TestTools.commandExists("chromium"), "needs chromium (apt-get install chromium; .ci/run installs it)"))
struct ReportBrowserTests {
    /// Where the screenshot is left for a person to look at.
    static let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-report-seed.png")

    /// Runs headless chromium on `page` with `arguments`; returns its stdout and stderr.
    func chromium(_ arguments: [String], page: String, in workspace: Workspace) async throws -> (String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chromium", "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                             "--enable-logging=stderr", "--v=0", "--user-data-dir=\(workspace.path("profile"))"] + arguments
            + [URL(fileURLWithPath: page).absoluteString]
        let out = workspace.path("chromium-\(UUID().uuidString).out"), err = out + ".err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                Issue.record("chromium did not finish in 60 s")
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "", (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    @Test func thePageLoadsWithoutConsoleErrorsAndTheScreenshotShowsTheSeed() async throws {
        let workspace = try Workspace()
        try await ReportCommandTests.makeResults(in: workspace)
        let report = try ChildProcess("report", ["report", "r.jsonl", "-o", "report.html"], in: workspace.url)
        #expect(try await report.waitForExit() == 0)
        let page = workspace.path("report.html")

        let (dom, log) = try await chromium(["--dump-dom"], page: page, in: workspace)
        #expect(dom.contains(#"data-ready="yes""#), "the page's script did not run to the end")
        #expect(dom.contains(#"<ul id="js-errors"></ul>"#), "script errors: \(dom.firstRange(of: "js-errors").map { String(dom[$0.lowerBound...].prefix(500)) } ?? "")")
        #expect(dom.contains(#"Olmert<span class="lbl">PERSON</span></mark>"#))
        // Every console message (errors, CSP violations, logs) is an INFO:CONSOLE line on stderr.
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console: \(console.joined(separator: "\n"))")

        try? FileManager.default.removeItem(at: Self.screenshot)
        _ = try await chromium(["--screenshot=\(Self.screenshot.path)", "--window-size=1280,2000"], page: page, in: workspace)
        let png = try #require(FileManager.default.contents(atPath: Self.screenshot.path), "no screenshot")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1280x2000 page compresses to a few KB; marks, map and text take far more.
        #expect(png.count > 100_000, "screenshot of \(png.count) bytes looks blank")
    }
}
