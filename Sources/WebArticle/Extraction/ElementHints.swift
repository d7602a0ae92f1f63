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
        /// A caption or a credit: boilerplate as a block, and left out of the paragraph an
        /// inline one sits in ("<p><img><span class=caption>…</span></p>").
        case caption
    }

    /// Words that mark boilerplate whatever else the class says.
    private static let strongBoilerplate = ClassWords.hashes([
        "share", "shares", "sharing", "sharebar", "social", "socials",
        "related", "recirc", "recommended", "recommendation", "recommendations", "newsletter", "newsletters",
        "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promotion",
        "promoted", "sponsor", "sponsored", "advert", "advertisement", "advertising", "ad", "ads", "adv", "dfp",
        "outbrain", "taboola", "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb",
        "breadcrumbs", "masthead", "toolbar", "popup", "modal", "trending", "popular", "mostread", "byline",
        "tags", "pagination", "pager", "skip", "sronly",
        "visuallyhidden", "screenreader", "login", "banner", "teaser", "teasers", "readmore", "playlist", "nutrition", "pros", "cons", "proscons",
    ])
    /// Words that mark a picture's caption or credit.
    private static let captionWords = ClassWords.hashes(["caption", "captions", "credit", "credits"])
    /// Words that mark readers' comments.
    private static let commentWords = ClassWords.hashes([
        "comment", "comments", "commentlist", "disqus", "replies", "reply", "respond", "discussion",
        "usercomments", "talkback", "readercomments",
    ])
    /// Words that mark boilerplate unless the class also says body.
    private static let weakBoilerplate = ClassWords.hashes([
        "header", "meta", "widget", "rail", "author", "authors", "more", "aside", "sticky", "overlay", "dialog",
        "tools", "actions", "bio", "timestamp", "date", "dateline", "info", "links", "follow", "print",
    ])
    /// Heads of class names that say article body.
    private static let bodyWords = ClassWords.hashes([
        "article", "articlebody", "content", "body", "story", "storybody", "text", "entry", "post", "main",
        "prose", "richtext", "paragraph", "paragraphs",
    ])
    private static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
        "alertdialog", "tablist", "toolbar",
    ]

    static func verdict(_ document: HTMLDocument, _ classes: ClassWords, _ node: Int) -> Verdict {
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
            let lower = itemprop.utf8.map(ASCII.lowercased)
            if ASCII.contains(lower, "articlebody") || lower.elementsEqual("text".utf8) { return .body }
            if ASCII.contains(lower, "comment") { return .comments }
        }
        if let role = document.attribute("role", of: node), boilerplateRoles.contains(role.lowercased()) { return .boilerplate }
        if classes.any(node, in: commentWords) { return .comments }
        if classes.any(node, in: strongBoilerplate) { return .boilerplate }
        if classes.any(node, in: captionWords) { return .caption }
        let body = classes.anyHead(node, in: bodyWords)
        // A heading's class names its own style ("header", "title-meta"): the weak words
        // say nothing about the heading's role.
        if !tag.isHeading, classes.any(node, in: weakBoilerplate), !body { return .likelyBoilerplate }
        switch tag {
        case .aside, .footer, .header: return .likelyBoilerplate
        default: return body ? .body : .neutral
        }
    }

    /// `display: none` or `visibility: hidden` in a style attribute.
    static func isHiddenStyle(_ style: String) -> Bool {
        let compact = style.utf8.filter { $0 != 0x20 }.map(ASCII.lowercased)
        return ASCII.contains(compact, "display:none") || ASCII.contains(compact, "visibility:hidden")
    }
}
