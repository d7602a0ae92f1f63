import Foundation
import Testing
@testable import WebArticle

/// The article's text and nothing else: boilerplate around it and inside it is dropped, what
/// belongs to it is kept in reading order, and each paragraph maps back into the page.
struct ExtractionTests {
    @Test func boilerplateIsDroppedAndTheArticleKeptInOrder() throws {
        let bytes = try TestPages.bytes("news-article-with-boilerplate.html")
        let article = try WebArticleExtractor().extract(bytes)
        #expect(article.paragraphs.map(\.text) == [
            "The harbour bridge opened to traffic again on Tuesday morning, two years after cracks in its main span forced the council to close it.",
            "Engineers replaced 340 steel cables and the whole deck, and the work ran four months late, the council said in a statement.",
            "What it cost",
            "The repair cost £48 million, about a third more than the first estimate, and the council will borrow most of it over twenty years.",
            "Cables replaced: 340",
            "Months late: four",
            "We owe the people who waited so long a bridge that will last another hundred years, and that is what we have built.",
            "Local businesses on the north shore said trade had fallen by a fifth while the crossing was shut, and welcomed the reopening.",
            "Buses will return to their old routes over the crossing from next Monday, the transport authority said.",
        ])
        #expect(article.paragraphs.map(\.kind) == [.paragraph, .paragraph, .heading, .paragraph, .listItem, .listItem, .quote, .paragraph, .paragraph])
        #expect(article.bodySource == "page")
    }

    @Test func eachParagraphPointsAtItsElementInThePage() throws {
        let bytes = try TestPages.bytes("news-article-with-boilerplate.html")
        let article = try WebArticleExtractor().extract(bytes)
        for paragraph in article.paragraphs {
            let element = String(decoding: bytes[paragraph.pageStart..<paragraph.pageEnd], as: UTF8.self)
            #expect(element.hasPrefix("<"), "\(element.prefix(20))")
            // The element's own text is the paragraph (entities and spacing aside).
            let firstWords = paragraph.text.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(element.contains(firstWords))
        }
    }

    @Test func commentsAreNotTheArticleEvenWhenLonger() throws {
        let comments = (1...6).map { "<div class=\"comment\"><p>Reader \($0) thinks the council has handled this badly from the start and should resign over it, every one of them.</p></div>" }
        let html = "<html><body><article>" + TestPages.prose.map { "<p>\($0)</p>" }.joined() + "</article><section id=comments>" + comments.joined() + "</section></body></html>"
        let article = try TestPages.extract(html)
        #expect(article.paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func hiddenRestOfAPaywalledArticleIsKept() throws {
        let html = "<html><body><article><div class=preview><p>\(TestPages.prose[0])</p></div>"
            + "<div class=subscriber-only style=\"display: none\"><p>\(TestPages.prose[1])</p><p>\(TestPages.prose[2])</p></div>"
            + "<div style=display:none><a href=/login>Log in</a></div></article></body></html>"
        let article = try TestPages.extract(html)
        #expect(article.paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func captionsWrittenWithoutFigcaptionAreNotTheArticle() throws {
        let figure = "<figure><img src=/flood.jpg><p>The market square under water on Sunday.</p><span>Jane Doe/Valley Times</span></figure>"
        let html = TestPages.article([TestPages.prose[0], TestPages.prose[1]])
            .replacingOccurrences(of: "</article>", with: figure + "<p>\(TestPages.prose[2])</p></article>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aBodySplitAroundAnAdKeepsBothParts() throws {
        // The page closes the story's element before an ad box and opens another one after
        // it in a different column; the paragraphs' own class ties the parts together.
        let html = """
            <html><body><main><section class=row><div class=col><div class=story>
            <p class=story-paragraph>\(TestPages.prose[0])</p></div></div></section>
            <section class=row><div class=ad-box><ul>\((1...8).map { "<li><a href=/s/\($0)>Another story from the desk, number \($0), worth a read</a></li>" }.joined())</ul></div></section>
            <section class=row><div class=col><div class=story>
            <p class=story-paragraph>\(TestPages.prose[1])</p><p class=story-paragraph>\(TestPages.prose[2])</p></div></div></section>
            <section class=row><div class=col><p class=teaser-text>Five things to do this weekend, from markets to music.</p></div></section>
            </main></body></html>
            """
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aSummaryRepeatedAsACaptionIsKeptOnce() throws {
        let summary = "Police shut down thousands of accounts and punished hundreds of people for spreading rumours online, state media said."
        let html = TestPages.article(TestPages.prose)
            .replacingOccurrences(of: "<article>", with: "<article><div class=synopsis>\(summary)</div><div class=img-caption>\(summary)</div>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == [summary] + TestPages.prose)
    }

    @Test func aSynopsisMadeOfTheArticlesSentencesGoes() throws {
        let synopsis = TestPages.prose[0] + " " + TestPages.prose[2]
        let html = TestPages.article(TestPages.prose)
            .replacingOccurrences(of: "<article>", with: "<article><div class=synopsis>\(synopsis)</div>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aLineRepeatedInTheSameRoleStays() throws {
        let step = "Drink a glass of water, rest for ten minutes and stretch before the next part of the plan."
        let html = TestPages.article([TestPages.prose[0], step, TestPages.prose[1], step, TestPages.prose[2]])
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == [TestPages.prose[0], step, TestPages.prose[1], step, TestPages.prose[2]])
    }

    @Test func aListTheArticleEndsOnStaysWhole() throws {
        let html = TestPages.article(TestPages.prose)
            .replacingOccurrences(of: "</article>", with: "<ul><li>Displacement: 6.6 litres, about 403 cubic inches in all.</li><li>Compression: 10.8:1</li><li>Fuel: premium</li></ul></article><p>Share this</p>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose + ["Displacement: 6.6 litres, about 403 cubic inches in all.", "Compression: 10.8:1", "Fuel: premium"])
    }

    @Test func headingsStyledAsHeadersAreKept() throws {
        let html = TestPages.article([TestPages.prose[0], TestPages.prose[1]])
            .replacingOccurrences(of: "</article>", with: "<h3 class=\"header__StyledHeading\">The Nutcracker</h3><p>\(TestPages.prose[2])</p></article>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == [TestPages.prose[0], TestPages.prose[1], "The Nutcracker", TestPages.prose[2]])
    }

    @Test func aDropCapJoinsTheRestOfItsWord() throws {
        let opening = "<span class=\"initial\"><span class=\"big\">T</span>\n\t</span>he ferry to the islands will run twice a day from May, and the harbour board says the fares will not go up this year."
        let plain = "<b>A</b> new timetable for the ferry to the islands starts in May, and the harbour board says the fares will not go up this year."
        let html = TestPages.article([opening, TestPages.prose[0], plain, TestPages.prose[1]])
        let texts = try TestPages.extract(html).paragraphs.map(\.text)
        #expect(texts.first?.hasPrefix("The ferry to the islands") == true, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("A new timetable") }, "\(texts)")
    }

    @Test func lineBreaksStayInsideTheirParagraph() throws {
        let html = TestPages.article([TestPages.prose[0], "First line of the address,<br>second line of it, and a sentence to make it prose.", TestPages.prose[1]])
        let article = try TestPages.extract(html)
        #expect(article.paragraphs[1].text == "First line of the address,\nsecond line of it, and a sentence to make it prose.")
    }

    @Test func twoLineBreaksSetParagraphsApart() throws {
        let teaser = #"<b><i>Also read: <a href="/christmas-quarrels">How to keep the holidays calm</a></i></b>"#
        let html = "<html><body><article><div class=text>\(TestPages.prose[0])<br><br>\(teaser)<br><br>\(TestPages.prose[1])<br>\n<br>\(TestPages.prose[2])</div></article></body></html>"
        let article = try TestPages.extract(html)
        #expect(article.paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aCaptionEndingInItsCreditIsNotTheArticle() throws {
        let bracketed = "Crowds wait at the gate of the stadium on Sunday (Image: GETTY )"
        let trailing = "A map showing where the new fissure opened on Monday. Credit: IMO."
        let writers = "The council showed off its new image: a bolder logo and a name the town chose by vote."
        let html = TestPages.article([TestPages.prose[0], bracketed, TestPages.prose[1], trailing, writers, TestPages.prose[2]])
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == [TestPages.prose[0], TestPages.prose[1], writers, TestPages.prose[2]])
    }

    @Test(arguments: [
        "We may earn a commission when you buy through the links on this page, at no cost to you.",
        "Comments on this story are premoderated so that the discussion stays on the topics the article raises.",
        "Comments are closed on this article, as they are on every story about a court case that is still open.",
    ])
    func disclosuresAndNotesOnTheCommentsAreNotTheArticle(_ note: String) throws {
        let html = TestPages.article(TestPages.prose + [note])
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aRecipesNutritionPanelIsNotTheArticle() throws {
        let panel = #"<div class="recipe-nutrition-facts"><p>Nutrition Facts (per serving)</p><p>412</p><p>Calories</p>"#
            + #"<p>18g</p><p>Fat</p><table><tr><td>Total Fat 18g</td><td>23%</td></tr><tr><td>Sodium 310mg</td><td>13%</td></tr></table>"#
            + #"<p>The share of each nutrient in a serving is worked out for an adult eating a diet of two thousand calories a day, so your own needs may be higher or lower than this.</p></div>"#
        let html = TestPages.article(TestPages.prose).replacingOccurrences(of: "</article>", with: panel + "</article>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test(arguments: [
        "Dana Whitfield is a reporter covering the courts for the Valley Times. She can be reached at dana@valleytimes.example.",
        "Sam Okafor is a football analyst for the Valley Times and talks through each weekend's games on its podcast.",
        "Ruth Adeyemi is the paper's television critic.",
    ])
    func aNoteAboutTheWriterAtTheEndIsNotTheArticle(_ note: String) throws {
        let html = TestPages.article(TestPages.prose + [note])
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aReviewsBoxOfProsAndConsIsNotTheArticle() throws {
        let box = #"<div class="product-chart-column"><p class="product-chart-title">Pros</p><ul class="product-pros-cons-list">"#
            + "<li>Quiet even at full speed</li><li>Fits under a standard desk</li></ul>"
            + #"<p class="product-chart-title">Cons</p><ul class="product-pros-cons-list"><li>The remote control feels cheap</li></ul></div>"#
        let html = TestPages.article(TestPages.prose).replacingOccurrences(of: "<p>\(TestPages.prose[1])", with: box + "<p>\(TestPages.prose[1])")
        #expect(html.contains("pros-cons"))
        let got = try TestPages.extract(html).paragraphs.map(\.text)
        #expect(got == TestPages.prose, "\(got)")
    }

    @Test func aCaptionInsideAParagraphIsNotTheArticle() throws {
        let picture = #"<p><span class="image-container float_right"><span><span class="image on-image"><img src="/bridge.jpg" alt="FILE PHOTO: The old bridge, seen from the east bank in January.">"#
            + #"<span class="caption-source"><span class="caption">The old bridge, seen from the east bank.</span><span class="source"><span>Reuters</span></span></span></span></span></span></p><p></p>"#
        let html = TestPages.article(TestPages.prose).replacingOccurrences(of: "<p>\(TestPages.prose[0])", with: picture + "<p>\(TestPages.prose[0])")
        #expect(html.contains("caption-source"))
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aHeadingOverLinksToOtherArticlesGoesWithItsList() throws {
        let readNext = "<h2><strong>Read Next:</strong></h2><ul><li><p>Investors are moving to the coast this winter, and here is how you can follow them with little money.</p></li>"
            + "<li><p>A new fund lets anyone own a share of rented homes across the country, starting from one hundred dollars.</p></li></ul>"
        let styled = #"<div class="box-title">More Great Stories</div><ul><li>Why the river keeps flooding, <a href="/river">and what could stop it</a></li><li>The bakery <a href="/bakery">that never closes</a></li></ul>"#
        let widget = "<h3>More From The Valley Times</h3>"
        let html = TestPages.article([TestPages.prose[0], TestPages.prose[1]])
            .replacingOccurrences(of: "</article>", with: widget + "<p>\(TestPages.prose[2])</p>" + readNext + styled + "</article>")
        #expect(try TestPages.extract(html).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func aListOfOtherStoriesWithTheirFirstLinesGoes() throws {
        let stories = [
            ("/harbour", "Harbour board names a new chair", "PORTVILLE: The harbour board on Monday named a new chair after a vote that took most of the..."),
            ("/ferry", "Ferry fares stay the same for a third year", "PORTVILLE: The island ferry will not raise its fares this year, the company said, though fuel\u{2026}"),
            ("/school", "School on the hill to close in June", "HILLSIDE: Parents were told on Friday that the school will close at the end of the term and..."),
        ]
        let teasers = "<ul class=\"ticker\">" + stories.map { "<li><a href=\"\($0.0)\">\($0.1)</a> <span>\($0.2)</span></li>" }.joined() + "</ul>"
        // A list in the article, with a link in each item but written out in full, stays.
        let sources = "<ul><li>The <a href=\"/report\">harbour report</a> of last year, which set out the costs.</li>"
            + "<li>The <a href=\"/minutes\">minutes of the board</a>, which record the vote.</li>"
            + "<li>The <a href=\"/plan\">ferry plan</a>, which the company published in May.</li></ul>"
        let html = TestPages.article(TestPages.prose)
            .replacingOccurrences(of: "<article>", with: "<article>" + teasers)
            .replacingOccurrences(of: "</article>", with: sources + "</article>")
        let texts = try TestPages.extract(html).paragraphs.map(\.text)
        #expect(texts == TestPages.prose + ["The harbour report of last year, which set out the costs.", "The minutes of the board, which record the vote.",
                                            "The ferry plan, which the company published in May."])
    }

    @Test func aFirstLineThatRepeatsTheTitleGoesButAFirstSentenceUsingItsWordsStays() throws {
        let opening = "The mill on the river flooded again on Sunday, and the owners said this time they would not reopen it."
        func page(_ first: String) -> String {
            "<html><head><title>Mill flooded again</title></head><body><h1>Mill flooded again</h1>"
                + "<div itemprop=articleBody>\(first)<div></div>\(TestPages.prose.joined(separator: " <br><br>"))</div></body></html>"
        }
        #expect(try TestPages.extract(page(opening)).paragraphs.map(\.text) == [opening] + TestPages.prose)
        #expect(try TestPages.extract(page("Mill flooded again | Valley Times")).paragraphs.map(\.text) == TestPages.prose)
    }

    @Test func structuredDataBodyStandsInForAnEmptyPage() throws {
        let body = (TestPages.prose + TestPages.prose).joined(separator: "\n")
        let article = try TestPages.extract(TestPages.structuredDataPage(body: body))
        #expect(article.bodySource == "json-ld")
        #expect(article.paragraphs.map(\.text) == TestPages.prose + TestPages.prose)
    }

    @Test func unexpandedShortcodesAreNotText() throws {
        let related = #"[related-story id="4417" url="https://example.com/a/" title="Ten ways to keep warm"]"#
        let button = #"[button link="https://example.com/shop" size="big"]Buy it here[/button]"#
        let aside = "[Laughter] The crowd took a while to settle after that, and the mayor waited for quiet."
        let page = TestPages.article([TestPages.prose[0], related, TestPages.prose[1], button, aside, TestPages.prose[2]])
        #expect(try TestPages.extract(page).paragraphs.map(\.text) == [TestPages.prose[0], TestPages.prose[1], aside, TestPages.prose[2]])
        // A body from structured data carries them too.
        let body = (TestPages.prose + [related.replacingOccurrences(of: "\"", with: "\\\"")] + TestPages.prose).joined(separator: "\n")
        let article = try TestPages.extract(TestPages.structuredDataPage(body: body))
        #expect(article.bodySource == "json-ld")
        #expect(article.paragraphs.map(\.text) == TestPages.prose + TestPages.prose)
    }

    @Test func scriptDataBodyStandsInForATeaser() throws {
        // Rich text as a Next.js page keeps it: paragraphs of text nodes, a link nested in one.
        let nodes = (TestPages.prose + TestPages.prose).enumerated().map { k, text in
            k == 1 ? #"{"type":"paragraph","content":[{"type":"text","value":"\#(text.prefix(20))"},{"type":"link","data":{"href":"/x"},"content":[{"type":"text","value":"\#(text.dropFirst(20))"}]}]}"#
                : #"{"type":"paragraph","content":[{"type":"text","value":"\#(text)"}]}"#
        }
        let teasers = #"[{"headline":"Another story","summary":"A summary of another story that the page links to below."},{"headline":"A third","summary":"And one more summary of a story that is not this one."}]"#
        let data = #"{"props":{"story":{"body":{"content":[\#(nodes.joined(separator: ","))]}},"related":\#(teasers)}}"#
        let html = """
            <html><head><script id="__NEXT_DATA__" type="application/json">\(data)</script></head>
            <body><article><p>\(TestPages.prose[0])</p><p>Subscribe to keep reading this story.</p></article></body></html>
            """
        let article = try TestPages.extract(html)
        #expect(article.bodySource == "script-data")
        #expect(article.paragraphs.map(\.text) == TestPages.prose + TestPages.prose)
        // Its paragraphs point at the script that held them.
        let script = try #require(html.range(of: "<script"))
        #expect(article.paragraphs[0].pageStart == html.utf8.distance(from: html.startIndex, to: script.lowerBound))
    }

    @Test func scriptDataWithoutTheVisibleTextIsNotTheBody() throws {
        // Data about other stories, however long, does not replace this one.
        let others = (0..<20).map { #"{"type":"paragraph","content":[{"type":"text","value":"Teaser \#($0): a long summary of some other story on the site, with enough words to count."}]}"# }
        let html = """
            <html><head><script type="application/json">{"stories":[\(others.joined(separator: ","))]}</script></head>
            <body><article><p>\(TestPages.prose[0])</p><p>\(TestPages.prose[1])</p></article></body></html>
            """
        let article = try TestPages.extract(html)
        #expect(article.bodySource == "page")
        #expect(article.paragraphs.map(\.text) == Array(TestPages.prose.prefix(2)))
    }

    @Test func proseInABoxHintedAsAWidgetStaysInTheArticle() throws {
        // A buying guide's product boxes: class "deal-widget", but prose inside the article.
        let box = #"<div class="deal-widget"><p>Lumen 4SE was $679, now $579.</p><p>Save $100 on the telescope we found best for beginners: it sets up in minutes, finds targets by itself and fits in a car boot.</p><a href=/buy>View Deal</a></div>"#
        // A box of links with a line of prose above them is still the box its class says.
        let items = ["More telescope deals", "Best binoculars of the year", "Star charts for beginners", "Our review of the Lumen 8"]
        let links = #"<div class="more-widget"><p>Read next: the best binoculars for stargazing this winter, tested by our team.</p><ul>"#
            + items.map { "<li><a href=/x>\($0)</a></li>" }.joined() + "</ul></div>"
        let html = TestPages.article([TestPages.prose[0], TestPages.prose[1]])
            .replacingOccurrences(of: "</article>", with: box + links + "<p>\(TestPages.prose[2])</p></article>")
        let texts = try TestPages.extract(html).paragraphs.map(\.text)
        #expect(texts.contains { $0.hasPrefix("Save $100") })
        #expect(!texts.contains { $0.hasPrefix("Read next") })
        #expect(texts.last == TestPages.prose[2])
    }

    @Test func aLabelBesideItsPictureIsACaption() throws {
        let picture = #"<div class="media"><img src="/eruption.jpg" alt=""><div class="label">Lava near the town seen from a helicopter on Monday. Credit: IMO.</div></div>"#
        let inline = #"<p>A heart <img src="/heart.png" alt=""> for the volunteers who filled sandbags all night long in the rain.</p>"#
        let html = TestPages.article([TestPages.prose[0], TestPages.prose[1]])
            .replacingOccurrences(of: "</article>", with: picture + inline + "<p>\(TestPages.prose[2])</p></article>")
        let texts = try TestPages.extract(html).paragraphs.map(\.text)
        #expect(!texts.contains { $0.contains("Credit: IMO") })
        #expect(texts.contains { $0.hasPrefix("A heart") })
    }

    @Test func badInputGetsAReason() {
        #expect(throws: WebArticleError.notHTML("the page is empty")) { try WebArticleExtractor().extract([]) }
        #expect(throws: WebArticleError.notHTML("binary data (control bytes), not a web page")) {
            try WebArticleExtractor().extract((0..<2_000).map { UInt8($0 % 7) })
        }
        #expect(throws: WebArticleError.notHTML("no markup found")) { try TestPages.extract("just some words, no tags at all") }
        #expect(throws: WebArticleError.noArticleText) { try TestPages.extract("<html><body><nav><a href=/>Home</a></nav></body></html>") }
    }
}
