/// Finds the article in a page's blocks and drops the boilerplate around and inside it.
///
/// Each block is judged on its own first: prose (long, or a sentence, and few of its
/// characters in links) counts for the article, everything else against. The article is
/// then the element whose subtree holds the most prose net of what counts against: one pass
/// up the tree, so a body split by ads and pictures stays whole and a sidebar of headlines,
/// a link list or a comment thread beside it stays out. Markup hints count too: a subtree
/// whose class says boilerplate (``ElementHints``) counts against unless it holds most of
/// the page's prose, and hidden text counts for nothing unless it is prose (the rest of a
/// paywalled article). Inside that element, link lists, lists of other stories with their
/// first lines, boilerplate-marked subtrees, page furniture (``BoilerplatePhrases``), hidden
/// copies of visible text, the `h1`, the short lines before the first and after the last
/// paragraph of prose, and a closing note about the writer are dropped.
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
        var ownMark = [Bool](repeating: false, count: count)
        var hidden = [Bool](repeating: false, count: count)
        for k in 1..<max(1, count) where nodes[k].kind == .element {
            let parent = Int(nodes[k].parent)
            let marks = switch verdicts[k] {
            case .comments: Double(rawProse[k]) < Self.commentsOverruleShare * Double(max(total, 1))
            case .boilerplate, .caption: nodes[k].tag != .body && nodes[k].tag != .html && Double(rawProse[k]) < Self.boilerplateOverruleShare * Double(max(total, 1))
            case .likelyBoilerplate: Double(rawProse[k]) < Self.hintOverruleShare * Double(max(total, 1))
            default: false
            }
            marked[k] = marked[parent] || marks
            ownMark[k] = marks
            hidden[k] = hidden[parent] || verdicts[k] == .hidden
        }
        // A page with no prose at all (a short note, a list) is all the article it has.
        let container = total == 0 ? 0 : bestContainer(suppressed: marked, hidden: hidden)
        if container > 0 { overruleHints(inside: container, ownMark: ownMark, rawProse: rawProse, marked: &marked) }
        let style = container == 0 ? nil : paragraphStyle(in: container)
        // 4. The container's blocks and the paragraphs of its style elsewhere, less what is
        // boilerplate inside it.
        var kept: [TextBlock] = []
        var hiddenProse: [Int] = []
        for block in blocks {
            let inside = block.owner == container || isAncestor(container, of: block.owner)
            guard inside || (style != nil && isProse(block) && !hidden[block.owner] && ParagraphStyle(document, block.owner) == style) else { continue }
            if marked[block.owner] || block.kind == .title || block.linkDensity > 0.5 { continue }
            if BoilerplatePhrases.matches(block.text) { continue }
            // A picture's caption and credit written without figcaption.
            if block.characters < Self.longestCaption, document.isInside(block.owner, .figure) || document.nodes[block.owner].tag == .figure || isPictureLabel(block) { continue }
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
        kept = droppingRepeats(kept)
        kept = droppingDigests(kept)
        kept = droppingTeaserLists(kept)
        kept = droppingSnippetLists(kept)
        // Short lines before the first and after the last prose block: kickers, bylines,
        // dates, "Related" headings, copyright lines.
        if let first = kept.firstIndex(where: isProse), var last = kept.lastIndex(where: isProse) {
            // A list the article ends on stays whole, its short items too.
            while last + 1 < kept.count, kept[last].kind == .listItem, kept[last + 1].kind == .listItem,
                  document.nodes[kept[last + 1].owner].parent == document.nodes[kept[last].owner].parent {
                last += 1
            }
            kept = Array(kept[first...last])
        }
        // Notes about the writer at the end ("Jane Doe is a reporter covering...").
        while kept.count > 1, let last = kept.last, BoilerplatePhrases.isAuthorNote(last.text) { kept.removeLast() }
        return Result(blocks: kept, container: container)
    }

    /// A paragraph repeated in another role goes the second time: a summary repeated as a
    /// picture's caption, a pull quote that repeats its paragraph. Repeats in the same role
    /// (the same line in each step of a recipe or a plan) are the article's own, and short
    /// lines (a name, "Photo") may repeat anyway.
    func droppingRepeats(_ kept: [TextBlock]) -> [TextBlock] {
        var first: [Int: Int] = [:]
        var repeats = Set<Int>()
        for k in kept.indices where kept[k].characters >= Self.shortestRepeat {
            let key = kept[k].text.hashValue
            guard let earlier = first[key] else {
                first[key] = k
                continue
            }
            if kept[earlier].text == kept[k].text, role(of: kept[earlier]) != role(of: kept[k]) { repeats.insert(k) }
        }
        return repeats.isEmpty ? kept : kept.indices.filter { !repeats.contains($0) }.map { kept[$0] }
    }

    /// A block made of other blocks' sentences in other roles goes: a synopsis box over the
    /// article that repeats its lead sentences, a pull quote joined from two paragraphs. Nearly
    /// all its words lie in runs of words found in blocks of another role that remain; taken
    /// in reading order, so of two blocks that cover each other the first goes and the second
    /// stays. Blocks of one role may share their words (the same question put to each guest,
    /// the same dish on each day of a meal plan).
    func droppingDigests(_ kept: [TextBlock]) -> [TextBlock] {
        let shingles = kept.map { $0.characters >= Self.shortestRepeat ? Self.shingles($0.text) : [] }
        let roles = kept.map { UInt64(truncatingIfNeeded: role(of: $0).hashValue) }
        var blocksHolding: [UInt64: Int] = [:]
        var blocksOfRoleHolding: [UInt64: Int] = [:]
        func count(_ k: Int, _ change: Int) {
            for shingle in Set(shingles[k]) {
                blocksHolding[shingle, default: 0] += change
                blocksOfRoleHolding[shingle ^ roles[k], default: 0] += change
            }
        }
        for k in kept.indices { count(k, 1) }
        var digests = Set<Int>()
        for k in kept.indices where !shingles[k].isEmpty {
            // A word is covered when a run that holds it is found elsewhere.
            var coveredUpTo = 0
            var covered = 0
            for (start, shingle) in shingles[k].enumerated()
            where blocksHolding[shingle]! > blocksOfRoleHolding[shingle ^ roles[k]]! {
                covered += start + Self.shingleWords - max(start, coveredUpTo)
                coveredUpTo = start + Self.shingleWords
            }
            let words = shingles[k].count + Self.shingleWords - 1
            guard Double(covered) >= Self.digestCoverage * Double(words) else { continue }
            digests.insert(k)
            count(k, -1)
        }
        return digests.isEmpty ? kept : kept.indices.filter { !digests.contains($0) }.map { kept[$0] }
    }

    /// Share of a block's words in runs found elsewhere for it to be a digest of them.
    static let digestCoverage = 0.9

    /// Words in a run compared between blocks.
    static let shingleWords = 6

    /// Hashes of the block's runs of ``shingleWords`` words in order, case kept (words are
    /// runs of ASCII letters and digits and of non-ASCII bytes).
    static func shingles(_ text: [UInt8]) -> [UInt64] {
        var words: [UInt64] = []
        var hash: UInt64 = 0
        var inWord = false
        for byte in text {
            if ASCII.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                hash = (inWord ? hash : 0xcbf2_9ce4_8422_2325) ^ UInt64(byte)
                hash = hash &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                words.append(hash)
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        guard words.count >= shingleWords else { return [] }
        return (0...(words.count - shingleWords)).map { start in
            words[start..<(start + shingleWords)].reduce(0) { ($0 &* 0x9E37_79B9_7F4A_7C15) ^ $1 }
        }
    }

    /// Headings that introduce links to other articles ("Read Next:", "Don't Miss",
    /// "More From TIME", "Most Read Business Stories"): the heading goes, and the list right
    /// after it. Prose after such a heading is the article going on, and stays.
    func droppingTeaserLists(_ kept: [TextBlock]) -> [TextBlock] {
        var result: [TextBlock] = []
        result.reserveCapacity(kept.count)
        var k = 0
        while k < kept.count {
            let label = Self.isTeaserLabel(kept[k])
            let list = label && k + 1 < kept.count && kept[k + 1].kind == .listItem ? enclosingList(kept[k + 1].owner) : nil
            // A line styled as a heading only by its class is one when a list follows it.
            guard label, list != nil || kept[k].kind == .heading || kept[k].text.last == UInt8(ascii: ":") else {
                result.append(kept[k])
                k += 1
                continue
            }
            k += 1
            guard let list else { continue }
            while k < kept.count, kept[k].kind == .listItem, enclosingList(kept[k].owner) == list { k += 1 }
        }
        return result
    }

    /// A list of links to other articles with the first lines of each ("Headline. The
    /// first words of the story..."): most of its items hold a link and end cut short. A
    /// list in the article rarely links every item, and never ends its items on "...".
    func droppingSnippetLists(_ kept: [TextBlock]) -> [TextBlock] {
        var items: [Int: (all: Int, snippets: Int)] = [:]
        for block in kept where block.kind == .listItem {
            guard let list = enclosingList(block.owner) else { continue }
            items[list, default: (0, 0)].all += 1
            if block.linkCharacters > 0, Self.endsCutShort(block.text) { items[list]!.snippets += 1 }
        }
        let teasers = Set(items.filter { $0.value.all >= Self.fewestSnippets && 3 * $0.value.snippets >= 2 * $0.value.all }.keys)
        guard !teasers.isEmpty else { return kept }
        return kept.filter { block in block.kind != .listItem || enclosingList(block.owner).map { !teasers.contains($0) } ?? true }
    }

    /// Items of a list of snippets at least, before it is taken for one.
    static let fewestSnippets = 3

    /// Ends on "..." or "…" (after trailing spaces and closing brackets).
    static func endsCutShort(_ text: [UInt8]) -> Bool {
        var end = text.count
        while end > 0, text[end - 1] == 0x20 || text[end - 1] == UInt8(ascii: ")") || text[end - 1] == UInt8(ascii: "]") { end -= 1 }
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        return end >= 3 && (text[(end - 3)..<end].elementsEqual(ellipsis) || text[(end - 3)..<end].allSatisfy { $0 == UInt8(ascii: ".") })
    }

    /// How headings over links to other articles start.
    static let teaserLabels = [
        "read next", "read more", "don't miss", "don\u{2019}t miss", "more from", "most read", "most popular", "more great",
        "related", "see also", "also read", "recommended", "you may also like", "you might also like", "more stories",
        "more on this", "trending", "what to read next", "top stories", "popular stories",
    ].map { Array($0.utf8) }

    static func isTeaserLabel(_ block: TextBlock) -> Bool {
        guard block.characters <= BoilerplatePhrases.longestPhrase, block.kind != .listItem else { return false }
        let lowered = block.text.map(ASCII.lowercased)
        return teaserLabels.contains { lowered.starts(with: $0) }
    }

    /// The `ul` or `ol` a list item's block lies in.
    private func enclosingList(_ node: Int) -> Int? {
        var e = node
        while e > 0 {
            if document.nodes[e].tag == .ul || document.nodes[e].tag == .ol { return e }
            e = Int(document.nodes[e].parent)
        }
        return nil
    }

    /// Inside the article, a box whose class only hints at boilerplate ("widget", "more")
    /// stays when nearly all its text is prose: a product box in a buying guide, a note set
    /// in a panel. The boxes of links, bylines and dates such hints are for have little.
    private func overruleHints(inside container: Int, ownMark: [Bool], rawProse: [Int], marked: inout [Bool]) {
        let nodes = document.nodes
        // Nodes come in document order: a subtree is a run of nodes, each parent before its children.
        var within = [Bool](repeating: false, count: nodes.count)
        within[container] = true
        var end = container + 1
        while end < nodes.count, within[Int(nodes[end].parent)] {
            within[end] = true
            end += 1
        }
        var text = [Int](repeating: 0, count: nodes.count)
        for block in blocks where within[block.owner] {
            var e = block.owner
            while e != container {
                text[e] += block.characters
                e = Int(nodes[e].parent)
            }
        }
        for k in (container + 1)..<end {
            let parent = Int(nodes[k].parent)
            let overruled = verdicts[k] == .likelyBoilerplate && ![.header, .footer, .aside].contains(nodes[k].tag)
                && rawProse[k] > 0 && Double(rawProse[k]) >= Self.proseShareOfHintedBox * Double(text[k])
            marked[k] = (parent != container && marked[parent]) || (ownMark[k] && !overruled)
        }
    }

    static let proseShareOfHintedBox = 0.75

    /// A caption set beside its picture without `figure`: the text of a box that holds a
    /// picture and little else. A paragraph with an icon in it is not one.
    private func isPictureLabel(_ block: TextBlock) -> Bool {
        let owner = block.owner
        guard document.nodes[owner].tag != .p else { return false }
        let box = Int(document.nodes[owner].parent)
        // A picture's box is small in the page too: no walk through a large element.
        guard box > 0, document.nodes[box].sourceEnd - document.nodes[box].sourceStart <= Self.largestPictureBox else { return false }
        var picture = false
        var text = 0
        document.forEachDescendant(of: box) { k in
            guard k != owner else { return false }
            let node = document.nodes[k]
            if node.kind == .text { text += Int(node.dataEnd - node.dataStart) }
            if node.tag == .img || node.tag == .picture { picture = true }
            return true
        }
        return picture && text < Self.longestCaption / 4
    }

    /// Bytes of markup: a picture with its sources, sizes and caption.
    static let largestPictureBox: Int32 = 8192

    private func role(of block: TextBlock) -> Role {
        Role(tag: document.nodes[block.owner].tag, classes: document.attribute("class", of: block.owner))
    }

    /// What a block is on the page, as far as its markup says.
    private struct Role: Hashable {
        let tag: HTMLTag
        let classes: String?
    }

    static let shortestRepeat = 80

    /// The tag and class of most of the prose in the container, when its paragraphs have a
    /// class of their own: paragraphs of that style outside the container are more of the
    /// article, cut off by an ad, a picture or a newsletter box into another element.
    private func paragraphStyle(in container: Int) -> ParagraphStyle? {
        var characters: [ParagraphStyle: Int] = [:]
        var prose = 0
        for block in blocks where isProse(block) && isAncestor(container, of: block.owner) {
            prose += block.characters
            guard let style = ParagraphStyle(document, block.owner) else { continue }
            characters[style, default: 0] += block.characters
        }
        guard let (style, count) = characters.max(by: { $0.value < $1.value }), count * 2 >= prose else { return nil }
        return style
    }

    struct ParagraphStyle: Hashable {
        let tag: HTMLTag
        let classes: String

        init?(_ document: HTMLDocument, _ element: Int) {
            guard let classes = document.attribute("class", of: element), !classes.isEmpty else { return nil }
            self.tag = document.nodes[element].tag
            self.classes = classes
        }
    }

    /// 3. The element with the most prose net of the rest.
    private func bestContainer(suppressed: [Bool], hidden: [Bool]) -> Int {
        let nodes = document.nodes
        var net = [Double](repeating: 0, count: nodes.count)
        for block in blocks {
            let good = isProse(block) && !suppressed[block.owner]
            // Hidden furniture (forms, dialogs) costs nothing: no reader sees it.
            var weight = good ? Double(block.characters) : hidden[block.owner] ? 0 : -Double(block.characters) * penalty(block)
            var e = block.owner
            var level = 0
            while e >= 0 {
                net[e] += weight
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
        return container
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
