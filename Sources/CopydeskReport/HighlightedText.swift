/// A piece of an article's text with marked spans, rendered as escaped HTML.
///
/// Spans are Unicode code point offsets into the article's whole text (what the report holds),
/// so the piece knows where it starts. Marks may nest (a name inside a quote) or overlap (a
/// copy-editing fault across a quote's end): HTML elements cannot overlap, so where one mark
/// ends inside another, the inner ones are closed and reopened as continuation pieces
/// (class `cont`), which keeps the markup well formed and every character inside all its marks.
struct HighlightedText {
    /// One span to mark.
    struct Mark: Hashable {
        var start: Int
        var end: Int
        /// The element's classes, e.g. `ent person`.
        var classes: String
        /// Shown after the span's last character (displaCy's type label), if any.
        var label: String?
        /// The tooltip.
        var title: String?
        /// Lower goes outside when two marks cover the same span (a quote around its name).
        var layer: Int = 0
        var element: String = "mark"
    }

    /// The piece's code points.
    let scalars: [Unicode.Scalar]
    /// Where the piece starts in the article's text, in code points.
    let offset: Int

    init(_ text: some StringProtocol, offset: Int = 0) {
        self.scalars = Array(text.unicodeScalars)
        self.offset = offset
    }

    init(scalars: [Unicode.Scalar], offset: Int) {
        self.scalars = scalars
        self.offset = offset
    }

    var end: Int { offset + scalars.count }

    /// Whether `mark` lies wholly inside this piece.
    func contains(_ mark: Mark) -> Bool {
        mark.start >= offset && mark.end <= end && mark.start < mark.end
    }

    /// The piece as HTML, with the marks that touch it (clipped to it); others are ignored.
    func html(marks: [Mark]) -> String {
        let marks = marks.compactMap { mark -> Mark? in
            var clipped = mark
            clipped.start = max(mark.start, offset) - offset
            clipped.end = min(mark.end, end) - offset
            return clipped.start < clipped.end ? clipped : nil
        }
        .enumerated()
        .sorted { a, b in
            // Outer first: earlier start, then longer, then lower layer, then given order.
            (a.element.start, -a.element.end, a.element.layer, a.offset) < (b.element.start, -b.element.end, b.element.layer, b.offset)
        }
        .map(\.element)

        var boundaries = Set([0, scalars.count])
        for mark in marks {
            boundaries.insert(mark.start)
            boundaries.insert(mark.end)
        }
        let positions = boundaries.sorted()

        var output = ""
        output.reserveCapacity(scalars.count + marks.count * 64)
        var open: [Int] = []  // indices into marks, outermost first
        var nextStart = 0
        for (k, position) in positions.enumerated() {
            // Close what ends here; whatever sat inside it and goes on is reopened after.
            if let lowest = open.firstIndex(where: { marks[$0].end == position }) {
                let popped = open[lowest...]
                for index in popped.reversed() {
                    if marks[index].end == position, let label = marks[index].label {
                        output += "<span class=\"lbl\">"
                        output += HTML.text(label)
                        output += "</span>"
                    }
                    output += "</\(marks[index].element)>"
                }
                let reopened = popped.filter { marks[$0].end > position }
                open.removeSubrange(lowest...)
                for index in reopened {
                    output += openingTag(marks[index], continued: true)
                    open.append(index)
                }
            }
            while nextStart < marks.count, marks[nextStart].start == position {
                output += openingTag(marks[nextStart], continued: false)
                open.append(nextStart)
                nextStart += 1
            }
            if k + 1 < positions.count {
                HTML.append(scalars[position..<positions[k + 1]], to: &output)
            }
        }
        return output
    }

    private func openingTag(_ mark: Mark, continued: Bool) -> String {
        var tag = "<\(mark.element) class=\"\(HTML.attribute(mark.classes))\(continued ? " cont" : "")\""
        if let title = mark.title { tag += " title=\"\(HTML.attribute(title))\"" }
        return tag + ">"
    }
}
