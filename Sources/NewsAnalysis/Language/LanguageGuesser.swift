/// Guesses the language from the script of the letters and, for Latin script, from the most
/// common function words of a few European languages. Returns an ISO 639-1 code or "und".
struct LanguageGuesser {
    static let lists: [(String, Set<UInt64>)] = [
        ("en", "the of and to in is that for it with was on as by he at from his an are were be this have which said has not but they had will would their who been"),
        ("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass"),
        ("fr", "le la les de des et un une du en est que qui dans pour pas sur au par plus il ce avec sont aux cette"),
        ("es", "el la de que y en los del se las por un para con una su al lo como más pero sus le ha este"),
        ("it", "il di che la in un per non una sono del della con le si dei gli al da ha nel anche come più"),
        ("pt", "o de que e do da em um para com não uma os no se na por mais as dos como mas ao ele das"),
        ("nl", "de het een en van in is dat op te zijn met voor niet aan er die ook als bij door maar om"),
    ].map { ($0.0, Set($0.1.split(separator: " ").map { FNV.lowercased($0) })) }

    /// Word hash → bit set of the languages whose list has it.
    static let table: [UInt64: UInt8] = {
        var t: [UInt64: UInt8] = [:]
        for (k, list) in lists.enumerated() { for w in list.1 { t[w, default: 0] |= 1 << k } }
        return t
    }()

    func guess(_ doc: Document) -> String {
        var latin = 0, cyrillic = 0, arabic = 0, hebrew = 0, greek = 0, han = 0, kana = 0, hangul = 0, devanagari = 0, thai = 0
        var scores = [Int](repeating: 0, count: Self.lists.count)
        var counted = 0
        for (i, tok) in doc.tokens.enumerated() where tok.kind == .word {
            if counted >= 600 { break }
            counted += 1
            let v = tok.first
            switch v {
            case 0x41...0x24F: latin += 1
            case 0x370...0x3FF: greek += 1
            case 0x400...0x4FF: cyrillic += 1
            case 0x590...0x5FF: hebrew += 1
            case 0x600...0x6FF, 0x750...0x77F: arabic += 1
            case 0x900...0x97F: devanagari += 1
            case 0xE00...0xE7F: thai += 1
            case 0x3040...0x30FF: kana += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: hangul += 1
            default: break
            }
            if v < 0x250, doc.lex[i].contains(.stopword) || tok.length <= 5, let bits = Self.table[tok.lower] {
                for k in 0..<Self.lists.count where bits & (1 << k) != 0 { scores[k] += 1 }
            }
        }
        let scripts = [("la", latin), ("ru", cyrillic), ("ar", arabic), ("he", hebrew), ("el", greek), ("zh", han),
                       ("ja", kana), ("ko", hangul), ("hi", devanagari), ("th", thai)]
        guard let top = scripts.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return "und" }
        if top.0 == "ja" || (top.0 == "zh" && kana > 0) { return "ja" }
        if top.0 != "la" { return top.0 }
        // A language needs a few of its words and a clear lead over the next.
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        let best = ranked[0], second = scores[ranked[1]]
        guard scores[best] >= 3, scores[best] > second else { return "und" }
        return Self.lists[best].0
    }
}
