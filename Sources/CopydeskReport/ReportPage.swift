import Foundation
import NewsAnalysis

/// The whole report: one HTML document with its CSS and script inline, which loads nothing
/// from anywhere (its Content-Security-Policy forbids it, so a stray URL fails loudly in the
/// browser's console instead of leaking a reader's visit).
public struct ReportPage {
    /// Where the reports came from, for the heading.
    let input: String
    let tally: ReportTally
    /// The articles shown in full, in file order.
    let sections: [ArticleSection]
    /// The `--limit` that capped ``sections``.
    let limit: Int
    var topCount = 15

    public init(input: String, tally: ReportTally, sections: [ArticleSection], limit: Int) {
        (self.input, self.tally, self.sections, self.limit) = (input, tally, sections, limit)
    }

    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Copydesk report: \(HTML.text(input))</title>
            <script>\(Self.script)</script>
            <style>\(Self.style)</style>
            </head>
            <body>
            <ul id="js-errors"></ul>
            <header class="page">
            <h1>Copydesk report</h1>

            """
        out += "<p class=\"summary-line\">\(summaryLine())</p>\n"
        out += legend()
        out += "</header>\n<main>\n<section class=\"overview\">\n<div class=\"tops\">\n"
        for kind in [Entity.Kind.person, .place, .organization] { out += topTable(kind) }
        out += "</div>\n"
        let places = PlaceMap.merged(tally.mappedPlaces.compactMap { name in
            name.geo.map { PlaceMap.Place(name: name.name, latitude: $0.latitude, longitude: $0.longitude, mentions: name.mentions) }
        })
        out += "<figure class=\"mapbox\">\(PlaceMap(places: places).svg())<figcaption>\(tally.mappedPlaces.count) place\(tally.mappedPlaces.count == 1 ? "" : "s") with coordinates (a country at its capital), dot area by mentions across all \(tally.reports) articles.</figcaption></figure>\n"
        if !sections.isEmpty {
            out += "<details class=\"index\"><summary>The \(sections.count) article\(sections.count == 1 ? "" : "s") shown</summary><ol>"
            for section in sections {
                out += "<li><a href=\"#article-\(section.number)\">\(HTML.text(section.report.headline?.text ?? section.report.source ?? section.report.id))</a></li>"
            }
            out += "</ol></details>\n"
        }
        out += "</section>\n"
        for section in sections { out += section.html() }
        if tally.reports > sections.count {
            out += "<p class=\"more\">\(tally.reports - sections.count) more article\(tally.reports - sections.count == 1 ? "" : "s") counted above but not shown (<code>--limit \(limit)</code>).</p>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func summaryLine() -> String {
        var parts = ["<b>\(tally.reports)</b> article\(tally.reports == 1 ? "" : "s") in <code>\(HTML.text(input))</code>"]
        if tally.reports > sections.count { parts.append("the first \(sections.count) shown in full") }
        parts.append("\(tally.words) words")
        parts.append("\(tally.distinct(.person)) people, \(tally.distinct(.place)) places, \(tally.distinct(.organization)) organisations")
        parts.append("\(tally.quotes) quotes")
        let issues = tally.issues.values.reduce(0, +)
        parts.append("\(issues) copy-editing issue\(issues == 1 ? "" : "s")")
        let languages = tally.languages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(HTML.text($0.key)) \($0.value)" }
        if !languages.isEmpty { parts.append("languages: " + languages.joined(separator: ", ")) }
        var line = parts.joined(separator: " · ")
        if tally.skippedLines > 0 {
            line += " · <span class=\"warn\">\(tally.skippedLines) line\(tally.skippedLines == 1 ? "" : "s") skipped (not reports: \(HTML.text(tally.firstSkipReason ?? "")))</span>"
        }
        return line
    }

    private func legend() -> String {
        let kinds: [(String, String, String)] = [
            ("person", "ent person", "PERSON"), ("place", "ent place", "PLACE"), ("org", "ent org", "ORG"),
            ("date", "ent date", "DATE"), ("amount", "ent amount", "AMOUNT"), ("quote", "quote", "quote — speaker"),
            ("issue", "issue", "copy-editing issue"),
        ]
        var out = "<p class=\"legend\">"
        for (kind, classes, label) in kinds {
            let sample = classes.hasPrefix("ent") ? "<mark class=\"\(classes)\">\(label)</mark>" : "<span class=\"\(classes)\">\(label)</span>"
            out += "<label><input type=\"checkbox\" checked data-kind=\"\(kind)\"> \(sample)</label> "
        }
        return out + "</p>\n"
    }

    private func topTable(_ kind: Entity.Kind) -> String {
        let heading = switch kind {
        case .person: "People"
        case .place: "Places"
        case .organization: "Organisations"
        }
        let top = tally.top(kind, topCount)
        var out = "<table class=\"top \(ArticleSection.kindClass(kind))\"><caption>\(heading)</caption><thead><tr><th>name</th><th>articles</th><th>mentions</th></tr></thead><tbody>"
        let most = Double(top.first?.articles ?? 1)
        for name in top {
            let width = String(format: "%.0f", 100 * Double(name.articles) / most)
            out += "<tr><td>\(HTML.text(name.name))</td><td class=\"n\"><span class=\"bar\" style=\"width:\(width)%\"></span>\(name.articles)</td><td class=\"n\">\(name.mentions)</td></tr>"
        }
        if top.isEmpty { out += "<tr><td colspan=\"3\" class=\"none\">none</td></tr>" }
        return out + "</tbody></table>\n"
    }

    /// Toggles for each kind of mark; any script error is written into the page, where a
    /// headless browser's DOM dump shows it.
    static let script = """

        (function () {
          var pending = [];
          function note(text) {
            var list = document.getElementById('js-errors');
            if (!list) { pending.push(text); return; }
            var item = document.createElement('li');
            item.textContent = text;
            list.appendChild(item);
          }
          window.addEventListener('error', function (event) {
            note('error: ' + event.message + ' (' + (event.filename || '') + ':' + (event.lineno || 0) + ')');
          });
          window.addEventListener('securitypolicyviolation', function (event) {
            note('blocked: ' + event.blockedURI + ' (' + event.violatedDirective + ')');
          });
          document.addEventListener('DOMContentLoaded', function () {
            pending.splice(0).forEach(note);
            var boxes = document.querySelectorAll('.legend input[data-kind]');
            for (var i = 0; i < boxes.length; i++) {
              boxes[i].addEventListener('change', function (event) {
                document.body.classList.toggle('hide-' + event.target.getAttribute('data-kind'), !event.target.checked);
              });
            }
            document.body.setAttribute('data-ready', 'yes');
          });
        })();

        """

    static let style = """

        :root { --person: #aa9cfc; --place: #feca74; --org: #7aecec; --date: #bfe1d9; --amount: #e4e7d2; --quote: #d9480f; --issue: #e03131; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #212529; background: #f8f9fa; }
        header.page, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
        h1 { margin: 18px 0 4px; font-size: 26px; }
        code { font-size: 0.85em; background: #e9ecef; padding: 0 4px; border-radius: 3px; }
        #js-errors:empty { display: none; }
        #js-errors { background: #ffe3e3; color: #c92a2a; margin: 0; padding: 8px 32px; }
        .summary-line { color: #495057; margin: 4px 0; }
        .warn { color: #c92a2a; }
        .legend { position: sticky; top: 0; z-index: 2; background: #f8f9fa; margin: 0; padding: 8px 0; border-bottom: 1px solid #dee2e6; }
        .legend label { margin-right: 10px; white-space: nowrap; cursor: pointer; font-size: 14px; }
        .overview { background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 16px; margin: 16px 0; }
        .tops { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; align-items: start; }
        table.top { border-collapse: collapse; width: 100%; font-size: 14px; }
        table.top caption { text-align: left; font-weight: 600; padding-bottom: 4px; border-bottom: 3px solid var(--person); }
        table.top.place caption { border-color: var(--place); }
        table.top.org caption { border-color: var(--org); }
        table.top th { text-align: left; font-weight: 500; color: #868e96; font-size: 12px; }
        table.top td { padding: 2px 4px; border-bottom: 1px solid #f1f3f5; }
        td.n { text-align: right; position: relative; width: 70px; }
        td.n .bar { position: absolute; left: 0; bottom: 2px; height: 3px; background: #74c0fc; border-radius: 2px; }
        .none { color: #868e96; font-style: italic; }
        .mapbox { margin: 16px 0 0; }
        svg.map { width: 100%; height: auto; display: block; border-radius: 6px; }
        svg.map .sea { fill: #e7f5ff; }
        svg.map .grid line { stroke: #d0ebff; stroke-width: 0.3; }
        svg.map .land polygon { fill: #dee2e6; stroke: #ced4da; stroke-width: 0.3; }
        svg.map circle { fill: #f08c00; fill-opacity: 0.65; stroke: #c25e00; stroke-width: 0.3; }
        svg.map text { font-size: 3.6px; fill: #343a40; }
        figcaption { color: #868e96; font-size: 13px; }
        details.index { margin-top: 12px; font-size: 14px; }
        article.article { background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
        article h2 { margin: 0; font-size: 20px; }
        article h2 .num { color: #adb5bd; }
        .meta { color: #868e96; font-size: 13px; margin: 2px 0 8px; word-break: break-all; }
        .cols { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 24px; }
        .text { line-height: 2.1; }
        .piece { margin: 0 0 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
        .piece.headline { font-size: 20px; line-height: 1.9; margin-top: 0; }
        .piece.subheadline { font-style: italic; color: #495057; }
        .piece.caption, .piece.credit, .piece.byline, .piece.dateline { font-size: 14px; color: #495057; }
        .piece.caption::before { content: "caption: "; color: #adb5bd; }
        .piece.credit::before { content: "credit: "; color: #adb5bd; }
        .note { font-size: 13px; color: #868e96; line-height: 1.5; }
        mark.ent { padding: 0.15em 0.35em; margin: 0 0.1em; border-radius: 0.35em; background: var(--person); color: inherit;
                   -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        mark.ent.cont { margin-left: 0; padding-left: 0; border-top-left-radius: 0; border-bottom-left-radius: 0; }
        mark.place { background: var(--place); }
        mark.org { background: var(--org); }
        mark.date { background: var(--date); }
        mark.amount { background: var(--amount); }
        .lbl { font-size: 0.6em; font-weight: 700; line-height: 1; text-transform: uppercase; vertical-align: middle;
               margin-left: 0.45em; user-select: none; -webkit-user-select: none; }
        span.quote { border-bottom: 2px solid var(--quote); padding-bottom: 1px; }
        span.quote.partial { border-bottom-style: dashed; }
        span.quote > .lbl { color: var(--quote); text-transform: none; font-style: italic; font-weight: 600; font-size: 0.75em; }
        span.issue { text-decoration: underline wavy var(--issue); text-decoration-thickness: 1.5px; text-underline-offset: 4px; background: #fff5f5; }
        .legend span.quote, .legend span.issue { font-size: 13px; }
        .legend mark.ent { font-size: 12px; font-weight: 700; }
        body.hide-person mark.person, body.hide-place mark.place, body.hide-org mark.org,
        body.hide-date mark.date, body.hide-amount mark.amount { background: transparent; padding: 0; margin: 0; }
        body.hide-person mark.person > .lbl, body.hide-place mark.place > .lbl, body.hide-org mark.org > .lbl,
        body.hide-date mark.date > .lbl, body.hide-amount mark.amount > .lbl, body.hide-quote span.quote > .lbl { display: none; }
        body.hide-quote span.quote { border-bottom: none; }
        body.hide-issue span.issue { text-decoration: none; background: transparent; }
        .legend input:not(:checked) + * { opacity: 0.4; }
        aside { font-size: 14px; line-height: 1.45; }
        aside section { margin-bottom: 12px; }
        aside h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #868e96; }
        aside ol, aside ul { margin: 0; padding-left: 18px; }
        ul.plain { list-style: none; padding-left: 0; }
        .chips { margin: 0; line-height: 1.9; }
        .chip { display: inline-block; background: #f1f3f5; border-radius: 10px; padding: 0 8px; line-height: 1.6; border-left: 4px solid #ced4da; }
        .chip.person { border-left-color: var(--person); }
        .chip.place { border-left-color: var(--place); }
        .chip.org { border-left-color: var(--org); }
        .tonebar { display: inline-block; position: relative; width: 80px; height: 8px; background: #e9ecef; border-radius: 4px; vertical-align: middle; }
        .tonebar span { position: absolute; top: 0; bottom: 0; border-radius: 4px; }
        .tonebar .positive { background: #37b24d; }
        .tonebar .negative { background: #f03e3e; }
        .tonebar .neutral { background: #868e96; }
        .action { color: #1971c2; }
        ul.issues li { margin-bottom: 4px; }
        .more { color: #868e96; text-align: center; margin-bottom: 32px; }
        @media (max-width: 900px) { .tops, .cols { grid-template-columns: 1fr; } }

        """
}
