import Foundation
import NewsAnalysis
import Testing

/// Any input gives a report or a clear error, in time proportional to its size.
@Suite struct RobustnessTests {
    @Test func emptyAndBlankTextAreRejected() throws {
        #expect(throws: AnalysisError.empty) { try Shared.analyze("") }
        #expect(throws: AnalysisError.empty) { try Shared.analyze(" \n\t\u{00A0}\u{2028} ") }
    }

    @Test func invalidUTF8IsRejectedWithItsOffset() throws {
        let analyzer = try Shared.analyzer.get()
        #expect(throws: AnalysisError.invalidUTF8(offset: 3)) { try analyzer.analyze(utf8: [65, 66, 67, 0xFF, 68]) }
        #expect(throws: AnalysisError.invalidUTF8(offset: 0)) { try analyzer.analyze(utf8: [0xED, 0xA0, 0x80]) }  // a surrogate
        #expect(try analyzer.analyze(utf8: Array("Olmert met Medvedev.".utf8)).counts.words == 3)
    }

    /// Seeded, and the seed printed, so a failure can be replayed: `COPYDESK_TEST_SEED=N swift test`.
    @Test func randomBytesNeverCrash() throws {
        let analyzer = try Shared.analyzer.get()
        let seed = ProcessInfo.processInfo.environment["COPYDESK_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        print("randomBytesNeverCrash: COPYDESK_TEST_SEED=\(seed)")
        var rng = SplitMix64(seed: seed)
        for size in [1, 2, 7, 100, 5_000, 60_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Lossy decoding turns bad bytes into U+FFFD: the text is analysed or refused, never a crash.
            let text = String(decoding: bytes, as: UTF8.self)
            do { _ = try analyzer.analyze(Article(text: text)) } catch is AnalysisError {}
            let ascii = String(decoding: bytes.map { $0 & 0x7F }, as: UTF8.self)
            do { _ = try analyzer.analyze(Article(text: ascii)) } catch is AnalysisError {}
        }
    }

    @Test(arguments: [
        ("Владимир Путин встретился с Эхудом Ольмертом в Москве. Это была важная встреча.", "ru"),
        ("北京是中国的首都。今天天气很好。", "zh"),
        ("東京は日本の首都です。ひらがなとカタカナ。", "ja"),
        ("رئيس الوزراء الإسرائيلي إيهود أولمرت يلتقي الرئيس الروسي في موسكو", "ar"),
        ("Der Präsident und die Regierung haben sich auf einen neuen Plan für das Land geeinigt, der im Mai beginnt.", "de"),
        ("Le président de la République a annoncé que les élections auront lieu dans le pays en mai.", "fr"),
    ])
    func otherScriptsAndLanguagesGiveAReport(_ text: String, _ language: String) throws {
        let report = try Shared.analyze(text)
        #expect(report.language == language)
        #expect(report.counts.characters == text.unicodeScalars.count)
        for s in report.sentences { #expect(s.start < s.end && s.end <= text.unicodeScalars.count) }
    }

    @Test func spansStayInsideTextWithAstralCharacters() throws {
        let text = "😀 Headline 😀\n\n😀 Ehud Olmert 🇮🇱 met Dmitri Medvedev in Moscow. \"Great,\" said Olmert. 😀"
        let report = try Shared.analyze(text)
        #expect(report.entities.contains { $0.name == "Moscow" })
        for e in report.entities { for m in e.mentions { #expect(text.slice(m.start, m.end) == m.text) } }
        #expect(report.quotes.first.map { text.slice($0.start, $0.end) } == "Great")
    }

    @Test func pathologicalShapesAreHandled() throws {
        let cases = [
            String(repeating: "a", count: 200_000),
            String(repeating: "\"", count: 50_000),
            String(repeating: "Mr. ", count: 20_000),
            String(repeating: "U.S. ", count: 20_000),
            String(repeating: "The the ", count: 20_000),
            String(repeating: "Olmert ", count: 30_000),
            String(repeating: "\n", count: 10_000) + "x",
            String(repeating: "word ", count: 30_000),
        ]
        for text in cases {
            do {
                let report = try Shared.analyze(text)
                #expect(report.counts.characters == text.unicodeScalars.count)
            } catch let error as AnalysisError {
                #expect(error == .notText || error == .empty)
            }
        }
    }

    @Test func tenMegabyteArticleIsAnalysedInLinearTime() throws {
        let seed = try Shared.seed("israel-russia-strategic-ties.txt")
        let paragraph: String = seed.split(separator: Character("\n")).max { $0.count < $1.count }.map { String($0) } ?? seed
        var big = "A very long article\n\n"
        var n = 0
        while big.utf8.count < 10_000_000 {
            n += 1
            big += "Part \(n). " + paragraph + "\n\n"
        }
        // CPU time of this thread, not wall time: other suites running beside this one must not skew the ratio.
        func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            try body()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        }
        let small = String(big.prefix(1_000_000))
        let smallTime = try cpuSeconds { _ = try Shared.analyze(small) }
        var report: AnalysisReport?
        let bigTime = try cpuSeconds { report = try Shared.analyze(big) }
        #expect(report?.counts.paragraphs ?? 0 > 3_000)
        // Ten times the text in well under 25 times the time: no quadratic step.
        #expect(bigTime < smallTime * 25)
    }

    @Test func tooLargeIsAClearError() throws {
        let analyzer = try Analyzer(tagger: nil, maximumScalars: 1_000)
        let text = String(repeating: "word ", count: 1_000)
        #expect(throws: AnalysisError.tooLarge(scalars: 5_000, limit: 1_000)) { try analyzer.analyze(Article(text: text)) }
        #expect(AnalysisError.tooLarge(scalars: 5_000, limit: 1_000).description.contains("limit"))
    }

    @Test func concurrentCallsOnOneAnalyzerAgree() async throws {
        let analyzer = try Shared.analyzer.get()
        let text = try Shared.seed("israel-russia-strategic-ties.txt")
        var expected = try analyzer.analyze(Article(id: "x", text: text))
        expected.elapsedMicroseconds = 0
        let reports = try await withThrowingTaskGroup(of: AnalysisReport.self) { group in
            for _ in 0..<16 { group.addTask { try analyzer.analyze(Article(id: "x", text: text)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for var r in reports {
            r.elapsedMicroseconds = 0
            #expect(r == expected)
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood): a small generator whose whole state is its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
