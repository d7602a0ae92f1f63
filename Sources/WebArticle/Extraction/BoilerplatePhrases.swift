/// Short lines that are page furniture wherever they stand ("Advertisement", "Read more",
/// "Share this article"): matched whole, case-insensitively, on blocks of a few words; and
/// the furniture a short line is made of ("...continues below this ad", "free articles left").
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
        "link copied", "copied", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "pros", "cons",
    ]

    /// Parts of lines that make a short line furniture.
    private static let fragments = [
        "continues below", "continue reading below", "free articles left", "free article left", "get unlimited access",
        "subscribe today", "subscribe now", "sign up for our", "sign up to our", "sign up for the", "subscribe to our",
        "our newsletter", "newsletter sign", "download our app", "download the app", "follow us on",
        "support our journalism", "journalism needs your support", "already a subscriber",
        "this article is for subscribers", "create a free account", "log in to continue", "sign in to continue",
        "sign up for", "also read", "read more:", "bookmark your favourite", "bookmark your favorite", "your saved list",
        "was this page helpful", "click to unmute", "html5 video", "video has an invalid", "enable javascript",
    ]
    /// Disclosures and notes on the comments, long enough to pass for text: matched on blocks
    /// up to ``longestDisclosure``.
    private static let disclosures = [
        "we may receive compensation", "we may earn a commission", "we receive compensation", "affiliate commission",
        "affiliate partnerships", "affiliate links", "independently chosen by our editors", "independently selected by our editors",
        // The rules of the comments below: "Comments on this piece are premoderated to …".
        "comments are premoderated", "are premoderated", "comments are moderated", "comments are closed",
        "commenting is closed", "comments have been disabled", "commenting has been disabled", "comments have been closed",
    ]
    static let longestDisclosure = 500
    private static let disclosureBytes = disclosures.map { Array($0.utf8) }
    /// The words that label a picture's credit.
    private static let creditLabels = ["image:", "photo:", "photograph:", "picture:", "credit:"]
    /// How credit lines under pictures start.
    private static let creditOpenings = creditLabels + ["photos:", "(credit", "(photo", "photo by", "illustration:", "video:"]

    static let longestPhrase = 48
    /// Lines longer than this are text, whatever fragment they hold.
    static let longestFurniture = 160

    private static let fragmentBytes = fragments.map { Array($0.utf8) }

    static func matches(_ text: [UInt8]) -> Bool {
        if isShortcode(text) { return true }
        guard text.count <= longestDisclosure else { return false }
        let lowered = text.map(ASCII.lowercased)
        if isCaptionWithCredit(text, lowered) { return true }
        if disclosureBytes.contains(where: { ASCII.contains(lowered, $0) }) { return true }
        guard text.count <= longestFurniture else { return false }
        if fragmentBytes.contains(where: { ASCII.contains(lowered, $0) }) { return true }
        if isCredit(text, lowered) || isBylineOrDate(text) { return true }
        guard text.count <= longestPhrase else { return false }
        var phrase = String(decoding: text, as: UTF8.self).lowercased()
        while let last = phrase.last, last == " " || last == "." || last == "\u{2026}" || last == ":" { phrase.removeLast() }
        return phrases.contains(phrase)
    }

    /// A line that opens with a publishing system's unexpanded macro, WordPress's
    /// shortcode syntax: `[related id="12" url="..."]`, `[button link="..."]Buy[/button]`.
    /// A bracketed word without attributes ("[sic]", "[Laughter]") is the writer's.
    private static func isShortcode(_ text: [UInt8]) -> Bool {
        guard text.first == UInt8(ascii: "["), text.count > 3, ASCII.isLetter(text[1]), text[1] >= 0x61 else { return false }
        var k = 2
        while k < text.count, ASCII.isLetter(text[k]) || (text[k] >= 0x30 && text[k] <= 0x39) || text[k] == 0x2D || text[k] == 0x5F { k += 1 }
        guard k < text.count, text[k] == 0x20, let close = text[k...].firstIndex(of: UInt8(ascii: "]")) else { return false }
        return text[k..<close].contains(UInt8(ascii: "="))
    }

    /// A picture's credit standing as its own line: "Photo: Jane Doe/Reuters", "Image: Netflix",
    /// "Jane Doe/Getty Images".
    private static func isCredit(_ text: [UInt8], _ lowered: [UInt8]) -> Bool {
        guard text.count <= 80 else { return false }
        if creditOpenings.contains(where: { lowered.starts(with: $0.utf8) }) { return true }
        // Name/Agency: a few capitalised words around a slash, no sentence.
        let words = text.split(separator: 0x20)
        guard (1...6).contains(words.count), text.contains(UInt8(ascii: "/")), !text.contains(UInt8(ascii: ".")) || text.last != UInt8(ascii: ".") else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return true }
            return (first >= 0x41 && first <= 0x5A) || first >= 0x80 || first == UInt8(ascii: "/")
        }
    }

    /// A credit label inside brackets, or after a space; whether it is bracketed.
    private static let creditMarks = creditLabels.flatMap { [(Array("(\($0)".utf8), true), (Array(" \($0)".utf8), false)] }
    /// A credit is a name or two and an agency, not a sentence.
    static let longestCredit = 80
    /// A caption is a sentence or two; a longer line is a paragraph, whatever it ends on.
    static let longestCreditedCaption = 400

    /// A caption whose credit follows it on the same line, as captions set beside their
    /// pictures without `figcaption` are written: "Crowds at the gate (Image: Getty)",
    /// "A map of the fissure. Credit: IMO." An article's sentence does not end that way.
    private static func isCaptionWithCredit(_ text: [UInt8], _ lowered: [UInt8]) -> Bool {
        guard text.count <= longestCreditedCaption else { return false }
        for (needle, bracketed) in creditMarks {
            guard let at = ASCII.lastStart(of: needle, in: lowered), at > 0 else { continue }
            let credit = lowered[(at + needle.count)...]
            guard !credit.isEmpty, credit.count <= longestCredit else { continue }
            // Out of brackets, "image:" may be the writer's ("the new image: a bolder logo");
            // a credit names someone.
            if !bracketed, let first = text[credit.startIndex...].first(where: { $0 != 0x20 }),
               !(first >= 0x41 && first <= 0x5A) && first < 0x80 { continue }
            // Nothing after the credit: no sentence goes on past it.
            let stop = credit.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
            if let stop, stop + 1 < credit.endIndex, credit[(stop + 1)...].contains(where: ASCII.isLetter) { continue }
            return true
        }
        return false
    }

    /// A line that is only a byline ("By Jane Doe", "ByThe Associated Press") or only a date and time.
    private static func isBylineOrDate(_ text: [UInt8]) -> Bool {
        guard text.count <= 60 else { return false }
        if text.count > 3, text.starts(with: "By".utf8), text[2] == 0x20 || (text[2] >= 0x41 && text[2] <= 0x5A),
           !text.contains(UInt8(ascii: ".")) || text.split(separator: 0x20).count <= 6 {
            return text.split(separator: 0x20).count <= 8
        }
        return DateNormalizer.normalize(String(decoding: text, as: UTF8.self)) != nil && text.split(separator: 0x20).count <= 7
    }

    /// A note about the writer at the article's end: "Jane Doe is a reporter covering...",
    /// "She can be reached at ...".
    static func isAuthorNote(_ text: [UInt8]) -> Bool {
        guard text.count <= 600 else { return false }
        let lowered = text.map(ASCII.lowercased)
        for reach in ["reached at", "reach him at", "reach her at", "contact the author"] where ASCII.contains(lowered, Array(reach.utf8)) { return true }
        // "Name is a (senior) reporter covering...": the role soon after a name at the start.
        let opening = Array(lowered.prefix(120))
        for isA in [" is a ", " is an ", " is the "] {
            let needle = Array(isA.utf8)
            guard let at = (0...max(0, min(60, opening.count - needle.count))).first(where: { opening[$0...].starts(with: needle) }) else { continue }
            let after = Array(opening[(at + needle.count)...])
            return ["reporter", "writer", "editor", "correspondent", "journalist", "contributor", "columnist", "freelance", "analyst", "commentator", "critic"]
                .contains { ASCII.contains(after, Array($0.utf8)) }
        }
        return false
    }
}
