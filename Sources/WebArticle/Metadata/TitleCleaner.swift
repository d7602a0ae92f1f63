import Foundation

/// The headline out of a `<title>` or `og:title`: without the site's name that pages add
/// before or after it ("Headline - WSJ", "BBC News | Headline").
enum TitleCleaner {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " ~ ", " • "]

    static func removingSiteName(_ title: String, siteName: String?, url: String?) -> String {
        let title = TextFolding.fold(title)
        guard let separator = separators.first(where: { title.contains($0) }) else { return title }
        let parts = title.components(separatedBy: separator).map { $0.trimmingASCIISpaces() }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return title }
        let host = url.flatMap(hostWords) ?? []
        func isSite(_ part: String) -> Bool {
            let words = TextFolding.words(part).map(String.init)
            if let siteName, similarity(part, siteName) >= 0.5 { return true }
            if !host.isEmpty, words.count <= 4, words.allSatisfy({ w in host.contains(where: { $0.contains(w) || w.contains($0) }) }) { return true }
            return false
        }
        let kept = parts.filter { !isSite($0) }
        if kept.count == 1 { return kept[0] }
        // Otherwise the longest part is the headline: site names and sections are short.
        let candidates = kept.isEmpty ? parts : kept
        if let first = candidates.first, let longest = candidates.max(by: { $0.count < $1.count }), TextFolding.words(first).count >= 4, longest != first,
           candidates.count == parts.count {
            // Headlines that hold the separator themselves ("Big - and getting bigger"): keep what is not a site.
            return candidates.dropLast().joined(separator: separator.trimmingASCIISpaces() == "-" ? " - " : separator)
        }
        return candidates.max(by: { $0.count < $1.count }) ?? title
    }

    /// The words of a URL's host, less "www" and the top-level domain.
    private static func hostWords(_ url: String) -> [String]? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let host = url[schemeEnd.upperBound...].prefix(while: { $0 != "/" && $0 != ":" && $0 != "?" })
        var labels = host.lowercased().split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        if labels.count > 1 { labels.removeLast() }
        return labels
    }

    /// How much of the shorter text's words the longer one has (0…1).
    static func similarity(_ a: String, _ b: String) -> Double {
        let wa = Set(TextFolding.words(a)), wb = Set(TextFolding.words(b))
        guard !wa.isEmpty, !wb.isEmpty else { return 0 }
        return Double(wa.intersection(wb).count) / Double(min(wa.count, wb.count))
    }
}
