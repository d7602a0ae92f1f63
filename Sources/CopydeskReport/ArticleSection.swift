import Foundation
import NewsAnalysis

/// One article on the page: its text with names, quotes and faults marked, and beside it what
/// the analyzer made of it (summary, tone, topics, names, quotes, copy-editing issues).
public struct ArticleSection {
    let report: ReportRecord
    let text: ArticleText
    /// The article's position on the page, for its anchor.
    let number: Int

    public init(report: ReportRecord, text: ArticleText, number: Int) {
        (self.report, self.text, self.number) = (report, text, number)
    }

    /// What to mark in the text: quotes outermost, then faults, then names, dates and amounts.
    static func marks(for report: ReportRecord) -> [HighlightedText.Mark] {
        var marks: [HighlightedText.Mark] = []
        for quote in report.quotes {
            var title = "\(quote.kind.rawValue) quote"
            if let speaker = quote.speaker { title += " · \(speaker.name)" }
            if let verb = quote.verb { title += " (\(verb))" }
            marks.append(.init(start: quote.start, end: quote.end, classes: "quote \(quote.kind.rawValue)",
                               label: quote.speaker.map { "— " + Self.shortened($0.name) }, title: title, layer: 0, element: "span"))
        }
        for issue in report.issues {
            for span in issue.spans {
                marks.append(.init(start: span.start, end: span.end, classes: "issue", label: nil,
                                   title: "\(Self.issueName(issue.kind)): \(issue.message)", layer: 1, element: "span"))
            }
        }
        for entity in report.entities {
            var title = "\(entity.name) · \(entity.type.rawValue)"
            if let titles = entity.titles, !titles.isEmpty { title += " · \(titles.joined(separator: ", "))" }
            if let geo = entity.geo { title += " · \(geo.kind)\(geo.countryCode.isEmpty ? "" : " in \(geo.countryCode)")" }
            title += String(format: " · salience %.2f", entity.salience)
            for mention in entity.mentions {
                marks.append(.init(start: mention.start, end: mention.end, classes: "ent \(Self.kindClass(entity.type))",
                                   label: Self.label(entity.type), title: title, layer: 2))
            }
        }
        for date in report.dates {
            marks.append(.init(start: date.start, end: date.end, classes: "ent date", label: "DATE",
                               title: date.value.map { "date · \($0)" } ?? "date", layer: 2))
        }
        for amount in report.amounts {
            let label = switch amount.unit {
            case nil: "QUANTITY"
            case "percent"?: "PERCENT"
            default: "MONEY"
            }
            marks.append(.init(start: amount.start, end: amount.end, classes: "ent amount", label: label,
                               title: ["amount", amount.unit, amount.object].compactMap { $0 }.joined(separator: " · "), layer: 2))
        }
        return marks
    }

    static func kindClass(_ kind: Entity.Kind) -> String {
        switch kind {
        case .person: "person"
        case .place: "place"
        case .organization: "org"
        }
    }

    static func label(_ kind: Entity.Kind) -> String {
        switch kind {
        case .person: "PERSON"
        case .place: "PLACE"
        case .organization: "ORG"
        }
    }

    static func issueName(_ kind: CopyIssue.Kind) -> String {
        switch kind {
        case .repeatedCaption: "repeated caption"
        case .duplicatedSentence: "duplicated sentence"
        case .duplicatedClause: "duplicated clause"
        case .stutteredWord: "stuttered word"
        case .misspelledName: "misspelled name"
        }
    }

    public func html() -> String {
        let marks = Self.marks(for: report)
        var out = "<article class=\"article\" id=\"article-\(number)\">\n<header>"
        let heading = report.headline?.text ?? report.source ?? report.id
        out += "<h2><span class=\"num\">\(number).</span> \(HTML.text(heading))</h2>"
        var meta: [String] = []
        if let source = report.source { meta.append("<span>\(HTML.text(source))</span>") }
        meta.append("<code>\(HTML.text(report.id))</code>")
        if let language = report.language { meta.append("<span>\(HTML.text(language))</span>") }
        if let counts = report.counts { meta.append("<span>\(counts.words) words, \(counts.sentences) sentences</span>") }
        if let url = report.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
            // A link the reader may follow; the page itself loads nothing from it.
            meta.append("<a href=\"\(HTML.attribute(url))\" rel=\"noreferrer noopener\">\(HTML.text(url))</a>")
        } else if let url = report.url {
            meta.append("<span>\(HTML.text(url))</span>")
        }
        out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p></header>\n<div class=\"cols\">\n<div class=\"text\">\n"

        for piece in text.pieces {
            let element = piece.role == .headline ? "h3" : (piece.role == .whole ? "div" : "p")
            out += "<\(element) class=\"piece \(piece.role.rawValue)\">\(piece.text.html(marks: marks))</\(element)>\n"
        }
        if !text.isComplete {
            let hidden = marks.filter { mark in !text.pieces.contains { $0.text.contains(mark) } }.count
            out += "<p class=\"note\">Rebuilt from the report: headline, dek, captions and body paragraphs at their offsets; lines the analyzer set aside are not shown"
            if hidden > 0 { out += " (\(hidden) mark\(hidden == 1 ? "" : "s") fall in them)" }
            out += ". Give <code>--articles</code> the run's inputs to show the exact text.</p>\n"
        }
        out += "</div>\n<aside>\n"
        out += sidebar()
        out += "</aside>\n</div>\n</article>\n"
        return out
    }

    private func sidebar() -> String {
        var out = ""
        if !report.summary.isEmpty {
            out += "<section><h4>Summary</h4><ol class=\"summary\">"
            for sentence in report.summary { out += "<li>\(HTML.text(sentence.text))</li>" }
            out += "</ol></section>\n"
        }
        if let tone = report.tone {
            let polarity = max(-1, min(1, tone.polarity))
            let word = polarity > 0.05 ? "positive" : (polarity < -0.05 ? "negative" : "neutral")
            // The bar grows from the middle: right for positive, left for negative.
            let left = polarity < 0 ? 50 + polarity * 50 : 50
            out += "<section><h4>Tone</h4><div class=\"tone\"><span class=\"tonebar\"><span class=\"\(word)\" style=\"left:\(Self.percent(left));width:\(Self.percent(abs(polarity) * 50))\"></span></span> "
            out += word + String(format: " %+.2f", polarity)
            if let p = tone.positive, let n = tone.negative, let u = tone.neutral {
                out += String(format: " <small>(%.0f%% positive, %.0f%% negative, %.0f%% neutral)</small>", p * 100, n * 100, u * 100)
            }
            out += "</div></section>\n"
        }
        if !report.topics.isEmpty {
            out += "<section><h4>Topics</h4><p class=\"chips\">"
            out += report.topics.prefix(6).map { "<span class=\"chip\">\(HTML.text($0.label))\($0.score.map { String(format: " <small>%.2f</small>", $0) } ?? "")</span>" }.joined(separator: " ")
            out += "</p></section>\n"
        }
        if !report.keywords.isEmpty {
            out += "<section><h4>Keywords</h4><p class=\"chips\">"
            out += report.keywords.prefix(10).map { "<span class=\"chip\">\(HTML.text($0.text))</span>" }.joined(separator: " ")
            out += "</p></section>\n"
        }
        let named = report.entities.sorted { ($0.mentions.count, $0.salience) > ($1.mentions.count, $1.salience) }
        if !named.isEmpty {
            out += "<section><h4>Names</h4><p class=\"chips\">"
            out += named.map { entity in
                "<span class=\"chip \(Self.kindClass(entity.type))\">\(HTML.text(entity.name)) <small>×\(entity.mentions.count)</small></span>"
            }.joined(separator: " ")
            out += "</p></section>\n"
        }
        if !report.quotes.isEmpty {
            var speakers: [String: Int] = [:]
            for quote in report.quotes { speakers[quote.speaker?.name ?? "unattributed", default: 0] += 1 }
            out += "<section><h4>Quotes (\(report.quotes.count))</h4><ul class=\"plain\">"
            for (name, count) in speakers.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                out += "<li>\(HTML.text(name)) <small>×\(count)</small></li>"
            }
            out += "</ul></section>\n"
        }
        if !report.events.isEmpty {
            out += "<section><h4>Events</h4><ul class=\"plain\">"
            for event in report.events.prefix(12) {
                out += "<li>\(HTML.text(event.actor.name)) <span class=\"action\">\(event.negated == true ? "not " : "")\(HTML.text(event.action))</span>"
                if let target = event.target { out += " \(HTML.text(target.name))" }
                out += "</li>"
            }
            if report.events.count > 12 { out += "<li><small>and \(report.events.count - 12) more</small></li>" }
            out += "</ul></section>\n"
        }
        out += "<section><h4>Copy-editing issues (\(report.issues.count))</h4>"
        if report.issues.isEmpty {
            out += "<p class=\"none\">none found</p>"
        } else {
            out += "<ul class=\"issues\">"
            for issue in report.issues {
                out += "<li><b>\(HTML.text(Self.issueName(issue.kind)))</b>: \(HTML.text(issue.message)) <q>\(HTML.text(issue.text))</q></li>"
            }
            out += "</ul>"
        }
        out += "</section>\n"
        return out
    }

    /// A speaker named by a long description ("a senior source in ...") cut to fit a label;
    /// the tooltip keeps it whole.
    static func shortened(_ name: String, to length: Int = 32) -> String {
        guard name.count > length else { return name }
        var cut = name.prefix(length - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > length / 2 { cut = cut[..<space] }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    private static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value)
    }
}
