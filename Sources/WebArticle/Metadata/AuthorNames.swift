import Foundation

/// People's names out of byline text: "By Jane Doe and John Roe, Staff Writers" gives
/// Jane Doe and John Roe; roles, "Staff", e-mail addresses, dates and the site's own name
/// are not authors.
enum AuthorNames {
    private static let notNames: Set<String> = [
        "staff", "editor", "editors", "reporter", "reporters", "writer", "writers", "correspondent", "contributor",
        "contributors", "admin", "administrator", "news", "desk", "team", "newsroom", "wire", "wires", "agency",
        "updated", "published", "posted", "photo", "photos", "video", "by", "and", "the", "with", "from", "in",
        "senior", "associate", "chief", "columnist", "guest", "author", "authors", "share", "follow", "email",
        "more", "about", "bio", "view", "all", "articles", "read", "min", "minutes", "ago", "hours", "opinion",
        "twitter", "facebook", "instagram", "linkedin", "x", "threads", "mastodon", "link", "copied", "copy",
        "edit", "profile", "sign", "log", "login", "subscribe", "menu", "search", "close", "home",
    ]

    static func clean(_ raw: [String], siteName: String?) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for text in raw {
            for piece in split(text) {
                guard let name = person(piece, siteName: siteName) else { continue }
                if seen.insert(name.lowercased()).inserted { names.append(name) }
            }
        }
        return names
    }

    /// Splits at commas, "and", "&", ";", "|" and line breaks, after a leading "By".
    private static func split(_ text: String) -> [String] {
        var t = TextFolding.fold(text)
        for prefix in ["by ", "By ", "BY ", "Written by ", "written by ", "Words by ", "Story by "] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
        }
        var pieces: [String] = []
        var current = ""
        let words = t.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            let lower = word.lowercased()
            if lower == "and" || lower == "&" || lower == "|" || lower == "by" {
                pieces.append(current)
                current = ""
                continue
            }
            var w = String(word)
            var ends = false
            if let last = w.last, last == "," || last == ";" || last == "|" {
                w.removeLast()
                ends = true
            }
            current += current.isEmpty ? w : " " + w
            if ends {
                pieces.append(current)
                current = ""
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingASCIISpaces() }.filter { !$0.isEmpty }
    }

    private static func person(_ piece: String, siteName: String?) -> String? {
        var name = piece.trimmingCharacters(in: CharacterSet(charactersIn: ".:-–—()[]\"'"))
        // "Ray Cole Jr.": the stop of a suffix ending the name is the name's.
        if let last = name.split(separator: " ").last, nameSuffixes.contains(String(last)), piece.contains(name + ".") { name += "." }
        // A publication after the name ("Jane Doe The Associated Press"), or the name alone is one.
        if let the = name.range(of: " The ") { name = String(name[..<the.lowerBound]) }
        if name.hasPrefix("The ") { return nil }
        // Letters after the name (MS, RDN, PhD) and "Link Copied" buttons.
        var words = name.split(separator: " ").map(String.init)
        while let last = words.last, words.count > 1, isCredential(last) || ["Link", "Copied", "Follow"].contains(last) { words.removeLast() }
        name = words.joined(separator: " ")
        guard (1...5).contains(words.count), name.count <= 60 else { return nil }
        // An acronym alone is an agency or a credential (AP, WBEZ, RDN), not a byline name.
        if words.count == 1, isCredential(words[0]) { return nil }
        if name.contains("@") || name.contains("://") || name.contains(where: \.isNumber) { return nil }
        let lowerWords = TextFolding.words(name).map(String.init)
        if lowerWords.isEmpty || lowerWords.allSatisfy(notNames.contains) || lowerWords.contains(where: { ["staff", "updated", "published", "posted", "reporter", "editor", "correspondent", "writer"].contains($0) }) { return nil }
        if let siteName, TitleCleaner.similarity(name, siteName) >= 0.8 { return nil }
        // A name starts with a capital (or is in a script without case).
        guard let first = name.unicodeScalars.first, !first.properties.isLowercase else { return nil }
        return name
    }

    /// Suffixes of a name written with a stop.
    private static let nameSuffixes: Set<String> = ["Jr", "Sr"]

    /// MS, RDN, PhD, M.D.: short and mostly capitals.
    private static func isCredential(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard (1...5).contains(letters.count) else { return false }
        let capitals = letters.filter(\.isUppercase).count
        return capitals >= 2 && capitals * 3 >= letters.count * 2 || ["PhD", "MSc", "BSc"].contains(letters)
    }
}
