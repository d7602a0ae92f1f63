import Foundation

/// Reads an article's metadata from the places publishers put it, most trusted first:
/// JSON-LD (schema.org), then Open Graph and other `<meta>` tags, then the markup itself
/// (`h1`, `<title>`, bylines, `<time>`), then the URL. Each value says where it came from.
struct MetadataExtractor {
    let document: HTMLDocument
    let verdicts: [ElementHints.Verdict]
    let classes: ClassWords
    /// The element the article's text came from: bylines and dates near it count first.
    let container: Int
    let url: String?

    private let structured: StructuredData
    private let article: [String: Any]?
    /// `<meta>` values by lowercased `property`, `name` or `itemprop`, in page order.
    private let meta: [String: [String]]

    init(document: HTMLDocument, verdicts: [ElementHints.Verdict], classes: ClassWords, container: Int, url: String?) {
        self.document = document
        self.verdicts = verdicts
        self.classes = classes
        self.container = container
        self.url = url
        structured = StructuredData(document)
        article = structured.article
        var meta: [String: [String]] = [:]
        for element in document.elements(.meta) {
            guard let content = document.attribute("content", of: element)?.trimmingASCIISpaces(), !content.isEmpty else { continue }
            for key in ["property", "name", "itemprop", "http-equiv"] as [StaticString] {
                if let name = document.attribute(key, of: element)?.lowercased() { meta[name, default: []].append(content) }
            }
        }
        self.meta = meta
    }

    private func metaValue(_ keys: [String]) -> WebArticle.Sourced<String>? {
        for key in keys { if let value = meta[key]?.first { return .init(value, from: "meta:\(key)") } }
        return nil
    }

    private func jsonLD(_ key: String) -> WebArticle.Sourced<String>? {
        StructuredData.text(article?[key]).map { .init($0, from: "json-ld") }
    }

    /// The article body the structured data carries, if any.
    var structuredBody: String? { StructuredData.text(article?["articleBody"]) }

    // MARK: - Fields

    var siteName: WebArticle.Sourced<String>? {
        metaValue(["og:site_name", "application-name"])
            ?? StructuredData.text((article?["publisher"] as? [String: Any])?["name"]).map { .init($0, from: "json-ld") }
    }

    var description: WebArticle.Sourced<String>? {
        metaValue(["og:description", "description", "twitter:description"]) ?? jsonLD("description")
    }

    var title: WebArticle.Sourced<String>? {
        let declared = [jsonLD("headline"), metaValue(["og:title", "twitter:title"])].compactMap { $0 }
        let pageTitle = document.elements(.title).first.map { TextFolding.fold(document.textContent($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        // The visible headline, when it agrees with what the page declares.
        let visible = document.elements(.h1).filter { !isHidden($0) }
        let headings = visible.prefix(4).map { visibleText($0) }.filter { !$0.isEmpty }
        let references = declared.map(\.value) + (pageTitle.map { [$0] } ?? [])
        for heading in headings where references.contains(where: { TitleCleaner.similarity(heading, $0) >= 0.6 }) {
            return .init(heading, from: "h1")
        }
        let site = siteName?.value
        // Or the page's one headline, above the article or at its top: the declared titles are
        // then a shorter or older version of it (not the site's name in an h1).
        if visible.count == 1, let heading = headings.first, TextFolding.words(heading).count >= 3,
           document.nodes[visible[0]].sourceStart < document.nodes[container].sourceEnd,
           site.map({ TitleCleaner.similarity(heading, $0) < 0.5 }) ?? true {
            return .init(heading, from: "h1")
        }
        if let first = declared.first { return .init(TitleCleaner.removingSiteName(first.value, siteName: site, url: url), from: first.source) }
        if let pageTitle { return .init(TitleCleaner.removingSiteName(pageTitle, siteName: site, url: url), from: "title") }
        return headings.first.map { .init($0, from: "h1") }
    }

    var authors: WebArticle.Sourced<[String]>? {
        let site = siteName?.value
        func cleaned(_ raw: [String]) -> [String] { AuthorNames.clean(raw, siteName: site) }
        let fromJSON = cleaned(StructuredData.personNames(article?["author"]) + StructuredData.personNames(article?["creator"]))
        if !fromJSON.isEmpty { return .init(fromJSON, from: "json-ld") }
        for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator:name"] {
            let values = (meta[key] ?? []).filter { !$0.contains("://") && !$0.hasPrefix("@") }
            let names = cleaned(values)
            if !names.isEmpty { return .init(names, from: "meta:\(key)") }
        }
        let bylines = bylineElements()
        let names = cleaned(bylines.map { visibleText($0) }.filter { $0.utf8.count <= 200 })
        return names.isEmpty ? nil : .init(names, from: "byline")
    }

    /// Elements that name the author: `rel=author`, `itemprop=author`, and, near the article
    /// (not in the teasers around it), classes that say byline or author and links to an
    /// author's page (`/author/...`).
    private func bylineElements() -> [Int] {
        var marked: [Int] = []
        var classed: [Int] = []
        var linked: [Int] = []
        let articleEnd = document.nodes[container].sourceEnd
        let near = (Int(document.nodes[container].sourceStart) - Self.bylineDistance)..<Int(articleEnd)
        for k in document.nodes.indices where document.nodes[k].kind == .element && !isHidden(k) {
            if let rel = document.attribute("rel", of: k), rel.lowercased().split(separator: " ").contains("author") {
                marked.append(k)
            } else if let itemprop = document.attribute("itemprop", of: k), itemprop.lowercased().split(separator: " ").contains("author") {
                // The person's name inside, when the author item has one.
                var name: Int?
                document.forEachDescendant(of: k) { d in
                    if name == nil, document.attribute("itemprop", of: d)?.lowercased() == "name" { name = d }
                    return name == nil
                }
                marked.append(name ?? k)
            } else if !near.contains(Int(document.nodes[k].sourceStart)) {
                continue
            } else if classes.any(k, in: Self.bylineClassWords) {
                classed.append(k)
            } else if document.nodes[k].tag == .a, let href = document.attributeRange(Self.hrefHash, of: k),
                      Self.authorPaths.contains(where: { ASCII.contains(Array(document.strings[href]), $0) }) {
                linked.append(k)
            }
        }
        // The innermost byline elements only, or their names repeat.
        let chosen = !marked.isEmpty ? marked : !classed.isEmpty ? classed : linked
        let set = Set(chosen)
        return chosen.filter { k in
            var inner = false
            document.forEachDescendant(of: k) { d in
                if set.contains(d) { inner = true }
                return !inner
            }
            return !inner
        }.prefix(6).map { $0 }
    }

    /// How far before the article's element (in bytes of the page) a byline may stand.
    static let bylineDistance = 30_000

    private static let bylineClassWords = ClassWords.hashes(["byline", "author", "authors", "authorname", "bylineauthor", "contributor"])
    private static let dateClassWords = ClassWords.hashes(["date", "published", "timestamp", "posted", "pubdate", "dateline", "publishdate", "datetime"])
    private static let creditClassWords = ClassWords.hashes(["credit", "copyright"])
    private static let authorPaths = ["/author/", "/authors/", "/staff/", "/people/", "/profile/", "/journalist/", "/reporter/"].map { Array($0.utf8) }
    private static let hrefHash = ASCII.lowercasedHash("href")

    /// The publication date-time, in the zone the page prints it in where the page says.
    var published: WebArticle.Sourced<String>? {
        publishedAsDeclared.map(localized)
    }

    private var publishedAsDeclared: WebArticle.Sourced<String>? {
        var first: WebArticle.Sourced<String>?
        publishedDates(declaredOnly: false) { first = $0; return false }
        return first
    }

    /// Every publication date the page gives, best source first, until `visit` says stop;
    /// `declaredOnly`, those its metadata declares for the whole page (not a `<time>`, which
    /// may be a teaser's, nor the URL).
    private func publishedDates(declaredOnly: Bool, _ visit: (WebArticle.Sourced<String>) -> Bool) {
        dates(jsonKeys: ["datePublished", "dateCreated"],
              metaKeys: ["article:published_time", "og:published_time", "article:published", "published_time",
                         "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                         "date", "pubdate", "publishdate", "publish-date", "publication_date", "citation_publication_date",
                         "datepublished", "release_date", "og:article:published_time"],
              itemprop: "datepublished", useTime: !declaredOnly, visit)
    }

    var modified: WebArticle.Sourced<String>? {
        var first: WebArticle.Sourced<String>?
        dates(jsonKeys: ["dateModified"], metaKeys: ["article:modified_time", "og:updated_time", "dcterms.modified", "datemodified", "last-modified"],
              itemprop: "datemodified", useTime: false) { first = $0; return false }
        return first
    }

    /// The date the page shows its readers with the article: the publication date when the
    /// page prints it; else the last update when that is what the page prints (a guide kept
    /// current says "Updated Dec 14, 2023" and nothing of its first edition); else the
    /// publication date. `blocks` are the page's text blocks, where printed dates are found
    /// (only the declared dates are looked for, so another story's date in a list does not
    /// count unless it is the same day).
    func shownDate(published: WebArticle.Sourced<String>?, in blocks: [TextBlock]) -> WebArticle.Sourced<String>? {
        guard let published else { return nil }
        var printed = Set<Substring>()
        for block in blocks where block.characters <= Self.longestDateLine && !isHidden(block.owner) {
            // Bytes first: a line with no year in it holds no date.
            guard DateNormalizer.holdsYear(block.text),
                  let day = DateNormalizer.normalize(String(decoding: block.text, as: UTF8.self))?.prefix(10) else { continue }
            printed.insert(day)
        }
        // A line may print both ("Updated: Dec. 23 · First published: Dec. 18"), each in an element of its own.
        for k in dateElements() {
            if let day = DateNormalizer.normalize(visibleText(k))?.prefix(10) { printed.insert(day) }
        }
        if printed.contains(published.value.prefix(10)) { return published }
        // Where the page's own declarations of its publication disagree, the printed one.
        var declared: WebArticle.Sourced<String>?
        publishedDates(declaredOnly: true) { date in
            if printed.contains(date.value.prefix(10)) { declared = date }
            return declared == nil
        }
        if let declared { return localized(declared) }
        guard let modified else { return published }
        // The update on the clock the publication date is shown on.
        let zone = DateNormalizer.offsetMinutes(of: published.value)
        let update = zone.flatMap { DateNormalizer.shifted(modified.value, toOffset: $0) } ?? modified.value
        return printed.contains(update.prefix(10)) ? .init(update, from: modified.source) : published
    }

    /// A line that prints a date with a byline or a label ("Updated Dec. 14, 2023, 10:20 AM ET").
    static let longestDateLine = 100

    /// The dates the page declares under these keys, in the order of trust: JSON-LD, meta
    /// tags, `itemprop`, then (with `useTime`) `<time datetime>`, a printed date and the URL.
    /// `visit` returns `false` to stop.
    private func dates(jsonKeys: [String], metaKeys: [String], itemprop: String, useTime: Bool,
                       _ visit: (WebArticle.Sourced<String>) -> Bool) {
        for key in jsonKeys {
            if let raw = StructuredData.text(article?[key]), let value = DateNormalizer.normalize(raw), !visit(.init(value, from: "json-ld")) { return }
        }
        for key in metaKeys {
            for raw in meta[key] ?? [] {
                if let value = DateNormalizer.normalize(raw), !visit(.init(value, from: "meta:\(key)")) { return }
            }
        }
        for k in document.nodes.indices where document.nodes[k].kind == .element {
            guard document.attribute("itemprop", of: k)?.lowercased() == itemprop else { continue }
            let raw = document.attribute("datetime", of: k) ?? document.attribute("content", of: k) ?? visibleText(k)
            if let value = DateNormalizer.normalize(raw), !visit(.init(value, from: "itemprop")) { return }
        }
        guard useTime else { return }
        // `<time datetime>`: inside the article first, then anywhere.
        let times = document.elements(.time).filter { document.hasAttribute("datetime", $0) }
        for time in times.sorted(by: { isWithinContainer($0) && !isWithinContainer($1) }) {
            if let raw = document.attribute("datetime", of: time), let value = DateNormalizer.normalize(raw), !visit(.init(value, from: "time")) { return }
        }
        // A date as the page prints it, in a `time` element or one whose class says date.
        if let printed = printedDate(), !visit(printed) { return }
        for candidate in [url, canonicalURL?.value].compactMap({ $0 }) {
            if let value = DateNormalizer.fromURL(candidate), !visit(.init(value, from: "url")) { return }
        }
    }

    /// `date` in the zone the page shows it in: pages often declare the instant in UTC and
    /// print it on their own clock ("10:00 PM ET" for 03:00Z), and the reader's calendar day
    /// is the printed one.
    private func localized(_ date: WebArticle.Sourced<String>) -> WebArticle.Sourced<String> {
        func shown(as printed: String) -> WebArticle.Sourced<String>? {
            guard printed.utf8.count <= 80, let zone = DateNormalizer.offset(showing: date.value, as: printed),
                  let value = DateNormalizer.shifted(date.value, toOffset: zone) else { return nil }
            return .init(value, from: date.source)
        }
        let elements = dateElements()
        for k in elements { if let printed = document.attribute("datetime", of: k), let value = shown(as: printed) { return value } }
        for k in elements { if let value = shown(as: visibleText(k)) { return value } }
        for k in dateOnlyElements() { if let value = shown(as: visibleText(k)) { return value } }
        return date
    }

    /// The first date printed in a `<time>` or a date-classed element (inside the article's
    /// element first) that does not say it is an update; failing that, the first of the
    /// ``dateOnlyElements()``.
    private func printedDate() -> WebArticle.Sourced<String>? {
        for k in dateElements() {
            let text = visibleText(k)
            guard text.utf8.count <= 80, !text.lowercased().contains("updated"), let value = DateNormalizer.normalize(text) else { continue }
            return .init(value, from: "text")
        }
        return dateOnlyElements().first.flatMap { DateNormalizer.normalize(visibleText($0)) }.map { .init($0, from: "text") }
    }

    /// Elements around the article whose whole text is a date ("Dec 05, 2023" beside a
    /// byline): inside the article's element first, then the nearest before it.
    private func dateOnlyElements() -> [Int] {
        let start = Int(document.nodes[container].sourceStart)
        let near = (start - Self.bylineDistance)..<Int(document.nodes[container].sourceEnd)
        var found: [Int] = []
        for k in document.nodes.indices where document.nodes[k].kind == .element && near.contains(Int(document.nodes[k].sourceStart)) {
            // Cheap tests first: a leaf, short, with a digit in it.
            var length = 0
            var leaf = document.nodes[k].firstChild >= 0
            var digit = false
            for child in document.children(of: k) {
                let node = document.nodes[child]
                guard node.kind == .text else { leaf = false; break }
                length += Int(node.dataEnd - node.dataStart)
                digit = digit || document.strings[Int(node.dataStart)..<Int(node.dataEnd)].contains { $0 >= 0x30 && $0 <= 0x39 }
            }
            guard leaf, digit, length <= Self.longestPrintedDate, !isHidden(k), DateNormalizer.isDateOnly(visibleText(k)) else { continue }
            found.append(k)
        }
        return found.sorted { a, b in
            let (ia, ib) = (isWithinContainer(a), isWithinContainer(b))
            return ia != ib ? ia : ia ? a < b : a > b
        }
    }

    /// Bytes of a date as a byline prints it, time and zone included.
    static let longestPrintedDate = 48

    /// Visible `time` elements and elements whose class says date, inside the article's
    /// element first.
    private func dateElements() -> [Int] {
        var inside: [Int] = [], outside: [Int] = []
        for k in document.nodes.indices where document.nodes[k].kind == .element && !isHidden(k) {
            guard document.nodes[k].tag == .time || classes.any(k, in: Self.dateClassWords) else { continue }
            if isWithinContainer(k) { inside.append(k) } else { outside.append(k) }
        }
        return inside + outside
    }

    var canonicalURL: WebArticle.Sourced<String>? {
        for link in document.elements(.link) {
            if let rel = document.attribute("rel", of: link)?.lowercased(), rel.split(separator: " ").contains("canonical"),
               let href = document.attribute("href", of: link), !href.isEmpty {
                return .init(href, from: "link:canonical")
            }
        }
        return metaValue(["og:url"]) ?? jsonLD("url")
    }

    var language: WebArticle.Sourced<String>? {
        if let html = document.elements(.html).first, let lang = document.attribute("lang", of: html) ?? document.attribute("xml:lang", of: html),
           !lang.trimmingASCIISpaces().isEmpty {
            return .init(lang.trimmingASCIISpaces(), from: "html:lang")
        }
        if let value = metaValue(["content-language", "og:locale", "language"]) {
            return .init(value.value.replacingUnderscores(), from: value.source)
        }
        return jsonLD("inLanguage")
    }

    var topImage: WebArticle.Sourced<String>? {
        if let value = metaValue(["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]) {
            return .init(resolve(value.value), from: value.source)
        }
        return StructuredData.imageURL(article?["image"]).map { .init(resolve($0), from: "json-ld") }
    }

    var section: WebArticle.Sourced<String>? {
        metaValue(["article:section", "section", "parsely-section"]) ?? jsonLD("articleSection")
    }

    var tags: WebArticle.Sourced<[String]>? {
        if let tags = meta["article:tag"], !tags.isEmpty { return .init(tags, from: "meta:article:tag") }
        let keywords = StructuredData.texts(article?["keywords"])
        let split = (keywords.count == 1 ? keywords[0].split(separator: ",").map { String($0).trimmingASCIISpaces() } : keywords).filter { !$0.isEmpty }
        if !split.isEmpty { return .init(split, from: "json-ld") }
        if let value = metaValue(["news_keywords", "keywords", "parsely-tags"]) {
            let list = value.value.split(separator: ",").map { String($0).trimmingASCIISpaces() }.filter { !$0.isEmpty }
            if !list.isEmpty { return .init(list, from: value.source) }
        }
        return nil
    }

    var paywalled: WebArticle.Sourced<Bool>? {
        if let free = StructuredData.bool(article?["isAccessibleForFree"]) { return .init(!free, from: "json-ld") }
        if let parts = article?["hasPart"] {
            let list = (parts as? [Any]) ?? [parts]
            for part in list {
                if let object = part as? [String: Any], let free = StructuredData.bool(object["isAccessibleForFree"]) { return .init(!free, from: "json-ld") }
            }
        }
        return nil
    }

    /// Pictures in the article: `figure` elements inside the container, each image with its
    /// `figcaption` and credit.
    var images: [WebArticle.Image] {
        var images: [WebArticle.Image] = []
        for figure in document.elements(.figure) where isWithinContainer(figure) || figure == container {
            var source: String?
            var caption: String?
            var credit: String?
            document.forEachDescendant(of: figure) { d in
                let node = document.nodes[d]
                guard node.kind == .element else { return true }
                if node.tag == .img, source == nil {
                    source = document.attribute("src", of: d).flatMap { $0.hasPrefix("data:") ? nil : $0 }
                        ?? document.attribute("data-src", of: d)
                        ?? document.attribute("srcset", of: d)?.split(separator: " ").first.map(String.init)
                }
                if node.tag == .figcaption { caption = visibleText(d, includeHidden: true) }
                if classes.any(d, in: Self.creditClassWords) {
                    credit = visibleText(d, includeHidden: true)
                }
                return true
            }
            guard let source else { continue }
            if var text = caption, let credit, !credit.isEmpty, let range = text.range(of: credit) {
                text.removeSubrange(range)
                caption = TextFolding.fold(text)
            }
            images.append(WebArticle.Image(url: resolve(source), caption: caption.flatMap { $0.isEmpty ? nil : $0 },
                                           credit: credit.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return images
    }

    // MARK: - Helpers

    private func isWithinContainer(_ node: Int) -> Bool {
        var e = Int(document.nodes[node].parent)
        while e >= 0 {
            if e == container { return true }
            e = Int(document.nodes[e].parent)
        }
        return false
    }

    private func isHidden(_ node: Int) -> Bool {
        var e = node
        while e > 0 {
            if verdicts[e] == .dropped, document.nodes[e].tag != .figcaption { return true }
            e = Int(document.nodes[e].parent)
        }
        return false
    }

    /// The text of `node` as shown, whitespace folded, skipping dropped descendants.
    func visibleText(_ node: Int, includeHidden: Bool = false) -> String {
        var bytes: [UInt8] = []
        document.forEachDescendant(of: node) { d in
            let n = document.nodes[d]
            if n.kind == .element {
                if !includeHidden, verdicts[d] == .dropped { return false }
                if n.tag.isBlock { bytes.append(0x20) }
                return true
            }
            bytes.append(contentsOf: document.strings[Int(n.dataStart)..<Int(n.dataEnd)])
            return true
        }
        return TextFolding.fold(String(decoding: bytes, as: UTF8.self))
    }

    /// A URL as written, made absolute where the page's address is known.
    private func resolve(_ link: String) -> String {
        if link.hasPrefix("//") { return "https:" + link }
        guard link.hasPrefix("/"), let base = url ?? document.elements(.link).lazy.compactMap({ self.document.attribute("href", of: $0) }).first(where: { $0.hasPrefix("http") }) else { return link }
        let bytes = Array(base.utf8)
        guard let scheme = base.range(of: "://") else { return link }
        let afterScheme = base.utf8.distance(from: base.utf8.startIndex, to: scheme.upperBound.samePosition(in: base.utf8)!)
        let hostEnd = bytes[afterScheme...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        return String(decoding: bytes[..<hostEnd], as: UTF8.self) + link
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
