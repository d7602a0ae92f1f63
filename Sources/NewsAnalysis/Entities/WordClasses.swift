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

    init(tsv: String) {
        var entries: [Entry] = []
        var keys: [UInt64] = []
        var index: [UInt64: Int] = [:]
        index.reserveCapacity(80_000)
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3, let cluster = UInt32(f[1]), let p = Int16(f[2]) else { continue }
            let form = f[0]
            let key = FNV.lowercased(form)
            // The case of the form: of its first letter, and whether all of two or more are capitals.
            var letters = 0, capitals = 0, firstIsCapital = false
            for c in form.unicodeScalars where Tokenizer.isLetter(c) {
                let capital = Lowercase.fold(c.value) != c.value
                if letters == 0 { firstIsCapital = capital }
                letters += 1
                if capital { capitals += 1 }
            }
            guard letters > 0 else { continue }
            let upper = letters >= 2 && capitals == letters
            let n = index[key] ?? {
                index[key] = entries.count
                entries.append(Entry())
                keys.append(key)
                return entries.count - 1
            }()
            var entry = entries[n]
            let value = Form(cluster: cluster, logProbability: p)
            // The table lists each form once, commonest first, so the first of a case stays.
            if upper {
                if entry.upper.logProbability == Self.unseen { entry.upper = value }
            } else if firstIsCapital {
                if entry.title.logProbability == Self.unseen { entry.title = value }
            } else if entry.lower.logProbability == Self.unseen {
                entry.lower = value
            }
            entries[n] = entry
        }
        self.entries = entries
        self.keys = keys
    }
}
