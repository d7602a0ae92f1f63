import Foundation

/// The article's paragraphs as the page's application data holds them
/// (`<script type="application/json">`, such as Next.js's `__NEXT_DATA__`): pages that render
/// the article with scripts often show only its first paragraphs in the markup.
///
/// Such data keeps rich text as a list of nodes (a paragraph, a heading, a picture), each
/// with its words in `text` or `value` leaves, links and emphasis nested inside. The body is
/// the list with the most items of prose that contains the page's own first paragraph, so it
/// is this article and not a list of teasers for others; each item is one paragraph.
enum ScriptDataBody {
    /// A list item with fewer words than this is furniture (a picture's alt text, a label).
    static let shortestParagraphWords = 8
    /// Deeper data is not walked: rich text nests a few levels, not dozens.
    static let nestingLimit = 64

    struct Found {
        var paragraphs: [String]
        /// The script element that held them.
        var script: Int
    }

    /// The body in the page's script data that holds `firstParagraph`, if there is one.
    static func find(_ document: HTMLDocument, firstParagraph: String, minimumBytes: Int) -> Found? {
        guard let anchor = anchor(of: firstParagraph) else { return nil }
        var best: (score: Score, found: Found)?
        for script in document.elements(.script) {
            guard let type = document.attribute("type", of: script), type.lowercased() == "application/json" else { continue }
            let text = Array(document.textContent(script).utf8)
            // Only data that holds the visible text, and more text than that, is parsed at all.
            guard text.count >= minimumBytes, ASCII.contains(text, anchor), textLeafBytes(text) >= minimumBytes else { continue }
            guard let value = try? JSONSerialization.jsonObject(with: Data(StructuredData.escapingControlCharacters(text))) else { continue }
            var search = AnchorSearch(anchor: String(decoding: anchor, as: UTF8.self))
            search.visit(value, key: nil, depth: 0)
            for list in search.found ?? [] where list.count >= 2 {
                let (score, paragraphs) = paragraphs(of: list)
                if best.map({ score > $0.score }) ?? true { best = (score, Found(paragraphs: paragraphs, script: script)) }
            }
        }
        return best?.found
    }

    /// Bytes of the strings under `"text"` and `"value"` keys in raw JSON, found without
    /// parsing it: what rich text the data can hold at most.
    static func textLeafBytes(_ json: [UInt8]) -> Int {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var total = 0
        var k = 0
        let n = json.count
        while k < n {
            guard json[k] == quote else { k += 1; continue }
            // A string: is it a key named text or value, followed by a string value?
            var end = k + 1
            while end < n, json[end] != quote { end += json[end] == backslash ? 2 : 1 }
            let isTextKey = json[(k + 1)..<min(end, n)].elementsEqual("text".utf8) || json[(k + 1)..<min(end, n)].elementsEqual("value".utf8)
            k = end + 1
            guard isTextKey else { continue }
            while k < n, json[k] == 0x20 || json[k] == UInt8(ascii: ":") { k += 1 }
            guard k < n, json[k] == quote else { continue }
            var valueEnd = k + 1
            while valueEnd < n, json[valueEnd] != quote { valueEnd += json[valueEnd] == backslash ? 2 : 1 }
            total += valueEnd - k - 1
            k = valueEnd + 1
        }
        return total
    }

    /// A run of plain ASCII words from the start of the first paragraph: what the data must
    /// hold verbatim (curly quotes and other characters may be escaped in JSON).
    static func anchor(of paragraph: String) -> [UInt8]? {
        var run: [UInt8] = []
        for b in paragraph.utf8 {
            if ASCII.isLetter(b) || b == 0x20 || b == UInt8(ascii: ",") {
                run.append(b)
                if run.count == 40 { return run }
            } else {
                if run.count >= 24 { return run }
                run = []
            }
        }
        return run.count >= 24 ? run : nil
    }

    /// Paragraphs of prose, then length in characters.
    struct Score: Comparable {
        var prose: Int
        var characters: Int
        static func < (a: Score, b: Score) -> Bool { (a.prose, a.characters) < (b.prose, b.characters) }
    }

    /// The lists that hold the text leaf with `anchor`, outermost first: the body is one of
    /// them, since it holds the visible first paragraph.
    private struct AnchorSearch {
        let anchor: String
        private var lists: [[Any]] = []
        private(set) var found: [[Any]]?

        init(anchor: String) { self.anchor = anchor }

        mutating func visit(_ value: Any, key: String?, depth: Int) {
            guard found == nil, depth < ScriptDataBody.nestingLimit else { return }
            if let array = value as? [Any] {
                lists.append(array)
                for item in array { visit(item, key: nil, depth: depth + 1) }
                lists.removeLast()
            } else if let object = value as? [String: Any] {
                for key in object.keys.sorted() { visit(object[key]!, key: key, depth: depth + 1) }
            } else if let string = value as? String, key.map(ScriptDataBody.isTextKey) == true, string.contains(anchor) {
                found = lists
            }
        }
    }

    static func isTextKey(_ key: String) -> Bool { key == "text" || key == "value" }

    /// Each item of `list` as a paragraph, and how much prose they make.
    private static func paragraphs(of list: [Any]) -> (Score, [String]) {
        var paragraphs: [String] = []
        var score = Score(prose: 0, characters: 0)
        for item in list {
            var words = ""
            collectText(item, into: &words, depth: 0)
            let paragraph = TextFolding.fold(words)
            guard !paragraph.isEmpty else { continue }
            if TextFolding.wordCount(paragraph) >= shortestParagraphWords { score.prose += 1 }
            score.characters += paragraph.utf8.count
            paragraphs.append(paragraph)
        }
        return (score, paragraphs)
    }

    /// The words of a rich-text node: its `text` and `value` strings in order, those of its
    /// children (links, emphasis) in place.
    private static func collectText(_ value: Any, into words: inout String, depth: Int) {
        guard depth < nestingLimit else { return }
        if let array = value as? [Any] {
            for item in array { collectText(item, into: &words, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let child = object[key]!
                if let string = child as? String {
                    if isTextKey(key) { words += string }
                } else {
                    collectText(child, into: &words, depth: depth + 1)
                }
            }
        }
    }
}
