/// Finds the article in a page's blocks and drops the boilerplate around and inside it.
///
/// Each block is judged on its own first: prose (long, or a sentence, and few of its
/// characters in links) counts for the article, everything else against. The article is
/// then the element whose subtree holds the most prose net of what counts against: one pass
/// up the tree, so a body split by ads and pictures stays whole and a sidebar of headlines,
/// a link list or a comment thread beside it stays out. Inside that element, link lists,
/// boilerplate-marked subtrees (share bars, related links, captions), the `h1`, and the
/// short lines before the first and after the last paragraph of prose are dropped.
struct ContentExtractor {
    let document: HTMLDocument
    let verdicts: [ElementHints.Verdict]
    let blocks: [TextBlock]

    /// Share of the page's prose above which a subtree marked as boilerplate is kept
    /// anyway: markup hints are wrong now and then, and the article is never boilerplate.
    static let overruleShare = 0.5

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
        // 2. Which boilerplate marks stand: not one over most of the page's prose.
        let total = rawProse[0]
        var suppressed = [Bool](repeating: false, count: count)
        for k in 1..<max(1, count) where nodes[k].kind == .element {
            let parent = Int(nodes[k].parent)
            let marked = verdicts[k] == .boilerplate && Double(rawProse[k]) < Self.overruleShare * Double(max(total, 1))
            suppressed[k] = suppressed[parent] || marked
        }
        // 3. Net prose per element.
        var net = [Int](repeating: 0, count: count)
        for block in blocks {
            let good = isProse(block) && !suppressed[block.owner]
            let weight = good ? block.characters : -block.characters
            var e = block.owner
            while e >= 0 {
                net[e] += weight
                e = Int(nodes[e].parent)
            }
        }
        var container = 0
        var best = Int.min
        for k in 0..<count where nodes[k].kind != .text && net[k] >= best && !suppressed[k] {
            // Later (deeper) elements win ties: the tightest element around the same text.
            if net[k] > best || isAncestor(container, of: k) {
                best = net[k]
                container = k
            }
        }
        // 4. The container's blocks, less what is boilerplate inside it.
        var kept: [TextBlock] = []
        for block in blocks where isAncestor(container, of: block.owner) || block.owner == container {
            if suppressed[block.owner] || block.kind == .title || block.linkDensity > 0.5 { continue }
            if BoilerplatePhrases.matches(block.text) { continue }
            kept.append(block)
        }
        // Short lines before the first and after the last prose block: kickers, bylines,
        // dates, "Related" headings, copyright lines.
        if let first = kept.firstIndex(where: isProse), let last = kept.lastIndex(where: isProse) {
            kept = Array(kept[first...last])
        }
        return Result(blocks: kept, container: container)
    }

    /// Whether a block reads as article prose rather than navigation or furniture.
    func isProse(_ block: TextBlock) -> Bool {
        if block.linkDensity >= 0.35 { return false }
        switch block.kind {
        case .title, .heading: return false
        default: break
        }
        if block.characters >= 100 { return true }
        return block.characters >= 40 && block.sentenceEnds > 0 && block.words >= 7
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
