/// Turns the bytes of a web page into a ``WebArticle``: decodes them (``PageDecoder``),
/// parses them (``HTMLParser``), finds the article's text among the page's blocks and reads
/// its metadata. Holds no state: one can serve every thread.
public struct WebArticleExtractor: Sendable {
    /// Structured data's `articleBody` replaces the visible text when it has this many times
    /// the words: pages that render the article with scripts, or show only a teaser.
    static let structuredBodyFactor = 1.5

    public init() {}

    /// Extracts the article from `bytes`. `charset` is the encoding the transport declared
    /// (an HTTP `Content-Type` charset), `url` the page's address (for dates in it and for
    /// making image links absolute).
    public func extract(_ bytes: [UInt8], charset: String? = nil, url: String? = nil) throws(WebArticleError) -> WebArticle {
        if let reason = Self.binaryReason(bytes) { throw .notHTML(reason) }
        let decoded = PageDecoder.decode(bytes, transportCharset: charset)
        let document = HTMLParser.parse(decoded.utf8)
        guard document.nodes.contains(where: { $0.kind == .element }) else { throw .notHTML("no markup found") }
        return try extract(document, decoded: decoded, url: url)
    }

    func extract(_ document: HTMLDocument, decoded: PageDecoder.DecodedPage, url: String?) throws(WebArticleError) -> WebArticle {
        let classes = ClassWords(document)
        var verdicts = [ElementHints.Verdict](repeating: .neutral, count: document.nodes.count)
        for k in document.nodes.indices where document.nodes[k].kind == .element {
            verdicts[k] = ElementHints.verdict(document, classes, k)
        }
        let blocks = BlockBuilder.blocks(document, verdicts: verdicts)
        let content = ContentExtractor(document: document, verdicts: verdicts, blocks: blocks).extract()
        let metadata = MetadataExtractor(document: document, verdicts: verdicts, classes: classes, container: content.container, url: url)
        let title = metadata.title

        var paragraphs = content.blocks.map { paragraph($0, document) }
        if let title, let first = paragraphs.first, first.kind == .heading || first.kind == .other, Self.repeats(title.value, first.text) {
            paragraphs.removeFirst()
        }
        var bodySource = "page"
        if let (dataParagraphs, source) = bodyFromData(paragraphs, document, metadata) {
            paragraphs = dataParagraphs
            bodySource = source
        }
        if paragraphs.isEmpty { throw .noArticleText }
        let published = metadata.published
        return WebArticle(
            paragraphs: paragraphs, title: title, description: metadata.description, authors: metadata.authors,
            published: published, modified: metadata.modified, shownDate: metadata.shownDate(published: published, in: blocks),
            siteName: metadata.siteName,
            canonicalURL: metadata.canonicalURL, language: metadata.language, topImage: metadata.topImage,
            images: metadata.images, section: metadata.section, tags: metadata.tags, paywalled: metadata.paywalled,
            encoding: decoded.encoding, encodingEvidence: decoded.evidence, bodySource: bodySource)
    }

    /// The body the page's data holds when the visible text has only part of it (pages that
    /// render the article with scripts, or show a teaser): structured data's `articleBody`,
    /// else the rich text of the page's script data.
    private func bodyFromData(_ visible: [WebArticle.Paragraph], _ document: HTMLDocument, _ metadata: MetadataExtractor)
        -> ([WebArticle.Paragraph], String)? {
        // Words are counted only when there is a body to weigh: most pages have none.
        func replaces(words: Int) -> Bool {
            guard words >= Self.shortestDataBodyWords else { return false }
            let visibleWords = visible.reduce(0) { $0 + TextFolding.wordCount($1.text) }
            return Double(words) > Self.structuredBodyFactor * Double(visibleWords)
        }
        // The data's text has the page's furniture too ("Advertisement", unexpanded macros).
        func located(_ paragraphs: [String], in script: Int) -> [WebArticle.Paragraph] {
            let node = document.nodes[script]
            return paragraphs.filter { !BoilerplatePhrases.matches(Array($0.utf8)) }.map { WebArticle.Paragraph(text: $0, kind: .paragraph, pageStart: Int(node.sourceStart), pageEnd: Int(node.sourceEnd)) }
        }
        if let body = metadata.structuredBody, replaces(words: TextFolding.wordCount(body)) {
            let paragraphs = body.split(whereSeparator: \.isNewline).map { TextFolding.fold(String($0)) }.filter { !$0.isEmpty }
            let script = document.elements(.script).first { document.textContent($0).contains("articleBody") } ?? 0
            return (located(paragraphs, in: script), "json-ld")
        }
        // Script data is parsed only for a page whose visible text may be a teaser.
        let visibleBytes = visible.reduce(0) { $0 + $1.text.utf8.count }
        if let first = visible.first(where: { $0.kind == .paragraph }),
           let found = ScriptDataBody.find(document, firstParagraph: first.text, minimumBytes: Int(Self.structuredBodyFactor * Double(visibleBytes))),
           replaces(words: found.paragraphs.reduce(0) { $0 + TextFolding.wordCount($1) }) {
            return (located(found.paragraphs, in: found.script), "script-data")
        }
        return nil
    }

    /// Fewer words than this in the page's data is no article body to prefer.
    static let shortestDataBodyWords = 50

    private func paragraph(_ block: TextBlock, _ document: HTMLDocument) -> WebArticle.Paragraph {
        let kind: WebArticle.Paragraph.Kind = switch block.kind {
        case .paragraph: .paragraph
        case .heading, .title: .heading
        case .listItem: .listItem
        case .quote: .quote
        case .preformatted: .preformatted
        case .cell: .cell
        case .other: .other
        }
        // The element's own range when the block is all of it; the text's otherwise.
        let owner = document.nodes[block.owner]
        let ownsBlock: Bool = switch owner.tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dd, .dt, .blockquote, .pre, .td, .th: true
        default: false
        }
        let start = ownsBlock ? Int(owner.sourceStart) : block.sourceStart
        let end = ownsBlock ? Int(owner.sourceEnd) : block.sourceEnd
        return WebArticle.Paragraph(text: String(decoding: block.text, as: UTF8.self), kind: kind, pageStart: start, pageEnd: end)
    }

    /// Whether a heading or loose line is the title again ("Ferry fares stay the same |
    /// Portville News"): its words nearly all the title's, and not many more of them. A first
    /// sentence that uses the title's words ("The ferry said its fares would stay the same
    /// this year, …") is the article.
    static func repeats(_ title: String, _ text: String) -> Bool {
        TitleCleaner.similarity(text, title) >= 0.9
            && Double(TextFolding.words(text).count) <= Self.longestTitleRepeat * Double(TextFolding.words(title).count) + 2
    }

    /// Words of a title repeated with a kicker or site name, per word of the title, at most.
    static let longestTitleRepeat = 1.5

    /// Why `bytes` cannot be a web page, if they cannot: NUL bytes or other control
    /// characters in the first kilobytes mean binary data.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "the page is empty" }
        // UTF-16 pages are full of NULs and start with a byte order mark.
        if PageDecoder.byteOrderMark(bytes) != nil { return nil }
        let head = bytes.prefix(4096)
        let controls = head.reduce(0) { $0 + ($1 < 0x09 || ($1 > 0x0D && $1 < 0x20 && $1 != 0x1B) ? 1 : 0) }
        return controls * 100 > head.count ? "binary data (control bytes), not a web page" : nil
    }
}
