import Foundation
@testable import WebArticle

/// The test pages in `Pages/`, and short ways to parse and extract.
enum TestPages {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Pages"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return Array(data)
    }

    static func parse(_ html: String) -> HTMLDocument {
        HTMLParser.parse(Array(html.utf8))
    }

    /// The extracted article of a page written inline.
    static func extract(_ html: String, url: String? = nil) throws -> WebArticle {
        try WebArticleExtractor().extract(Array(html.utf8), url: url)
    }

    /// All text of an element, whitespace folded.
    static func text(_ document: HTMLDocument, _ node: Int) -> String {
        TextFolding.fold(document.textContent(node))
    }

    /// A page of `paragraphs` of prose inside an article, for tests about what surrounds them.
    static func article(_ paragraphs: [String], around: String = "") -> String {
        "<html><body>\(around)<article>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
    }

    /// A page that shows only a loading note and keeps its article in JSON-LD's `articleBody`
    /// (`body`, escaped for JSON).
    static func structuredDataPage(body: String) -> String {
        """
        <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood","articleBody":"\(body)"}</script></head>
        <body><div id=app><p>Loading the article, please wait a moment.</p></div></body></html>
        """
    }

    static let prose = [
        "The river rose by two metres overnight, and the town's lower streets were under water by dawn on Sunday.",
        "Volunteers filled sandbags in the market square while the fire service pumped water from the cellars of the old mill.",
        "The mayor said the flood defences built after the last flood had held, but that the town would need more of them.",
    ]
}
