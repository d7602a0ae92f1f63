/// Lays a page's visible text out as ``TextBlock``s in reading order: text is gathered
/// until a block-level element starts or ends, whitespace is folded as a browser folds it,
/// and dropped subtrees (scripts, forms, media, hidden elements) contribute nothing.
struct BlockBuilder {
    let document: HTMLDocument
    let verdicts: [ElementHints.Verdict]

    private(set) var blocks: [TextBlock] = []
    private var current: TextBlock?
    private var pendingSpace = false
    private var preDepth = 0
    private var linkDepth = 0
    /// Length of the block's text when a link or button last closed: a link that opens right
    /// there is another word ("<a>Subscribe</a><a>Sign in</a>"), which CSS would space apart.
    private var controlClosedAt: Int?
    /// Whether the block so far is a drop cap: its first letter alone in an inline element
    /// ("<span class=\"cap\">F</span>\n<span>our years</span>"), which CSS sets large beside the
    /// rest of its word, so the whitespace after it in the markup is no space. Not "A" or "I",
    /// which are words of their own.
    private var afterDropCap = false

    init(document: HTMLDocument, verdicts: [ElementHints.Verdict]) {
        self.document = document
        self.verdicts = verdicts
    }

    static func blocks(_ document: HTMLDocument, verdicts: [ElementHints.Verdict]) -> [TextBlock] {
        var builder = BlockBuilder(document: document, verdicts: verdicts)
        builder.walk()
        return builder.blocks
    }

    private mutating func walk() {
        // An explicit stack of (node, entered) pairs: pages nest too deeply for recursion.
        var stack: [(Int, Bool)] = [(0, false)]
        let nodes = document.nodes
        while let (k, entered) = stack.popLast() {
            let node = nodes[k]
            if entered {
                leave(k)
                continue
            }
            switch node.kind {
            case .text:
                appendText(k)
            case .element, .document:
                if node.kind == .element {
                    if verdicts[k] == .dropped || verdicts[k] == .caption && !node.tag.isBlock && !isBlockLike(k) { continue }
                    enter(k)
                    stack.append((k, true))
                }
                // Children pushed last first, so the first comes off the stack first.
                let first = stack.count
                var c = node.firstChild
                while c >= 0 {
                    stack.append((Int(c), false))
                    c = nodes[Int(c)].nextSibling
                }
                stack[first...].reverse()
            }
        }
        flush()
    }

    private mutating func enter(_ k: Int) {
        let tag = document.nodes[k].tag
        if tag == .br {
            // Two breaks in a row set paragraphs apart: each is a block of its own, weighed
            // and judged alone ("<br><br><b>Also read: <a>…</a></b><br><br>").
            if current?.text.last == 0x0A {
                flush()
            } else if current != nil {
                current!.text.append(0x0A)
            }
            pendingSpace = false
            return
        }
        if tag.isBlock || tag == .unknown && isBlockLike(k) { flush() }
        if tag == .pre || tag == .listing { preDepth += 1 }
        if tag == .a { linkDepth += 1 }
        if tag == .a || tag == .button, let closed = controlClosedAt, closed == current?.text.count { pendingSpace = true }
        if tag == .td || tag == .th { pendingSpace = true }
    }

    private mutating func leave(_ k: Int) {
        let tag = document.nodes[k].tag
        if tag == .pre || tag == .listing { preDepth -= 1 }
        if tag == .a { linkDepth -= 1 }
        if tag == .a || tag == .button { controlClosedAt = current?.text.count }
        if !tag.isBlock, let block = current, block.text.count == 1, let letter = block.text.first,
           letter >= UInt8(ascii: "B") && letter <= UInt8(ascii: "Z") && letter != UInt8(ascii: "I"),
           block.sourceStart >= Int(document.nodes[k].sourceStart), block.sourceStart < Int(document.nodes[k].sourceEnd) {
            afterDropCap = true
        }
        if tag == .td || tag == .th {
            pendingSpace = true
            return
        }
        if tag.isBlock, tag != .br { flush() }
    }

    /// Custom elements (`<amp-img>`, `<gallery-item>`) are treated as blocks when they hold blocks.
    private func isBlockLike(_ k: Int) -> Bool {
        var c = document.nodes[k].firstChild
        while c >= 0 {
            if document.nodes[Int(c)].kind == .element, document.nodes[Int(c)].tag.isBlock { return true }
            c = document.nodes[Int(c)].nextSibling
        }
        return false
    }

    private mutating func flush() {
        if var block = current {
            while let last = block.text.last, last == 0x20 || last == 0x0A { block.text.removeLast() }
            if block.characters > 0 { blocks.append(block) }
        }
        current = nil
        pendingSpace = false
        controlClosedAt = nil
        afterDropCap = false
    }

    /// The block's owner: the nearest block-level ancestor of text node `k`.
    private func owner(of k: Int) -> Int {
        var e = Int(document.nodes[k].parent)
        while e > 0, !document.nodes[e].tag.isBlock, document.nodes[e].tag != .unknown || !isBlockLike(e) {
            e = Int(document.nodes[e].parent)
        }
        return e
    }

    /// What the block is, from its owner and the few elements around it: a paragraph inside a
    /// quote or a list item is part of that.
    private func kind(of owner: Int) -> TextBlock.Kind {
        var e = owner
        var depth = 0
        while e > 0, depth < 4 {
            switch document.nodes[e].tag {
            case .h1: return .title
            case .h2, .h3, .h4, .h5, .h6: return .heading
            case .li, .dd, .dt: return .listItem
            case .blockquote: return .quote
            case .pre, .listing: return .preformatted
            case .td, .th: return .cell
            default: break
            }
            e = Int(document.nodes[e].parent)
            depth += 1
        }
        return document.nodes[owner].tag == .p ? .paragraph : .other
    }

    private mutating func appendText(_ k: Int) {
        let node = document.nodes[k]
        let start = Int(node.dataStart), end = Int(node.dataEnd)
        guard start < end else { return }
        let strings = document.strings
        var i = start
        while i < end {
            let b = strings[i]
            // Whitespace (and no-break space) folds to one space; in `pre` line breaks stay.
            let isNBSP = b == 0xC2 && i + 1 < end && strings[i + 1] == 0xA0
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0 || isNBSP {
                if preDepth > 0, b == 0x0A, current != nil {
                    current!.text.append(0x0A)
                    pendingSpace = false
                } else if b != 0 {
                    pendingSpace = true
                }
                i += isNBSP ? 2 : 1
                continue
            }
            if current == nil {
                let o = owner(of: k)
                current = TextBlock(owner: o, text: [], sourceStart: Int(node.sourceStart), sourceEnd: Int(node.sourceEnd), kind: kind(of: o))
                pendingSpace = false
            }
            if afterDropCap {
                // The rest of the drop cap's word follows: no space before it.
                if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { pendingSpace = false }
                afterDropCap = false
            }
            if pendingSpace {
                if let last = current!.text.last, last != 0x0A {
                    current!.text.append(0x20)
                    current!.spaces += 1
                }
                pendingSpace = false
            }
            // One code point.
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let stop = min(end, i + length)
            current!.text.append(contentsOf: strings[i..<stop])
            current!.characters += 1
            if linkDepth > 0 { current!.linkCharacters += 1 }
            if b < 0x80 {
                if CharacterReferences.isAlphanumeric(b) {
                    if i == start || !CharacterReferences.isAlphanumeric(strings[i - 1]) { current!.words += 1 }
                } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                    current!.sentenceEnds += 1
                } else if b == UInt8(ascii: ",") {
                    current!.commas += 1
                }
            } else if length == 3, b == 0xE3, i + 2 < end, strings[i + 1] == 0x80, strings[i + 2] == 0x82 || strings[i + 2] == 0x81 {
                // 。 and 、
                if strings[i + 2] == 0x82 { current!.sentenceEnds += 1 } else { current!.commas += 1 }
            } else if length >= 3 {
                current!.words += 1  // CJK and other scripts without spaces: a code point is about a word
                current!.unspacedScript += 1
            } else if i == start || strings[i - 1] < 0x80 && !CharacterReferences.isAlphanumeric(strings[i - 1]) {
                current!.words += 1
            }
            current!.sourceEnd = Int(node.sourceEnd)
            i = stop
        }
    }
}
