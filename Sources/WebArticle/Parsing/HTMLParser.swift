/// Parses HTML as browsers do, as far as reading an article needs: the HTML5 tokenizer's
/// states for data, tags and attributes, comments, doctype, CDATA, raw text and escapable raw
/// text; and a tree builder with HTML5's implied end tags, scopes and "special" elements, so
/// that unclosed `p`, `li`, `td` and `option`, stray end tags and `svg`/`math` nest as a
/// browser nests them. (It does not reparent misnested formatting elements or foster-parent
/// text out of tables: neither changes which text an article has.)
///
/// One pass over the bytes, so time and memory grow linearly with the page: raw text is
/// scanned once for its end tag, and nesting deeper than ``maximumDepth`` is flattened.
public struct HTMLParser {
    /// Deepest nesting kept; deeper elements become siblings (browsers cap nesting too).
    public static let maximumDepth = 512

    private var document: HTMLDocument
    /// Open elements, innermost last; `stack[0]` is the document node.
    private var stack: [Int32] = [0]
    private var foreignDepth = 0
    /// `html`, `head` and `body` open once; later start tags for them add nothing.
    private var documentElementsSeen: Set<HTMLTag> = []

    /// Parses a page given as UTF-8 (``PageDecoder`` makes any page UTF-8).
    public static func parse(_ utf8: [UInt8]) -> HTMLDocument {
        var parser = HTMLParser(document: HTMLDocument(source: utf8))
        parser.document.nodes.reserveCapacity(utf8.count / 40)
        parser.document.strings.reserveCapacity(utf8.count / 3)
        utf8.withUnsafeBufferPointer { parser.run($0) }
        return parser.document
    }

    private init(document: HTMLDocument) {
        self.document = document
    }

    private static let rawTextNames: [[UInt8]] = HTMLTag.allCases.map { Array($0.name.utf8) }

    private mutating func run(_ page: UnsafeBufferPointer<UInt8>) {
        let end = page.count
        var i = 0
        while i < end {
            guard let lt = ASCII.firstIndex(of: UInt8(ascii: "<"), in: page, from: i) else {
                appendText(page, i..<end, decode: true)
                break
            }
            if lt > i { appendText(page, i..<lt, decode: true) }
            i = lt
            guard i + 1 < end else {
                appendText(page, i..<end, decode: false)
                break
            }
            let next = page[i + 1]
            if ASCII.isLetter(next) {
                guard let after = startTag(page, at: i) else { break }
                i = after
            } else if next == UInt8(ascii: "/") {
                if i + 2 < end, ASCII.isLetter(page[i + 2]) {
                    guard let after = endTag(page, at: i) else { break }
                    i = after
                } else if i + 2 < end, page[i + 2] == UInt8(ascii: ">") {
                    i += 3  // "</>" is nothing.
                } else {
                    i = bogusComment(page, from: i + 2)
                }
            } else if next == UInt8(ascii: "!") {
                if ASCII.hasPrefix(page, at: i, "<!--") {
                    i = comment(page, from: i + 4)
                } else if ASCII.hasPrefix(page, at: i, "<![cdata["), foreignDepth > 0 {
                    let close = ASCII.find(page, "]]>", from: i + 9) ?? end
                    appendText(page, (i + 9)..<close, decode: false)
                    i = min(end, close + 3)
                } else {
                    i = bogusComment(page, from: i + 2)  // doctype, CDATA in HTML, "<!x>"
                }
            } else if next == UInt8(ascii: "?") {
                i = bogusComment(page, from: i + 2)
            } else {
                appendText(page, i..<(i + 1), decode: false)  // a '<' that starts no tag is text
                i += 1
            }
        }
        while stack.count > 1 { pop(end: end) }
    }

    // MARK: - Tokens

    /// `<!--` has been read; returns the index past the comment.
    private func comment(_ page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if ASCII.hasPrefix(page, at: start, ">") { return start + 1 }  // "<!-->"
        if ASCII.hasPrefix(page, at: start, "->") { return start + 2 }  // "<!--->"
        var i = start
        while let dash = ASCII.find(page, "--", from: i) {
            if ASCII.hasPrefix(page, at: dash + 2, ">") { return dash + 3 }
            if ASCII.hasPrefix(page, at: dash + 2, "!>") { return dash + 4 }
            i = dash + 1
        }
        return page.count
    }

    /// A bogus comment runs to the next `>`.
    private func bogusComment(_ page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ASCII.firstIndex(of: UInt8(ascii: ">"), in: page, from: start).map { $0 + 1 } ?? page.count
    }

    private static func tagNameEnd(_ page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < page.count {
            let b = page[i]
            if ASCII.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { break }
            i += 1
        }
        return i
    }

    /// Reads the start tag at `start` and what follows it if it is raw text; returns the index
    /// past them, or `nil` when the input ends inside the tag (which HTML drops).
    private mutating func startTag(_ page: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let nameEnd = Self.tagNameEnd(page, from: start + 1)
        let nameHash = ASCII.lowercasedHash(page, (start + 1)..<nameEnd)
        var tag = HTMLTag.byNameHash[nameHash] ?? .unknown
        if tag == .image { tag = .img }
        let firstAttribute = document.attributes.count
        let stringsBefore = document.strings.count
        let tagEnd = TagScanner.scan(page, from: nameEnd) { name, value in
            let valueStart = document.strings.count
            appendDecoded(page, value, inAttribute: true)
            document.attributes.append(HTMLDocument.Attribute(nameHash: ASCII.lowercasedHash(page, name),
                                                              valueStart: Int32(valueStart), valueEnd: Int32(document.strings.count)))
        }
        if tagEnd.truncated {
            document.attributes.removeSubrange(firstAttribute...)
            document.strings.removeSubrange(stringsBefore...)
            return nil
        }
        let element = insertElement(tag, nameHash: nameHash, attributes: firstAttribute..<document.attributes.count,
                                    source: start..<tagEnd.next, selfClosing: tagEnd.selfClosing)
        guard let element, !document.nodes[element].isForeign else { return tagEnd.next }
        if tag.isRawText || tag.isEscapableRawText || tag == .plaintext {
            let contentEnd = tag == .plaintext ? page.count : rawTextEnd(page, from: tagEnd.next, tag: tag)
            if contentEnd > tagEnd.next { appendText(page, tagEnd.next..<contentEnd, decode: tag.isEscapableRawText) }
            return contentEnd
        }
        return tagEnd.next
    }

    /// Where the end tag of raw-text element `tag` starts (or the end of input).
    private func rawTextEnd(_ page: UnsafeBufferPointer<UInt8>, from start: Int, tag: HTMLTag) -> Int {
        let name = Self.rawTextNames[Int(tag.rawValue)]
        var i = start
        while let lt = ASCII.firstIndex(of: UInt8(ascii: "<"), in: page, from: i) {
            let nameStart = lt + 2
            if nameStart + name.count <= page.count, page[lt + 1] == UInt8(ascii: "/") {
                var matches = true
                for k in 0..<name.count where ASCII.lowercased(page[nameStart + k]) != name[k] {
                    matches = false
                    break
                }
                let after = nameStart + name.count
                if matches, after == page.count || ASCII.isSpace(page[after]) || page[after] == UInt8(ascii: "/") || page[after] == UInt8(ascii: ">") {
                    return lt
                }
            }
            i = lt + 1
        }
        return page.count
    }

    /// Reads the end tag at `start`; returns the index past it, or `nil` at a truncated tag.
    private mutating func endTag(_ page: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let nameEnd = Self.tagNameEnd(page, from: start + 2)
        let nameHash = ASCII.lowercasedHash(page, (start + 2)..<nameEnd)
        let tagEnd = TagScanner.scan(page, from: nameEnd) { _, _ in }
        if tagEnd.truncated { return nil }
        closeElement(HTMLTag.byNameHash[nameHash] ?? .unknown, nameHash: nameHash, source: start..<tagEnd.next)
        return tagEnd.next
    }

    // MARK: - Text

    /// Appends the text in `range` to the current element, decoding character references
    /// when asked; adjacent text merges into one node.
    private mutating func appendText(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decode: Bool) {
        let start = document.strings.count
        if decode {
            appendDecoded(page, range, inAttribute: false)
        } else {
            document.strings.append(contentsOf: UnsafeBufferPointer(rebasing: page[range]))
        }
        let parent = stack[stack.count - 1]
        let last = document.nodes[Int(parent)].lastChild
        if last >= 0, document.nodes[Int(last)].kind == .text, document.nodes[Int(last)].dataEnd == Int32(start) {
            document.nodes[Int(last)].dataEnd = Int32(document.strings.count)
            document.nodes[Int(last)].sourceEnd = Int32(range.upperBound)
            return
        }
        append(HTMLDocument.Node(kind: .text, tag: .unknown, isForeign: foreignDepth > 0, parent: parent,
                                 sourceStart: Int32(range.lowerBound), sourceEnd: Int32(range.upperBound),
                                 dataStart: Int32(start), dataEnd: Int32(document.strings.count), nameHash: 0))
    }

    /// Copies `range` into the strings, decoding character references.
    private mutating func appendDecoded(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, inAttribute: Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        let bounded = UnsafeBufferPointer(rebasing: page[..<end])
        while i < end {
            guard let amp = ASCII.firstIndex(of: UInt8(ascii: "&"), in: bounded, from: i) else {
                document.strings.append(contentsOf: UnsafeBufferPointer(rebasing: page[i..<end]))
                return
            }
            if amp > i { document.strings.append(contentsOf: UnsafeBufferPointer(rebasing: page[i..<amp])) }
            if let after = CharacterReferences.decode(bounded, at: amp, end: end, inAttribute: inAttribute, into: &document.strings) {
                i = after
            } else {
                document.strings.append(UInt8(ascii: "&"))
                i = amp + 1
            }
        }
    }

    // MARK: - Tree

    private mutating func append(_ node: HTMLDocument.Node) {
        let index = Int32(document.nodes.count)
        let parent = Int(node.parent)
        document.nodes.append(node)
        let last = document.nodes[parent].lastChild
        if last >= 0 { document.nodes[Int(last)].nextSibling = index } else { document.nodes[parent].firstChild = index }
        document.nodes[parent].lastChild = index
    }

    private var current: Int { Int(stack[stack.count - 1]) }

    private mutating func pop(end: Int) {
        let k = Int(stack.removeLast())
        document.nodes[k].sourceEnd = Int32(end)
        if document.nodes[k].isForeign { foreignDepth -= 1 }
    }

    /// Pops elements up to and including the innermost open `tag` (which must be open).
    private mutating func popThrough(_ tag: HTMLTag, nameHash: UInt64, implicitEnd: Int, end: Int) {
        while stack.count > 1 {
            let top = document.nodes[current]
            let isTarget = top.nameHash == nameHash
            pop(end: isTarget ? end : implicitEnd)
            if isTarget { return }
        }
    }

    private enum Scope {
        case normal, button, listItem, table
    }

    /// HTML5's "has an element in scope": whether `tag` is open above the nearest boundary.
    private func inScope(_ nameHash: UInt64, _ scope: Scope) -> Bool {
        var k = stack.count - 1
        while k > 0 {
            let node = document.nodes[Int(stack[k])]
            if node.nameHash == nameHash { return true }
            switch node.tag {
            case .html, .table, .template: return false
            case .applet, .caption, .td, .th, .marquee, .object: if scope != .table { return false }
            case .button: if scope == .button { return false }
            case .ol, .ul: if scope == .listItem { return false }
            default: break
            }
            k -= 1
        }
        return false
    }

    private static let hashes = (
        p: ASCII.lowercasedHash("p"), button: ASCII.lowercasedHash("button")
    )

    /// Closes the innermost open element that `matches`, unless one that `stops` is nearer:
    /// how a new `li`, `dd`, `tr`, `td` or `a` ends the one before it.
    private mutating func closeInnermost(at position: Int, where matches: (HTMLDocument.Node) -> Bool,
                                         stoppingAt stops: (HTMLDocument.Node) -> Bool) {
        var k = stack.count - 1
        while k > 0 {
            let node = document.nodes[Int(stack[k])]
            if matches(node) {
                popThrough(node.tag, nameHash: node.nameHash, implicitEnd: position, end: position)
                return
            }
            if stops(node) { return }
            k -= 1
        }
    }

    /// HTML5's boundary for list items: a special element other than `address`, `div` and `p`.
    private static func endsListItemSearch(_ node: HTMLDocument.Node) -> Bool {
        node.tag.isSpecial && node.tag != .address && node.tag != .div && node.tag != .p
    }

    private static let cells: Set<HTMLTag> = [.td, .th]
    private static let rows: Set<HTMLTag> = [.tr]
    private static let sections: Set<HTMLTag> = [.tbody, .thead, .tfoot]
    private static let tableBoundary: Set<HTMLTag> = [.table, .html, .template]
    private static let rowBoundary: Set<HTMLTag> = [.tr, .table, .html, .template]
    private static let sectionBoundary: Set<HTMLTag> = [.tbody, .thead, .tfoot, .table, .html, .template]

    /// Opens an element for a start tag, first closing what it implies; returns its node, or
    /// `nil` when the tag adds nothing.
    private mutating func insertElement(_ tag: HTMLTag, nameHash: UInt64, attributes: Range<Int>, source: Range<Int>, selfClosing: Bool) -> Int? {
        let position = source.lowerBound
        if foreignDepth > 0, document.nodes[current].isForeign, tag.breaksOutOfForeignContent {
            while stack.count > 1, document.nodes[current].isForeign { pop(end: position) }
        }
        let foreign = tag == .svg || tag == .math || (foreignDepth > 0 && document.nodes[current].isForeign)
        if !foreign {
            // The head ends where content starts.
            if document.nodes[current].tag == .head, !tag.belongsInHead { pop(end: position) }
            if tag == .html || tag == .body || tag == .head {
                guard documentElementsSeen.insert(tag).inserted else { return nil }
            }
            if tag.closesParagraph, inScope(Self.hashes.p, .button) {
                popThrough(.p, nameHash: Self.hashes.p, implicitEnd: position, end: position)
            }
            switch tag {
            case .li: closeInnermost(at: position, where: { $0.tag == .li }, stoppingAt: Self.endsListItemSearch)
            case .dd, .dt: closeInnermost(at: position, where: { $0.tag == .dd || $0.tag == .dt }, stoppingAt: Self.endsListItemSearch)
            case .h1, .h2, .h3, .h4, .h5, .h6: if document.nodes[current].tag.isHeading { pop(end: position) }
            case .option: if document.nodes[current].tag == .option { pop(end: position) }
            case .optgroup:
                if document.nodes[current].tag == .option { pop(end: position) }
                if document.nodes[current].tag == .optgroup { pop(end: position) }
            case .tr: closeInnermost(at: position, where: { Self.rows.contains($0.tag) || Self.cells.contains($0.tag) }, stoppingAt: { Self.tableBoundary.contains($0.tag) })
            case .td, .th: closeInnermost(at: position, where: { Self.cells.contains($0.tag) }, stoppingAt: { Self.rowBoundary.contains($0.tag) })
            case .tbody, .thead, .tfoot:
                closeInnermost(at: position, where: { Self.sections.contains($0.tag) || Self.rows.contains($0.tag) || Self.cells.contains($0.tag) },
                               stoppingAt: { Self.tableBoundary.contains($0.tag) })
            case .a:
                // An open `a` ends where a new one starts.
                closeInnermost(at: position, where: { $0.tag == .a }, stoppingAt: { $0.tag.isSpecial })
            case .button: if inScope(Self.hashes.button, .normal) { popThrough(.button, nameHash: Self.hashes.button, implicitEnd: position, end: position) }
            default: break
            }
        }
        let node = HTMLDocument.Node(kind: .element, tag: foreign && tag != .svg && tag != .math ? .unknown : tag, isForeign: foreign,
                                     parent: stack[stack.count - 1], sourceStart: Int32(position), sourceEnd: Int32(source.upperBound),
                                     dataStart: Int32(attributes.lowerBound), dataEnd: Int32(attributes.upperBound), nameHash: nameHash)
        append(node)
        let index = document.nodes.count - 1
        let isVoid = foreign ? selfClosing : tag.isVoid
        if !isVoid, stack.count < Self.maximumDepth {
            stack.append(Int32(index))
            if foreign { foreignDepth += 1 }
        }
        return index
    }

    /// Closes elements for an end tag, as HTML5's "in body" rules do.
    private mutating func closeElement(_ tag: HTMLTag, nameHash: UInt64, source: Range<Int>) {
        let (position, end) = (source.lowerBound, source.upperBound)
        if foreignDepth > 0, document.nodes[current].isForeign {
            var k = stack.count - 1
            while k > 0, document.nodes[Int(stack[k])].isForeign {
                if document.nodes[Int(stack[k])].nameHash == nameHash {
                    popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end)
                    return
                }
                k -= 1
            }
            if !tag.breaksOutOfForeignContent, tag != .unknown, !tag.isSpecial { return }
        }
        switch tag {
        case .br:
            _ = insertElement(.br, nameHash: nameHash, attributes: document.attributes.count..<document.attributes.count, source: source, selfClosing: false)
        case .p:
            if inScope(nameHash, .button) { popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end) }
        case .li:
            if inScope(nameHash, .listItem) { popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end) }
        case .td, .th, .tr, .tbody, .thead, .tfoot, .table, .caption:
            if inScope(nameHash, .table) { popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end) }
        case .head:
            if document.nodes[current].tag == .head { pop(end: end) }
        case .html, .body:
            break  // Content after them still belongs to the page.
        default:
            if tag.isSpecial {
                if inScope(nameHash, .normal) { popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end) }
                return
            }
            // Any other end tag closes the innermost element of its name, unless a special
            // element is open inside it.
            var k = stack.count - 1
            while k > 0 {
                let node = document.nodes[Int(stack[k])]
                if node.nameHash == nameHash {
                    popThrough(tag, nameHash: nameHash, implicitEnd: position, end: end)
                    return
                }
                if node.tag.isSpecial { return }
                k -= 1
            }
        }
    }
}
