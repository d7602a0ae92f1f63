import Foundation
import JSONOutput
import NewsAnalysis
import Testing
import WebArticle

/// A web page's report: structure from the page, spans into the extracted text, paragraphs
/// mapped back into the page, and the wire-copy rules kept off it.
struct WebPageAnalysisTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>Ministers agree water deal - The Valley Times</title>
        <meta property="og:description" content="Three countries share the river under a new treaty.">
        <meta property="og:site_name" content="The Valley Times">
        <meta property="article:published_time" content="2024-05-14T09:00:00+02:00">
        <meta property="article:modified_time" content="2024-05-14T12:30:00+02:00">
        <meta name="author" content="Lena Brandt">
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Ministers agree water deal</h1>
        <p>GENEVA — Water ministers from Egypt, Sudan and Ethiopia signed a treaty on Tuesday that shares the Nile's flow in dry years.</p>
        <p>"This is a day many thought would never come," said Samir Haddad, the Egyptian minister, after the signing in Geneva.</p>
        <figure><img src="https://valley.example/dam.jpg"><figcaption>The dam on the Blue Nile. <span class="credit">Photo: Lena Brandt</span></figcaption></figure>
        <p>PHOTO: the dam's reservoir filled for the first time in 2020, a wire caption style line that sits in the text here.</p>
        <p>The treaty sets up a commission that will meet every month and publish its figures, the ministers said.</p>
        </article><footer><p>© 2024 The Valley Times. All rights reserved. Reproduction without permission is prohibited.</p></footer></body></html>
        """

    private func report() throws -> AnalysisReport {
        try Shared.analyzer.get().analyze(html: Array(Self.page.utf8), id: "p", url: "https://valley.example/world/water-deal")
    }

    @Test func structureComesFromThePage() throws {
        let report = try report()
        #expect(report.headline?.text == "Ministers agree water deal")
        #expect(report.subheadline?.text == "Three countries share the river under a new treaty.")
        #expect(report.authors == ["Lena Brandt"])
        #expect(report.published == "2024-05-14T09:00:00+02:00")
        #expect(report.modified == "2024-05-14T12:30:00+02:00")
        #expect(report.images.map(\.caption.text) == ["The dam on the Blue Nile."])
        #expect(report.images.first?.credit?.text == "Photo: Lena Brandt")
        #expect(report.images.first?.url == "https://valley.example/dam.jpg")
        let page = try #require(report.page)
        #expect(page.siteName == "The Valley Times")
        #expect(page.declaredLanguage == "en")
        #expect(page.encoding == "utf-8")
        #expect(page.sources.contains(MetadataSource(field: "published", source: "meta:article:published_time")))
    }

    @Test func theBodyIsTheArticleAndTheWireCaptionRuleStaysOff() throws {
        let report = try report()
        // The paragraph above the "PHOTO:" line stays body, and so does the line itself.
        #expect(report.paragraphs.count == 4)
        #expect(report.body.hasPrefix("GENEVA — Water ministers"))
        #expect(report.body.contains("Samir Haddad"))
        #expect(report.body.contains("PHOTO: the dam's reservoir"))
        #expect(!report.body.contains("Home"))
        #expect(!report.body.contains("All rights reserved"))
    }

    @Test func spansIndexTheExtractedText() throws {
        let report = try report()
        let text = try #require(report.page?.text)
        func slice(_ start: Int, _ end: Int) -> String { text.slice(start, end) }
        let headline = try #require(report.headline)
        #expect(slice(headline.start, headline.end) == headline.text)
        for paragraph in report.paragraphs { #expect(report.body.contains(slice(paragraph.start, paragraph.end))) }
        let haddad = try #require(report.entities.first { $0.name.contains("Haddad") })
        for mention in haddad.mentions { #expect(slice(mention.start, mention.end) == mention.text) }
        #expect(report.quotes.contains { $0.speaker?.name.contains("Haddad") == true })
    }

    @Test func paragraphsMapBackIntoThePage() throws {
        let report = try report()
        let bytes = Array(Self.page.utf8)
        let ranges = try #require(report.page?.paragraphs)
        #expect(ranges.count == report.paragraphs.count)
        for (range, paragraph) in zip(ranges, report.paragraphs) {
            let element = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
            #expect(element.hasPrefix("<p>"))
            let text = try #require(report.page?.text).slice(paragraph.start, paragraph.end)
            #expect(element.contains(String(text.prefix(20))))
        }
    }

    @Test func theReportFitsTheSchemaAndItsHandWrittenJSON() throws {
        let report = try report()
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))
        #expect(try SchemaTests.validator().validate(json) == [])
        var writer = JSONWriter()
        report.write(to: &writer)
        let handWritten = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? NSObject)
        #expect(handWritten == (json as? NSObject))
    }

    @Test func aPageWithoutAnArticleSaysSo() throws {
        #expect(throws: AnalysisError.page(.noArticleText)) {
            try Shared.analyzer.get().analyze(html: Array("<html><body><nav><a href=/>Home</a></nav></body></html>".utf8))
        }
        #expect(throws: AnalysisError.page(.notHTML("no markup found"))) {
            try Shared.analyzer.get().analyze(html: Array("plain words".utf8))
        }
    }
}
