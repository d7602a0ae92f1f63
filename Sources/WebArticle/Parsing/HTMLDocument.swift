/// A parsed page: its elements and text in a tree, stored flat (node 0 is the document) so
/// that a page of any size costs a few arrays rather than a graph of objects. Every node
/// knows its byte range in ``source``, the page as UTF-8.
public struct HTMLDocument: Sendable {
    public enum NodeKind: UInt8, Sendable {
        case document, element, text
    }

    public struct Node: Sendable {
        public var kind: NodeKind
        public var tag: HTMLTag
        /// Inside `svg` or `math`.
        var isForeign: Bool
        public var parent: Int32
        public var firstChild: Int32 = -1
        public var lastChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Bytes of ``HTMLDocument/source`` the node came from: start tag to end tag (or to
        /// where the element was closed implicitly), or the text itself.
        public var sourceStart: Int32
        public var sourceEnd: Int32
        /// Text: its decoded bytes in ``HTMLDocument/strings``; element: its range in
        /// ``HTMLDocument/attributes``.
        var dataStart: Int32
        var dataEnd: Int32
        /// Hash of the lowercased element name (``ASCII/lowercasedHash(_:_:)``).
        var nameHash: UInt64
    }

    struct Attribute: Sendable {
        var nameHash: UInt64
        /// The decoded value, in ``HTMLDocument/strings``.
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// The page as UTF-8, as parsed.
    public let source: [UInt8]
    public internal(set) var nodes: [Node]
    var attributes: [Attribute] = []
    /// Decoded text of text nodes and attribute values, back to back.
    var strings: [UInt8] = []

    init(source: [UInt8]) {
        self.source = source
        nodes = [Node(kind: .document, tag: .unknown, isForeign: false, parent: -1, sourceStart: 0, sourceEnd: Int32(source.count),
                      dataStart: 0, dataEnd: 0, nameHash: 0)]
    }

    /// The children of `node`, in order.
    public func children(of node: Int) -> Children {
        Children(nodes: nodes, cursor: nodes[node].firstChild)
    }

    public struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var cursor: Int32

        public mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            defer { cursor = nodes[Int(cursor)].nextSibling }
            return Int(cursor)
        }
    }

    /// The decoded value of attribute `name` (lowercase) of element `node`, or `nil`.
    public func attribute(_ name: StaticString, of node: Int) -> String? {
        attributeRange(ASCII.lowercasedHash(name), of: node).map(string(_:))
    }

    /// Whether element `node` has attribute `name` (lowercase), with any value.
    public func hasAttribute(_ name: StaticString, _ node: Int) -> Bool {
        attributeRange(ASCII.lowercasedHash(name), of: node) != nil
    }

    func attributeRange(_ nameHash: UInt64, of node: Int) -> Range<Int>? {
        let n = nodes[node]
        guard n.kind == .element else { return nil }
        var k = Int(n.dataStart)
        while k < Int(n.dataEnd) {
            let a = attributes[k]
            if a.nameHash == nameHash { return Int(a.valueStart)..<Int(a.valueEnd) }
            k += 1
        }
        return nil
    }

    /// The decoded text of text node `node`.
    public func text(_ node: Int) -> String {
        let n = nodes[node]
        return n.kind == .text ? string(Int(n.dataStart)..<Int(n.dataEnd)) : ""
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: strings[range], as: UTF8.self)
    }

    /// All text under `node` in document order, as it stands (no whitespace folding).
    public func textContent(_ node: Int) -> String {
        var bytes: [UInt8] = []
        forEachDescendant(of: node) { k in
            let n = nodes[k]
            if n.kind == .text { bytes.append(contentsOf: strings[Int(n.dataStart)..<Int(n.dataEnd)]) }
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits the descendants of `node` in document order, without recursion (pages nest
    /// deeply); `visit` returns `false` to skip a node's children.
    public func forEachDescendant(of node: Int, _ visit: (Int) -> Bool) {
        var next = nodes[node].firstChild
        while next >= 0 {
            let k = Int(next)
            if visit(k), nodes[k].firstChild >= 0 {
                next = nodes[k].firstChild
                continue
            }
            // Up until a node with a next sibling, not leaving `node`.
            var up = k
            while up != node, nodes[up].nextSibling < 0 { up = Int(nodes[up].parent) }
            if up == node { return }
            next = nodes[up].nextSibling
        }
    }

    /// The elements with tag `tag`, in document order.
    public func elements(_ tag: HTMLTag) -> [Int] {
        var found: [Int] = []
        for k in nodes.indices where nodes[k].kind == .element && nodes[k].tag == tag { found.append(k) }
        return found
    }

    /// Whether `node` lies inside an element with tag `tag`.
    public func isInside(_ node: Int, _ tag: HTMLTag) -> Bool {
        var k = Int(nodes[node].parent)
        while k > 0 {
            if nodes[k].tag == tag { return true }
            k = Int(nodes[k].parent)
        }
        return false
    }
}
