import Testing
@testable import WebArticle

/// Metadata from JSON-LD, Open Graph and plain markup, each with where it came from.
struct MetadataTests {
    @Test func fromJSONLDAndOpenGraph() throws {
        let article = try WebArticleExtractor().extract(try TestPages.bytes("news-article-with-boilerplate.html"))
        #expect(article.title == .init("Harbour bridge reopens after two-year repair", from: "h1"))
        #expect(article.authors == .init(["Maren Holt", "Idris Fenwick"], from: "json-ld"))
        #expect(article.published == .init("2024-03-05T08:30:00+00:00", from: "json-ld"))
        #expect(article.modified == .init("2024-03-05T11:02:00+00:00", from: "json-ld"))
        #expect(article.siteName?.value == "The Northern Courier")
        #expect(article.description?.value == "Commuters return to the crossing as the council counts the cost.")
        #expect(article.canonicalURL?.value == "https://courier.example/local/2024/03/05/harbour-bridge-reopens")
        #expect(article.language == .init("en-GB", from: "html:lang"))
        #expect(article.topImage?.value == "https://courier.example/img/bridge.jpg")
        #expect(article.section?.value == "Local")
        #expect(article.tags?.value == ["Transport", "Council"])
        #expect(article.paywalled == .init(true, from: "json-ld"))
        #expect(article.images == [WebArticle.Image(url: "https://courier.example/img/bridge-deck.jpg", caption: "The new deck during testing last month.", credit: "Photo: Lena Brandt")])
    }

    @Test func fromPlainMarkup() throws {
        let html = """
            <html><head><title>Flood waters recede in the valley | Valley Times</title>
            <meta property="og:site_name" content="Valley Times"></head>
            <body><h1>Flood waters recede in the valley</h1>
            <div class="byline">By Jane Doe and John Roe, Staff Writers</div>
            <article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p>
            <p class="date">Published Dec. 17, 2023 at 10:20 a.m. EST</p></article></body></html>
            """
        let article = try TestPages.extract(html, url: "https://valley.example/news/flood")
        #expect(article.title == .init("Flood waters recede in the valley", from: "h1"))
        #expect(article.authors == .init(["Jane Doe", "John Roe"], from: "byline"))
        #expect(article.published == .init("2023-12-17T10:20:00-05:00", from: "text"))
    }

    @Test func aNameSuffixKeepsItsStop() throws {
        let html = TestPages.article(TestPages.prose, around: "<div class=byline>By Ray Cole Jr. and Ana Ruiz.</div>")
        #expect(try TestPages.extract(html).authors?.value == ["Ray Cole Jr.", "Ana Ruiz"])
    }

    @Test(arguments: [
        // Declared in UTC, printed on the newsroom's clock without a zone.
        ("2023-12-23T03:00:46Z", "<div class=article-date>December 22, 2023 10:00 PM</div>", "2023-12-22T22:00:46-05:00"),
        // Printed with a zone abbreviation.
        ("2023-12-24T01:06:51+00:00", "<time>Dec 23, 2023 5:06pm PT</time>", "2023-12-23T17:06:51-08:00"),
        // A time element that says the same instant in its own zone.
        ("2023-12-22T18:30:00+00:00", "<time datetime=\"2023-12-23T05:30:00+11:00\">December 23, 2023</time>", "2023-12-23T05:30:00+11:00"),
        // A date beside the byline with no class to say so, printed in UTC.
        ("2023-12-18T22:57-05:00", "<span class=x7f2>Dec 19, 2023 3:57 AM</span>", "2023-12-19T03:57:00+00:00"),
        // Another time is not this instant: the declared zone stays.
        ("2023-12-22T22:02:10+05:30", "<time>Dec 23, 2023, 08:59 IST</time>", "2023-12-22T22:02:10+05:30"),
    ])
    func thePublicationTimeIsGivenInTheZoneThePagePrintsItIn(declared: String, printed: String, expected: String) throws {
        let html = """
            <html><head><meta property="article:published_time" content="\(declared)"></head><body>
            <h1>Flood waters recede</h1><div class=byline>By Jane Doe</div>\(printed)
            <article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        #expect(try TestPages.extract(html).published == .init(expected, from: "meta:article:published_time"))
    }

    @Test func aDatePrintedBesideTheBylineIsTheDateWhenNothingDeclaresOne() throws {
        let html = """
            <html><body><h1>Flood waters recede</h1>
            <div class=k1><span class=k2>Jane Doe</span><span class=k2>Dec 05, 2023</span><span class=k2>2 Shares</span></div>
            <article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p><p>Sales rose in May 2021, the report said.</p></article></body></html>
            """
        #expect(try TestPages.extract(html).published == .init("2023-12-05", from: "text"))
    }

    @Test func thePagesOneHeadlineWinsOverAShorterDeclaredTitle() throws {
        let html = """
            <html><head><meta property="og:title" content="Fed cuts rates"></head><body><header><a href="/">Valley Times</a></header>
            <h1>How the central bank learned to stop worrying and cut rates again</h1>
            <article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        #expect(try TestPages.extract(html).title == .init("How the central bank learned to stop worrying and cut rates again", from: "h1"))
    }

    @Test func characterReferencesInStructuredDataAreDecoded() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Inside the D&amp;D show&#8217;s studio"}</script></head>
            <body><article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        #expect(try TestPages.extract(html).title == .init("Inside the D&D show\u{2019}s studio", from: "json-ld"))
    }

    @Test func theShownDateIsTheOneThePagePrints() throws {
        func page(_ declared: String, printed: String) -> String {
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle",\(declared)}</script></head>
            <body><article><div class="byline">By Maren Holt · \(printed)</div><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        }
        let dates = #""datePublished":"2022-04-28T09:00:00-07:00","dateModified":"2023-12-14T08:00:00-08:00""#
        // A guide kept current prints only its update (given on the clock of its publication).
        let guide = try TestPages.extract(page(dates, printed: "Updated Dec. 14, 2023"))
        #expect(guide.published?.value == "2022-04-28T09:00:00-07:00")
        #expect(guide.shownDate == .init("2023-12-14T09:00:00-07:00", from: "json-ld"))
        // A story that prints its publication shows that, however often it was touched since.
        #expect(try TestPages.extract(page(dates, printed: "April 28, 2022")).shownDate?.value == "2022-04-28T09:00:00-07:00")
        // Nothing printed: the publication.
        #expect(try TestPages.extract(page(dates, printed: "Staff writer")).shownDate?.value == "2022-04-28T09:00:00-07:00")
    }

    @Test func theShownDateIsThePrintedOneOfDisagreeingDeclarations() throws {
        let html = """
            <html><head><meta name="date" content="November 14, 2023">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-07-04","dateModified":"2023-12-01T01:16:16-08:00"}</script></head>
            <body><article><div class="byline">Nov 14, 2023 3:30 am PST</div><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        let article = try TestPages.extract(html)
        #expect(article.published?.value == "2022-07-04")
        #expect(article.shownDate == .init("2023-11-14", from: "meta:date"))
    }

    @Test func titleWithoutItsSiteName() {
        #expect(TitleCleaner.removingSiteName("Flood waters recede - Valley Times", siteName: "Valley Times", url: nil) == "Flood waters recede")
        #expect(TitleCleaner.removingSiteName("WSJ | Markets fall on rate fears", siteName: nil, url: "https://www.wsj.com/articles/x") == "Markets fall on rate fears")
    }

    @Test func authorNamesAreCleaned() {
        #expect(AuthorNames.clean(["By Lauren Manaker MS, RDN, LD"], siteName: nil) == ["Lauren Manaker"])
        #expect(AuthorNames.clean(["John O'Connor The Associated Press"], siteName: nil) == ["John O'Connor"])
        #expect(AuthorNames.clean(["Chip Mitchell", "WBEZ", "Staff", "Valley Times", "@handle", "Twitter"], siteName: "Valley Times") == ["Chip Mitchell"])
    }

    @Test(arguments: [
        ("2023-12-17T10:20:30Z", "2023-12-17T10:20:30+00:00"),
        ("2023-12-17T10:20:30.123+0530", "2023-12-17T10:20:30+05:30"),
        ("2023-12-17", "2023-12-17"),
        ("2023/12/17 10:20", "2023-12-17T10:20:00"),
        ("Sun, 17 Dec 2023 10:20:30 GMT", "2023-12-17T10:20:30+00:00"),
        ("December 17, 2023 4:05 PM PST", "2023-12-17T16:05:00-08:00"),
        ("17 December 2023", "2023-12-17"),
        ("17.12.2023", "2023-12-17"),
        ("Dec 23, 2023 5:06pm PT", "2023-12-23T17:06:00-08:00"),
        ("March 3rd, 2024", "2024-03-03"),
    ])
    func datesAreNormalised(raw: String, iso: String) {
        #expect(DateNormalizer.normalize(raw) == iso)
    }

    @Test func onlyADateIsADate() {
        #expect(DateNormalizer.isDateOnly("Dec 05, 2023"))
        #expect(DateNormalizer.isDateOnly("Sunday, December 24, 2023 10:00 PM ET"))
        #expect(!DateNormalizer.isDateOnly("Sales rose 5% in May 2023"))
        #expect(!DateNormalizer.isDateOnly("2 Shares"))
    }

    @Test func datesInURLs() {
        #expect(DateNormalizer.fromURL("https://x.example/2023/12/17/story") == "2023-12-17")
        #expect(DateNormalizer.fromURL("https://x.example/news/2023-12-17-story") == "2023-12-17")
        #expect(DateNormalizer.fromURL("https://x.example/article/20231217/story") == "2023-12-17")
        #expect(DateNormalizer.fromURL("https://x.example/story-12345678") == nil)
    }
}
