/// What an element's markup says about its role, before its text is weighed: tags that never
/// hold article text, hidden elements, and the words in `class`, `id`, `role` and `itemprop`
/// that mark boilerplate (share bars, related links, comments, ads, banners) or the body.
struct ElementHints {
    enum Verdict: UInt8 {
        case neutral
        /// Never text of the article: scripts, forms, media, hidden elements.
        case dropped
        /// Markup says boilerplate; the extractor still keeps it if it holds the article.
        case boilerplate
        /// Markup says article body.
        case body
    }

    /// Words that mark boilerplate whatever else the class says.
    private static let strongBoilerplate: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "share", "shares", "sharing", "sharebar", "social", "socials",
        "related", "recirc", "recommended", "recommendation", "recommendations", "newsletter", "newsletters",
        "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promotion",
        "promoted", "sponsor", "sponsored", "advert", "advertisement", "advertising", "ad", "ads", "adv", "dfp",
        "outbrain", "taboola", "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb",
        "breadcrumbs", "masthead", "toolbar", "popup", "modal", "trending", "popular", "mostread", "byline",
        "caption", "captions", "credit", "credits", "tags", "pagination", "pager", "skip", "hidden", "sronly",
        "visuallyhidden", "screenreader", "print", "login", "paywall", "banner", "teaser", "teasers", "readmore",
        "playlist", "carousel", "slideshow", "gallery",
    ]
    /// Words that mark boilerplate unless the class also says body.
    private static let weakBoilerplate: Set<String> = [
        "header", "meta", "widget", "rail", "author", "authors", "more", "aside", "sticky", "overlay", "dialog",
        "tools", "actions", "bio", "timestamp", "date", "dateline", "info", "links", "list", "follow",
    ]
    private static let bodyWords: Set<String> = [
        "article", "articlebody", "content", "body", "story", "storybody", "text", "entry", "post", "main",
        "prose", "richtext", "paragraph", "paragraphs",
    ]
    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
        "alertdialog", "tablist", "toolbar",
    ]

    static func verdict(_ document: HTMLDocument, _ node: Int) -> Verdict {
        let tag = document.nodes[node].tag
        switch tag {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio,
             .map, .select, .option, .optgroup, .button, .input, .textarea, .datalist, .head, .title, .meta, .link,
             .nav, .figcaption, .label, .dialog, .frameset, .frame, .applet, .noembed, .noframes:
            return .dropped
        default:
            break
        }
        if document.nodes[node].isForeign { return .dropped }
        if document.hasAttribute("hidden", node) { return .dropped }
        if let hidden = document.attribute("aria-hidden", of: node), hidden == "true" { return .dropped }
        if let style = document.attribute("style", of: node), isHiddenStyle(style) { return .dropped }
        if let itemprop = document.attribute("itemprop", of: node) {
            let lower = itemprop.lowercased()
            if lower.contains("articlebody") || lower == "text" { return .body }
            if lower.contains("comment") { return .boilerplate }
        }
        if let role = document.attribute("role", of: node), boilerplateRoles.contains(role.lowercased()) { return .boilerplate }
        var strong = false, weak = false, body = false
        for name in ["class", "id"] as [StaticString] {
            guard let value = document.attribute(name, of: node) else { continue }
            for word in words(value) {
                if strongBoilerplate.contains(word) { strong = true } else if weakBoilerplate.contains(word) { weak = true } else if bodyWords.contains(word) { body = true }
            }
        }
        if strong || (weak && !body) { return .boilerplate }
        switch tag {
        case .aside, .footer, .header: return .boilerplate
        default: return body ? .body : .neutral
        }
    }

    /// `display: none` or `visibility: hidden` in a style attribute.
    static func isHiddenStyle(_ style: String) -> Bool {
        let compact = String(style.lowercased().unicodeScalars.filter { $0 != " " })
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// The words of a class or id: split at anything not a letter or digit and at
    /// lower-to-upper case changes ("relatedArticles" → related, articles), lowercased;
    /// with the whole value run together too ("sr-only" → sronly), for names written with dashes.
    static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var joined: [UInt8] = []
        var previousLower = false
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for b in value.utf8 {
            let isUpper = b >= 0x41 && b <= 0x5A
            let isLower = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if isUpper || isLower {
                if isUpper, previousLower { flush() }
                current.append(ASCII.lowercased(b))
                joined.append(ASCII.lowercased(b))
                previousLower = isLower
            } else {
                flush()
                if b == 0x20 || b == 0x09 || b == 0x0A { if joined.count > 0 { words.append(String(decoding: joined, as: UTF8.self)) }; joined.removeAll(keepingCapacity: true) }
                previousLower = false
            }
        }
        flush()
        if !joined.isEmpty { words.append(String(decoding: joined, as: UTF8.self)) }
        return words
    }
}
