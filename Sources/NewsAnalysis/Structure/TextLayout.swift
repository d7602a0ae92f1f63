/// The roles of an article's lines when they are known rather than guessed: for text
/// extracted from a web page, the page said which block is the headline, the dek, a caption
/// or a credit, so the rules that find them in wire copy stay off (a body paragraph above a
/// "PHOTO:" line is not a caption there).
struct TextLayout: Sendable {
    /// Roles by code point range of the text, in text order; lines in no range are body.
    var roles: [(range: Range<Int>, role: Document.LineRole)] = []
    /// Authors the page names.
    var authors: [String] = []
    /// The picture address of a caption line, by the start of the caption's range.
    var imageURLs: [Int: String] = [:]

    /// The role of a line that starts at `offset`, and where its range starts.
    func role(at offset: Int) -> (role: Document.LineRole, rangeStart: Int)? {
        var lo = 0, hi = roles.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if roles[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < roles.count, roles[lo].range.contains(offset) else { return nil }
        return (roles[lo].role, roles[lo].range.lowerBound)
    }
}
