/// Finds the article in a page's blocks and drops the boilerplate around and inside it.
///
/// Each block is judged on its own first: prose (long, or a sentence, and few of its
/// characters in links) counts for the article, everything else against. The article is
/// then the element whose subtree holds the most prose net of what counts against: one pass
/// up the tree, so a body split by ads and pictures stays whole and a sidebar of headlines,
/// a link list or a comment thread beside it stays out. Markup hints count too: a subtree
/// whose class says boilerplate (``ElementHints``) counts against unless it holds most of
/// the page's prose, and hidden text counts for nothing unless it is prose (the rest of a
/// paywalled article). Inside that element, link lists, boilerplate-marked subtrees, page
/// furniture (``BoilerplatePhrases``), hidden copies of visible text, the `h1`, the short
/// lines before the first and after the last paragraph of prose, and a closing note about
/// the writer are dropped.
struct ContentExtractor {
    let document: HTMLDocument
    let verdicts: [ElementHints.Verdict]
    let blocks: [TextBlock]

    /// Share of the page's prose above which a subtree only hinted to be boilerplate (a
    /// header, "meta", "info") is kept anyway: hints are wrong now and then, and the article
    /// is never boilerplate.
    static let hintOverruleShare = 0.5

    /// A subtree the markup calls boilerplate outright (a footer, a share bar, "related") is
    /// kept only when it holds three quarters of the page's prose; the page's own `body` and
    /// `html` are never boilerplate, whatever their classes say.
    static let boilerplateOverruleShare = 0.75

    /// Text inside a `figure` shorter than this is its caption, not the article.
    static let longestCaption = 300

    /// Readers' comments can outweigh a short article, but not hold all of a page's prose.
    static let commentsOverruleShare = 0.9

    struct Result {
        /// The blocks of the article, in reading order.
        var blocks: [TextBlock]
        /// The element that holds the article.
        var container: Int
    }

    func extract() -> Result {
        let nodes = document.nodes
        let count = nodes.count
        // 1. Prose by markup-blind judgement, summed up the tree.
        var rawProse = [Int](repeating: 0, count: count)
        for block in blocks where isProse(block) {
            var e = block.owner
            while e >= 0 {
                rawProse[e] += block.characters
                e = Int(nodes[e].parent)
            }
        }
        // 2. Which boilerplate marks stand: not one over most of the page's prose; and what is hidden.
        let total = rawProse[0]
        var marked = [Bool](repeating: false, count: count)
        var hidden = [Bool](repeating: false, count: count)
        for k in 1..<max(1, count) where nodes[k].kind == .element {
            let parent = Int(nodes[k].parent)
            let marks = switch verdicts[k] {
            case .comments: Double(rawProse[k]) < Self.commentsOverruleShare * Double(max(total, 1))
            case .boilerplate: nodes[k].tag != .body && nodes[k].tag != .html && Double(rawProse[k]) < Self.boilerplateOverruleShare * Double(max(total, 1))
            case .likelyBoilerplate: Double(rawProse[k]) < Self.hintOverruleShare * Double(max(total, 1))
            default: false
            }
            marked[k] = marked[parent] || marks
            hidden[k] = hidden[parent] || verdicts[k] == .hidden
        }
        // A page with no prose at all (a short note, a list) is all the article it has.
        let container = total == 0 ? 0 : bestContainer(suppressed: marked, hidden: hidden).0
        // 4. The container's blocks, less what is boilerplate inside it.
        var kept: [TextBlock] = []
        var hiddenProse: [Int] = []
        for block in blocks where isAncestor(container, of: block.owner) || block.owner == container {
            if marked[block.owner] || block.kind == .title || block.linkDensity > 0.5 { continue }
            if BoilerplatePhrases.matches(block.text) { continue }
            // A picture's caption and credit written without figcaption.
            if block.characters < Self.longestCaption, document.isInside(block.owner, .figure) || document.nodes[block.owner].tag == .figure { continue }
            if hidden[block.owner] {
                guard isProse(block) else { continue }
                hiddenProse.append(kept.count)
            }
            kept.append(block)
        }
        // Hidden copies of visible text (schema.org microdata, print versions) go.
        if !hiddenProse.isEmpty {
            let copies = Set(hiddenProse)
            let visible = kept.indices.filter { !copies.contains($0) }.map { kept[$0].text }
            let joined = Array(visible.joined(separator: [0x20]))
            kept = kept.indices.compactMap { k in
                guard copies.contains(k) else { return kept[k] }
                let probe = Array(kept[k].text.prefix(60))
                return ASCII.contains(joined, probe) ? nil : kept[k]
            }
        }
        // Short lines before the first and after the last prose block: kickers, bylines,
        // dates, "Related" headings, copyright lines.
        if let first = kept.firstIndex(where: isProse), let last = kept.lastIndex(where: isProse) {
            kept = Array(kept[first...last])
        }
        // Notes about the writer at the end ("Jane Doe is a reporter covering...").
        while kept.count > 1, let last = kept.last, BoilerplatePhrases.isAuthorNote(last.text) { kept.removeLast() }
        return Result(blocks: kept, container: container)
    }

    /// Share of the page's prose the chosen container must hold for the boilerplate marks to stand.
    static let minimumMarkedShare = 0.3

    /// 3. The element with the most prose net of the rest, and the prose it holds.
    private func bestContainer(suppressed: [Bool], hidden: [Bool]) -> (Int, Int) {
        let nodes = document.nodes
        var net = [Double](repeating: 0, count: nodes.count)
        var prose = [Int](repeating: 0, count: nodes.count)
        for block in blocks {
            let good = isProse(block) && !suppressed[block.owner]
            // Hidden furniture (forms, dialogs) costs nothing: no reader sees it.
            var weight = good ? Double(block.characters) : hidden[block.owner] ? 0 : -Double(block.characters) * penalty(block)
            var e = block.owner
            var level = 0
            while e >= 0 {
                net[e] += weight
                if good { prose[e] += block.characters }
                e = Int(nodes[e].parent)
                level += 1
                if level > Self.undecayedLevels { weight *= Self.levelDecay }
            }
        }
        var container = 0
        var best = -Double.infinity
        for k in 0..<nodes.count where nodes[k].kind != .text && net[k] >= best && !suppressed[k] && canHoldArticle(nodes[k].tag) {
            // Later (deeper) elements win ties: the tightest element around the same text.
            if net[k] > best || isAncestor(container, of: k) {
                best = net[k]
                container = k
            }
        }
        return (container, prose[container])
    }

    /// A block counts in full for the elements up to this many levels above it, and less by
    /// ``levelDecay`` each level further up: the article is the element right around its
    /// paragraphs, not a distant ancestor that also gathers scattered teasers.
    static let undecayedLevels = 3
    static let levelDecay = 0.9

    /// What a block that is not prose costs the element holding it, per character: links in
    /// full (menus, link lists), other short text in part (subheadings, list items and
    /// credits are in articles too).
    func penalty(_ block: TextBlock) -> Double {
        block.linkDensity >= 0.35 ? 1 : Self.shortTextPenalty
    }

    static let shortTextPenalty = 0.25

    /// Whether a block reads as article prose rather than navigation or furniture.
    func isProse(_ block: TextBlock) -> Bool {
        if block.linkDensity >= 0.35 { return false }
        switch block.kind {
        case .title, .heading: return false
        default: break
        }
        // Prose has spaces between its words (unless its script has none): a long URL or a
        // comma-separated keyword list does not.
        let spaced = block.spaces * 12 >= block.characters || block.unspacedScript * 2 >= block.characters
        if block.characters >= 100 { return spaced }
        return block.characters >= 40 && block.sentenceEnds > 0 && block.words >= 7 && spaced
    }

    /// A paragraph, heading, list item or inline element is a block of the article, never
    /// all of it: the article is at least the element around its paragraphs.
    private func canHoldArticle(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .dt, .dd, .pre, .a, .span, .b, .i, .em, .strong, .font, .small,
             .td, .th, .tr, .caption, .figcaption, .label, .q, .cite, .blockquote, .u, .sub, .sup:
            false
        default:
            true
        }
    }

    private func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var e = Int(document.nodes[node].parent)
        while e >= 0 {
            if e == ancestor { return true }
            e = Int(document.nodes[e].parent)
        }
        return false
    }
}
