import Foundation
import Testing
@testable import WebArticle

/// The parser survives what the web sends: each trap, on a page written for it.
struct HTMLParserTests {
    private func bodyText(_ html: String) throws -> String {
        try TestPages.extract(TestPages.article([TestPages.prose[0], html, TestPages.prose[1]])).text
    }

    @Test func commentsHideTheirContentEvenWhenItLooksLikeMarkup() throws {
        let text = try bodyText("Before <!-- <script>var x = \"</p>\";</script> <p>hidden</p> --> after.")
        #expect(text.contains("Before after."))
        #expect(!text.contains("hidden"))
        #expect(!text.contains("var x"))
        // The odd endings HTML allows: "<!-->", "<!--->" and "--!>".
        let odd = TestPages.parse("<p>a<!-->b<!--->c<!-- x --!>d</p>")
        #expect(TestPages.text(odd, 0) == "abcd")
    }

    @Test func aGreaterThanSignInAQuotedAttributeDoesNotEndTheTag() throws {
        let document = TestPages.parse(#"<div data-config='{"a":">","b":"<p>"}' title="x > y" class=note>Text</div>"#)
        let div = try #require(document.elements(.div).first)
        #expect(document.attribute("data-config", of: div) == #"{"a":">","b":"<p>"}"#)
        #expect(document.attribute("title", of: div) == "x > y")
        #expect(document.attribute("class", of: div) == "note")
        #expect(TestPages.text(document, div) == "Text")
    }

    @Test func unquotedAttributesAndReferencesInThem() throws {
        let document = TestPages.parse("<a href=/search?q=1&copy=2&amp;lang=en class=result>link</a>")
        let a = try #require(document.elements(.a).first)
        // In an attribute, "&copy=" is not the copyright sign; "&amp;" is an ampersand.
        #expect(document.attribute("href", of: a) == "/search?q=1&copy=2&lang=en")
        #expect(document.attribute("class", of: a) == "result")
    }

    @Test func rawTextElementsEndOnlyAtTheirOwnEndTag() throws {
        let document = TestPages.parse("""
            <script>if (a < b && c > d) { document.write("</div><p>no</p>"); }</script>\
            <style>p::after { content: "</p>"; }</style>\
            <textarea>a &amp; <b>b</b></textarea><title>T &amp; <i>U</i></title><p>yes</p>
            """)
        #expect(document.elements(.p).count == 1)
        let script = try #require(document.elements(.script).first)
        #expect(document.textContent(script).contains("</div><p>no</p>"))
        // Escapable raw text decodes references but has no tags.
        #expect(document.textContent(document.elements(.textarea)[0]) == "a & <b>b</b>")
        #expect(document.textContent(document.elements(.title)[0]) == "T & <i>U</i>")
    }

    @Test func scriptsStylesNoscriptTemplatesOptionsAndSVGTitlesAreNotArticleText() throws {
        let text = try bodyText("""
            Visible.<script>hiddenScript()</script><style>.hidden{}</style><noscript>Enable JavaScript</noscript>\
            <template><p>Template text</p></template><select><option>Option text</option></select>\
            <svg><title>Icon title</title><text>SVG text</text></svg> End.
            """)
        #expect(text.contains("Visible."))
        #expect(text.contains("End."))
        for hidden in ["hiddenScript", ".hidden", "Enable JavaScript", "Template text", "Option text", "Icon title", "SVG text"] {
            #expect(!text.contains(hidden), "\(hidden) leaked")
        }
    }

    @Test func impliedEndTagsNestAsABrowserNestsThem() throws {
        let document = TestPages.parse("""
            <p>one<p>two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>\
            <select><option>x<option>y</select><dl><dt>term<dd>definition</dl>
            """)
        let paragraphs = document.elements(.p)
        #expect(paragraphs.count == 2)
        #expect(paragraphs.map { TestPages.text(document, $0) } == ["one", "two"])
        #expect(document.elements(.li).map { TestPages.text(document, $0) } == ["a", "b"])
        #expect(document.elements(.td).map { TestPages.text(document, $0) } == ["1", "2", "3"])
        #expect(document.elements(.tr).count == 2)
        #expect(document.elements(.option).map { TestPages.text(document, $0) } == ["x", "y"])
        #expect(document.elements(.dd).map { TestPages.text(document, $0) } == ["definition"])
        // A list does not end up inside the paragraph it interrupts.
        #expect(document.nodes[document.elements(.ul)[0]].parent != Int32(paragraphs[1]))
    }

    @Test func strayEndTagsAreIgnored() throws {
        let document = TestPages.parse("</div></span><div><span>a</b></span>b</p></div>c")
        #expect(TestPages.text(document, 0) == "abc")
        #expect(document.elements(.div).count == 1)
    }

    @Test func htmlInsideSVGBreaksOutOfIt() throws {
        let document = TestPages.parse("<svg><circle/><p>para</p></svg>")
        let p = try #require(document.elements(.p).first)
        #expect(!document.nodes[p].isForeign)
        #expect(!document.isInside(p, .svg))
    }

    @Test func namedAndNumericCharacterReferences() throws {
        #expect(CharacterReferences.named.count == 2_231)
        let document = TestPages.parse("""
            <p>&amp; &lt;&gt; &eacute;&Eacute &notit; &copy2023 &CounterClockwiseContourIntegral; &NotNestedGreaterGreater; \
            &#x1F600; &#8217; &#0; &#x80; &#x9F; &#xD800; &#1114112; &#65 &unknownname; & alone</p>
            """)
        let expected = "& <> éÉ ¬it; ©2023 \u{2233} \u{2AA2}\u{0338} \u{1F600} \u{2019} \u{FFFD} \u{20AC} \u{0178} \u{FFFD} \u{FFFD} A &unknownname; & alone"
        #expect(TestPages.text(document, 0) == expected)
    }

    @Test func adjacentLinksAreSeparateWords() throws {
        let document = TestPages.parse("<p><a href=/s>Subscribe</a><a href=/l>Sign In</a></p>")
        let blocks = BlockBuilder.blocks(document, verdicts: [ElementHints.Verdict](repeating: .neutral, count: document.nodes.count))
        #expect(blocks.map { String(decoding: $0.text, as: UTF8.self) } == ["Subscribe Sign In"])
    }

    @Test func deepNestingNeitherCrashesNorLosesText() throws {
        let depth = 30_000
        let html = String(repeating: "<div>", count: depth) + TestPages.prose.map { "<p>\($0)</p>" }.joined() + String(repeating: "</div>", count: depth)
        let article = try TestPages.extract(html)
        #expect(article.paragraphs.map(\.text) == TestPages.prose)
    }

    /// Ten megabytes with ten thousand scripts parse in time proportional to the size.
    @Test func timeGrowsLinearlyWithThePage() throws {
        func page(megabytes: Int) -> [UInt8] {
            let script = "<script>var data = \"" + String(repeating: "x", count: 200) + "\"; if (a < b) {}</script>"
            let paragraph = "<p>" + TestPages.prose[0] + " <a href=/x>link</a> &amp; more.</p>"
            var html = "<html><body><article>"
            while html.utf8.count < megabytes << 20 { html += script + paragraph + "<div class=x>" + paragraph + "</div>" }
            return Array((html + "</article></body></html>").utf8)
        }
        let small = page(megabytes: 1), large = page(megabytes: 10)
        func seconds(_ bytes: [UInt8]) throws -> Double {
            let start = ContinuousClock.now
            _ = try WebArticleExtractor().extract(bytes)
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        _ = try seconds(small)  // warm up
        let tSmall = try seconds(small), tLarge = try seconds(large)
        let largeScripts = String(decoding: large, as: UTF8.self).components(separatedBy: "<script>").count - 1
        #expect(largeScripts >= 10_000)
        // Linear is 10×; anything quadratic would be about 100×.
        #expect(tLarge < 25 * tSmall, "1 MB: \(tSmall) s, 10 MB: \(tLarge) s")
    }
}
