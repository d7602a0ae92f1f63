/// What an element's markup says about its role, before its text is weighed: tags that never
/// hold article text, hidden elements, and the words in `class`, `id`, `role` and `itemprop`
/// that mark boilerplate (share bars, related links, comments, ads, banners) or the body.
struct ElementHints {
    enum Verdict: UInt8 {
        case neutral
        /// Never text of the article: scripts, forms, media.
        case dropped
        /// Markup says boilerplate; the extractor still keeps it if it holds the article.
        case boilerplate
        /// Markup hints at boilerplate (a header, an aside, "meta", "info"); the extractor
        /// still keeps it if it holds the article.
        case likelyBoilerplate
        /// Hidden by markup or inline style: not where the article is looked for, but its
        /// prose is kept when it lies inside the article.
        case hidden
        /// Markup says readers' comments: never the article unless it holds nearly all of a
        /// page's prose.
        case comments
        /// Markup says article body.
        case body
    }

    /// Words that mark boilerplate whatever else the class says.
    private static let strongBoilerplate: Set<String> = [
        "share", "shares", "sharing", "sharebar", "social", "socials",
        "related", "recirc", "recommended", "recommendation", "recommendations", "newsletter", "newsletters",
        "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promotion",
        "promoted", "sponsor", "sponsored", "advert", "advertisement", "advertising", "ad", "ads", "adv", "dfp",
        "outbrain", "taboola", "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb",
        "breadcrumbs", "masthead", "toolbar", "popup", "modal", "trending", "popular", "mostread", "byline",
        "caption", "captions", "credit", "credits", "tags", "pagination", "pager", "skip", "sronly",
        "visuallyhidden", "screenreader", "login", "banner", "teaser", "teasers", "readmore", "playlist",
    ]
    /// Words that mark readers' comments.
    private static let commentWords: Set<String> = [
        "comment", "comments", "commentlist", "commentary-list", "disqus", "replies", "reply", "respond", "discussion",
        "usercomments", "talkback", "readercomments",
    ]
    /// Words that mark boilerplate unless the class also says body.
    private static let weakBoilerplate: Set<String> = [
        "header", "meta", "widget", "rail", "author", "authors", "more", "aside", "sticky", "overlay", "dialog",
        "tools", "actions", "bio", "timestamp", "date", "dateline", "info", "links", "follow", "print",
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
        // Hidden now is not hidden for good: paywalls and "read more" buttons hide the rest
        // of the article until a script shows it.
        if document.hasAttribute("hidden", node) { return .hidden }
        if let hidden = document.attribute("aria-hidden", of: node), hidden == "true" { return .hidden }
        if let style = document.attribute("style", of: node), isHiddenStyle(style) { return .hidden }
        if let itemprop = document.attribute("itemprop", of: node) {
            let lower = itemprop.lowercased()
            if lower.contains("articlebody") || lower == "text" { return .body }
            if lower.contains("comment") { return .comments }
        }
        if let role = document.attribute("role", of: node), boilerplateRoles.contains(role.lowercased()) { return .boilerplate }
        var strong = false, weak = false, body = false, comments = false
        for name in ["class", "id"] as [StaticString] {
            guard let value = document.attribute(name, of: node) else { continue }
            for words in classNames(value) {
                for word in words {
                    if commentWords.contains(word) { comments = true } else if strongBoilerplate.contains(word) { strong = true } else if weakBoilerplate.contains(word) { weak = true }
                }
                // A compound name is what its last word says: "article-body" is a body,
                // "article-author-box" is not.
                if let last = words.last, bodyWords.contains(last) || bodyWords.contains(words.joined()) { body = true }
            }
        }
        if comments { return .comments }
        if strong { return .boilerplate }
        if weak && !body { return .likelyBoilerplate }
        switch tag {
        case .aside, .footer, .header: return .likelyBoilerplate
        default: return body ? .body : .neutral
        }
    }

    /// `display: none` or `visibility: hidden` in a style attribute.
    static func isHiddenStyle(_ style: String) -> Bool {
        let compact = String(style.lowercased().unicodeScalars.filter { $0 != " " })
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// The words of a class or id: each name split at anything not a letter or digit and at
    /// lower-to-upper case changes ("relatedArticles" → related, articles), lowercased, and
    /// the name run together too ("sr-only" → sronly).
    static func words(_ value: String) -> [String] {
        var words: [String] = []
        for parts in classNames(value) {
            words.append(contentsOf: parts)
            if parts.count > 1 { words.append(parts.joined()) }
        }
        return words
    }

    /// The words of each class name in a class or id value, less the names that say what an
    /// element has, lacks or enables ("has-sidebar", "no-comments", "enableCommentsCount"),
    /// which are not what the element is.
    static func classNames(_ value: String) -> [[String]] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { name in
            let parts = classWords(name)
            guard let first = parts.first, !Self.featurePrefixes.contains(first) else { return nil }
            return parts
        }
    }

    private static let featurePrefixes: Set<String> = [
        "has", "with", "no", "without", "enable", "enabled", "disable", "disabled", "show", "hide", "is", "can",
        "allow", "allows", "use", "uses", "js", "not",
    ]

    /// One class name's words, lowercased, split at non-alphanumerics and case changes.
    private static func classWords(_ name: Substring) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        for b in name.utf8 {
            let isUpper = b >= 0x41 && b <= 0x5A
            let isLower = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if isUpper || isLower {
                if isUpper, previousLower, !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(ASCII.lowercased(b))
                previousLower = isLower
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
