import Foundation

/// Brown clusters and frequencies of English word forms (`Resources/words.tsv`, from spaCy's
/// lexeme tables; `Tools/build_word_classes.py` says where they come from). Learnt from far
/// more text than any gold file, they tell the tagger which words behave like names of
/// places, people or firms, and how often a word is written with a capital, also for words
/// the gold files never show.
struct WordClasses: Sendable {
    /// One word's written forms: in lowercase, with a capital, and in capitals.
    struct Entry: Sendable {
        var lower = Form()
        var title = Form()
        var upper = Form()
    }

    /// One written form: its cluster (0 when it has none) and log probability × 10.
    struct Form: Sendable {
        var cluster: UInt32 = 0
        var logProbability: Int16 = WordClasses.unseen
    }

    static let unseen = Int16.min

    /// One entry per word; ``Lexicon`` keys them by the hash of the lowercase form, as tokens
    /// carry it, in the one dictionary a token is looked up in.
    let entries: [Entry]
    /// The hash of each entry's lowercase form.
    let keys: [UInt64]

    /// Reads `words.tsv` (`form <TAB> cluster <TAB> log probability × 10` a line, `#` comments)
    /// straight from its code points: 89,000 lines load at every worker start.
    init(tsv: String) {
        let text = tsv.utf8.withContiguousStorageIfAvailable { UTF8Scalars.decode($0).scalars } ?? Array(tsv.unicodeScalars)
        var entries: [Entry] = []
        var keys: [UInt64] = []
        var index: [UInt64: Int] = [:]
        index.reserveCapacity(80_000)
        var i = 0
        while i < text.count {
            var end = i
            while end < text.count, text[end] != "\n" { end += 1 }
            defer { i = end + 1 }
            guard end > i, text[i] != "#", let (key, shape, fields) = Self.fields(text, i..<end) else { continue }
            var entry = index[key].map { entries[$0] } ?? Entry()
            // The table lists each form once, commonest first, so the first of a case stays.
            switch shape {
            case .upper: if entry.upper.logProbability == Self.unseen { entry.upper = fields }
            case .title: if entry.title.logProbability == Self.unseen { entry.title = fields }
            case .lower: if entry.lower.logProbability == Self.unseen { entry.lower = fields }
            }
            if let n = index[key] { entries[n] = entry } else {
                index[key] = entries.count
                entries.append(entry)
                keys.append(key)
            }
        }
        self.entries = entries
        self.keys = keys
    }

    private enum Shape { case lower, title, upper }

    /// One line's lowercase hash, case shape and form; nil for a line that is not three fields
    /// or a form without letters.
    private static func fields(_ text: [Unicode.Scalar], _ line: Range<Int>) -> (UInt64, Shape, Form)? {
        var k = line.lowerBound
        var hash = FNV.offset
        var letters = 0, capitals = 0, firstIsCapital = false
        while k < line.upperBound, text[k] != "\t" {
            let v = text[k].value, folded = Lowercase.fold(v)
            hash = FNV.mix(hash, folded)
            if Tokenizer.isLetter(text[k]) {
                if letters == 0 { firstIsCapital = folded != v }
                letters += 1
                if folded != v { capitals += 1 }
            }
            k += 1
        }
        func number() -> Int? {
            guard k < line.upperBound, text[k] == "\t" else { return nil }
            k += 1
            let negative = k < line.upperBound && text[k] == "-"
            if negative { k += 1 }
            var value = 0, digits = 0
            while k < line.upperBound, text[k].value >= 48, text[k].value <= 57, digits < 10 {
                value = value * 10 + Int(text[k].value) - 48
                digits += 1
                k += 1
            }
            return digits > 0 ? (negative ? -value : value) : nil
        }
        guard letters > 0, let cluster = number(), let p = number(), k == line.upperBound,
              let c = UInt32(exactly: cluster), let lp = Int16(exactly: p) else { return nil }
        let shape: Shape = letters >= 2 && capitals == letters ? .upper : firstIsCapital ? .title : .lower
        return (hash, shape, Form(cluster: c, logProbability: lp))
    }
}
