/// Short lines that are page furniture wherever they stand ("Advertisement", "Read more",
/// "Share this article"): matched whole, case-insensitively, on blocks of a few words.
enum BoilerplatePhrases {
    private static let phrases: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "read more", "read more:",
        "continue reading", "show more", "load more", "see more", "more", "share", "share this", "share this article",
        "share this story", "share on facebook", "share on twitter", "tweet", "email", "print", "comments",
        "comment", "leave a comment", "skip to content", "skip to main content", "skip to navigation",
        "subscribe", "sign up", "sign in", "log in", "login", "register", "close", "menu", "search", "related",
        "related articles", "related stories", "related content", "you may also like", "recommended",
        "most popular", "most read", "trending", "top stories", "follow us", "back to top", "loading...",
        "loading", "click here", "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "scroll to continue", "play video", "watch", "listen", "copy link",
        "link copied", "copied", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest",
    ]

    static let longestPhrase = 48

    static func matches(_ text: [UInt8]) -> Bool {
        guard text.count <= longestPhrase else { return false }
        var lowered = String(decoding: text, as: UTF8.self).lowercased()
        while let last = lowered.last, last == " " || last == "." || last == "\u{2026}" || last == ":" { lowered.removeLast() }
        return phrases.contains(lowered)
    }
}
