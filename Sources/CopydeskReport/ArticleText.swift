import NewsAnalysis

/// What is known of an article's original text, as pieces at their code point offsets.
///
/// A report does not carry the raw text, but it carries enough of it exactly: the headline,
/// dek, byline, datelines, captions and credits as located text, and the body paragraphs, whose
/// spans index the original and whose text is ``ReportRecord/body`` (the paragraphs joined by
/// blank lines). Only the lines the analyzer set aside (a repeated caption, a credit line, a
/// contributor note) are missing. With the original at hand (`--articles`) there is one piece.
public struct ArticleText {
    /// What a piece is, for its styling.
    enum Role: String {
        case whole, headline, subheadline, byline, dateline, caption, credit, paragraph
    }

    struct Piece {
        var role: Role
        var text: HighlightedText
    }

    /// In text order, not overlapping.
    let pieces: [Piece]
    /// Whether ``pieces`` is the whole original text.
    let isComplete: Bool

    /// The exact original text.
    public init(original: String) {
        pieces = [Piece(role: .whole, text: HighlightedText(original))]
        isComplete = true
    }

    /// The text rebuilt from the report alone.
    public init(report: ReportRecord) {
        var found: [Piece] = []
        func add(_ role: Role, _ located: LocatedText?) {
            guard let located, located.end > located.start else { return }
            let scalars = Array(located.text.unicodeScalars)
            // A located text whose length disagrees with its span cannot be placed; leave it out.
            guard scalars.count == located.end - located.start else { return }
            found.append(Piece(role: role, text: HighlightedText(scalars: scalars, offset: located.start)))
        }
        add(.headline, report.headline)
        add(.subheadline, report.subheadline)
        add(.byline, report.byline)
        add(.dateline, report.dateline)
        add(.dateline, report.dateLine)
        for image in report.images {
            add(.caption, image.caption)
            add(.credit, image.credit)
        }
        found += Self.paragraphs(of: report)

        // Text order; a piece inside an earlier one (a dateline opening a paragraph) goes.
        found.sort { ($0.text.offset, -$0.text.end) < ($1.text.offset, -$1.text.end) }
        var kept: [Piece] = []
        for piece in found {
            if let last = kept.last, piece.text.offset < last.text.end {
                guard piece.text.end > last.text.end else { continue }
                let cut = last.text.end - piece.text.offset
                kept.append(Piece(role: piece.role, text: HighlightedText(scalars: Array(piece.text.scalars[cut...]), offset: last.text.end)))
            } else {
                kept.append(piece)
            }
        }
        pieces = kept
        isComplete = false
    }

    /// The body paragraphs, cut out of ``ReportRecord/body`` by their span lengths; none if
    /// the body does not match them (a report from another analyzer version, say).
    private static func paragraphs(of report: ReportRecord) -> [Piece] {
        let body = Array(report.body.unicodeScalars)
        let lengths = report.paragraphs.map { $0.end - $0.start }
        guard lengths.allSatisfy({ $0 > 0 }),
              lengths.reduce(0, +) + 2 * max(0, lengths.count - 1) == body.count
        else { return [] }
        var pieces: [Piece] = []
        var cursor = 0
        for (span, length) in zip(report.paragraphs, lengths) {
            if cursor > 0 {
                guard body[cursor - 2] == "\n", body[cursor - 1] == "\n" else { return [] }
            }
            pieces.append(Piece(role: .paragraph, text: HighlightedText(scalars: Array(body[cursor..<cursor + length]), offset: span.start)))
            cursor += length + 2
        }
        return pieces
    }
}
