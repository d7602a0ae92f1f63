/// The words of every element's `class` and `id`, found once per page and kept as hashes
/// (``ASCII/lowercasedHash(_:)``), so the extractor's many questions about them ("is this a
/// share bar?", "a byline?") make no strings.
///
/// A name is split at anything not a letter or digit and where lower case turns upper
/// ("relatedArticles" → related, articles). Names that say what an element has, lacks or
/// enables ("has-sidebar", "no-comments", "enableCommentsCount") are left out: they are not
/// what the element is. Besides its words, each name gives its head: its last word and the
/// whole name run together ("article-body" → body, articlebody), since a compound name is
/// what its last word says ("article-author-box" is a box, not an article).
struct ClassWords: Sendable {
    private var words: [UInt64] = []
    private var heads: [UInt64] = []
    /// Per node: where its words and heads are.
    private var wordRanges: [Range<Int32>]
    private var headRanges: [Range<Int32>]

    private static let classHash = ASCII.lowercasedHash("class")
    private static let idHash = ASCII.lowercasedHash("id")
    private static let featurePrefixes = Self.hashes([
        "has", "with", "no", "without", "enable", "enabled", "disable", "disabled", "show", "hide", "is", "can",
        "allow", "allows", "use", "uses", "js", "not",
    ])

    static func hashes(_ words: [String]) -> Set<UInt64> {
        Set(words.map { ASCII.lowercasedHash($0) })
    }

    init(_ document: HTMLDocument) {
        let empty = Int32(0)..<Int32(0)
        wordRanges = [Range<Int32>](repeating: empty, count: document.nodes.count)
        headRanges = wordRanges
        var nameWords: [UInt64] = []
        document.strings.withUnsafeBufferPointer { strings in
            for k in document.nodes.indices where document.nodes[k].kind == .element {
                let wordStart = Int32(words.count), headStart = Int32(heads.count)
                for attribute in [Self.classHash, Self.idHash] {
                    guard let value = document.attributeRange(attribute, of: k) else { continue }
                    var i = value.lowerBound
                    while i < value.upperBound {
                        // One name: up to the next white space.
                        while i < value.upperBound, ASCII.isSpace(strings[i]) { i += 1 }
                        let nameStart = i
                        while i < value.upperBound, !ASCII.isSpace(strings[i]) { i += 1 }
                        guard i > nameStart else { continue }
                        nameWords.removeAll(keepingCapacity: true)
                        var joined: UInt64 = 0xcbf2_9ce4_8422_2325
                        var word: UInt64 = 0xcbf2_9ce4_8422_2325
                        var wordLength = 0
                        var previousLower = false
                        for j in nameStart..<i {
                            let b = strings[j]
                            let isUpper = b >= 0x41 && b <= 0x5A
                            let isLower = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                            if isUpper || isLower {
                                if isUpper, previousLower, wordLength > 0 {
                                    nameWords.append(word)
                                    word = 0xcbf2_9ce4_8422_2325
                                    wordLength = 0
                                }
                                let lower = UInt64(ASCII.lowercased(b))
                                word = (word ^ lower) &* 0x0000_0100_0000_01b3
                                joined = (joined ^ lower) &* 0x0000_0100_0000_01b3
                                wordLength += 1
                                previousLower = isLower
                            } else {
                                if wordLength > 0 { nameWords.append(word) }
                                word = 0xcbf2_9ce4_8422_2325
                                wordLength = 0
                                previousLower = false
                            }
                        }
                        if wordLength > 0 { nameWords.append(word) }
                        guard let first = nameWords.first, !Self.featurePrefixes.contains(first) else { continue }
                        words.append(contentsOf: nameWords)
                        heads.append(nameWords[nameWords.count - 1])
                        if nameWords.count > 1 { heads.append(joined) }
                    }
                }
                wordRanges[k] = wordStart..<Int32(words.count)
                headRanges[k] = headStart..<Int32(heads.count)
            }
        }
    }

    /// Whether any word of `node`'s class or id names is in `set` (words and whole names alike).
    func any(_ node: Int, in set: Set<UInt64>) -> Bool {
        for k in wordRanges[node] where set.contains(words[Int(k)]) { return true }
        return anyHead(node, in: set)
    }

    /// Whether the head of any of `node`'s class or id names is in `set`.
    func anyHead(_ node: Int, in set: Set<UInt64>) -> Bool {
        for k in headRanges[node] where set.contains(heads[Int(k)]) { return true }
        return false
    }

    /// Whether any single word (not a whole name) is in `set`.
    func anyWord(_ node: Int, in set: Set<UInt64>) -> Bool {
        for k in wordRanges[node] where set.contains(words[Int(k)]) { return true }
        return false
    }
}
