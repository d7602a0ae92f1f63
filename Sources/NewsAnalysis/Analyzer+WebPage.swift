import WebArticle

extension Analyzer {
    /// Extracts the article from a web page's bytes (``WebArticleExtractor``) and analyses it.
    ///
    /// The report's headline, dek, authors, images, `published` and `modified` come from the
    /// page; its spans index ``PageInfo/text``, the extracted text, which the report carries.
    /// - Parameters:
    ///   - charset: the encoding the transport declared (an HTTP `Content-Type` charset), if any.
    ///   - title: a headline known from elsewhere; it wins over the page's.
    ///   - published: a publication date known from elsewhere, used when the page gives none.
    /// - Throws: ``AnalysisError/page(_:)`` when the page gives no article.
    public func analyze(html bytes: [UInt8], charset: String? = nil, id: String? = nil, url: String? = nil,
                        title: String? = nil, published: String? = nil) throws -> AnalysisReport {
        let began = ContinuousClock.now
        let page: WebArticle
        do {
            page = try WebArticleExtractor().extract(bytes, charset: charset, url: url)
        } catch {
            throw AnalysisError.page(error)
        }
        return try analyze(page: page, id: id, url: url, title: title, published: published, began: began)
    }

    /// Analyses an article already extracted from a page.
    public func analyze(page: WebArticle, id: String? = nil, url: String? = nil, title: String? = nil, published: String? = nil) throws -> AnalysisReport {
        try analyze(page: page, id: id, url: url, title: title, published: published, began: ContinuousClock.now)
    }

    private func analyze(page: WebArticle, id: String?, url: String?, title: String?, published: String?, began: ContinuousClock.Instant) throws -> AnalysisReport {
        var text = PageText()
        let headline = title ?? page.title?.value
        if let headline { text.add(headline, role: .headline) }
        if let dek = page.description?.value, Self.isDek(dek, before: page.paragraphs.first?.text) { text.add(dek, role: .subheadline) }
        for paragraph in page.paragraphs {
            text.add(paragraph.text, role: nil, pageRange: ByteRange(start: paragraph.pageStart, end: paragraph.pageEnd))
        }
        for image in page.images {
            guard let caption = image.caption else { continue }
            text.add(caption, role: .caption, imageURL: image.url)
            if let credit = image.credit { text.add(credit, role: .credit) }
        }
        text.layout.authors = page.authors?.value ?? []

        var report = try analyze(scalars: text.scalars, contentHash: Self.hash(page.text.utf8), id: id, url: url, title: headline,
                                 published: page.published?.value ?? published, began: began, layout: text.layout)
        report.published = page.published?.value ?? published
        report.modified = page.modified?.value
        var info = PageInfo(text: String(String.UnicodeScalarView(text.scalars)), encoding: page.encoding,
                            encodingSource: page.encodingEvidence.rawValue, bodySource: page.bodySource)
        info.shownDate = page.shownDate?.value
        info.siteName = page.siteName?.value
        info.canonicalURL = page.canonicalURL?.value
        info.declaredLanguage = page.language?.value
        info.description = page.description?.value
        info.topImage = page.topImage?.value
        info.section = page.section?.value
        info.tags = page.tags?.value ?? []
        info.paywalled = page.paywalled?.value
        info.paragraphs = report.paragraphs.map { text.pageRange(at: $0.start) ?? ByteRange(start: 0, end: 0) }
        let sources: [(String, String?)] = [
            ("headline", title != nil ? "caller" : page.title?.source), ("subheadline", report.subheadline != nil ? page.description?.source : nil),
            ("authors", page.authors?.source), ("published", page.published?.source ?? (published != nil ? "caller" : nil)),
            ("modified", page.modified?.source), ("shownDate", page.shownDate?.source), ("siteName", page.siteName?.source), ("canonicalURL", page.canonicalURL?.source),
            ("declaredLanguage", page.language?.source), ("topImage", page.topImage?.source), ("section", page.section?.source),
            ("tags", page.tags?.source), ("paywalled", page.paywalled?.source), ("body", page.bodySource),
        ]
        info.sources = sources.compactMap { field, source in source.map { MetadataSource(field: field, source: $0) } }
        report.page = info
        return report
    }

    /// A page's description is a dek when it is short and not the first paragraph over again.
    static func isDek(_ description: String, before first: String?) -> Bool {
        let words = description.split(separator: " ").count
        guard (3...60).contains(words) else { return false }
        guard let first else { return true }
        let probe = description.prefix(40)
        return !first.hasPrefix(probe) && !first.contains(probe)
    }
}

/// The text of a page's article as it is analysed: one block a line, blank lines between,
/// with each line's role and its place in the page.
private struct PageText {
    var scalars: [Unicode.Scalar] = []
    var layout = TextLayout()
    /// Start of each body line and the page bytes it came from, in text order.
    private var bodyLines: [(start: Int, page: ByteRange)] = []

    /// Adds `block`, one line per line break in it (a `br` in the page).
    mutating func add(_ block: String, role: Document.LineRole?, pageRange: ByteRange? = nil, imageURL: String? = nil) {
        for segment in block.split(separator: "\n") {
            let line = segment.unicodeScalars.drop(while: { $0.properties.isWhitespace })
            guard !line.isEmpty else { continue }
            if !scalars.isEmpty { scalars.append(contentsOf: ["\n", "\n"]) }
            let start = scalars.count
            scalars.append(contentsOf: line)
            if let role {
                layout.roles.append((start..<scalars.count, role))
                if let imageURL { layout.imageURLs[start] = imageURL }
            }
            if let pageRange { bodyLines.append((start, pageRange)) }
        }
    }

    /// The page bytes of the body line that holds code point `offset`.
    func pageRange(at offset: Int) -> ByteRange? {
        var lo = 0, hi = bodyLines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bodyLines[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? bodyLines[lo - 1].page : nil
    }
}
