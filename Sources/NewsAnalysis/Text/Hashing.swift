/// FNV-1a, 64 bits: tokens, gazetteer names and model features are keyed by it so that the hot
/// path never allocates a `String`.
enum FNV {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        var h = hash
        var v = value
        repeat {
            h = (h ^ UInt64(v & 0xFF)) &* prime
            v >>= 8
        } while v != 0
        return h
    }

    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        // A 64-bit finaliser (splitmix) so combined keys spread over the whole word.
        var x = a &+ 0x9E37_79B9_7F4A_7C15 &* (b | 1) ^ (b &<< 17)
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// Hash of the lowercase form of `text`, as the tokenizer computes it for a word token.
    static func lowercased<S: StringProtocol>(_ text: S) -> UInt64 {
        var h = offset
        for scalar in text.unicodeScalars { h = mix(h, Lowercase.fold(scalar.value)) }
        return h
    }

    /// Hash of a phrase: the lowercase hashes of its words, in order.
    static func phrase(_ words: [UInt64]) -> UInt64 {
        var h = offset
        for w in words { h = combine(h, w) }
        return h
    }
}

/// Cheap case folding for hashing: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
enum Lowercase {
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 65 && v <= 90) ? v + 32 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 32 }
        if v >= 0x100 && v <= 0x17F { return v | 1 == v ? v : v + 1 }
        if v >= 0x391 && v <= 0x3AB { return v + 32 }
        if v >= 0x410 && v <= 0x42F { return v + 32 }
        if v >= 0x400 && v <= 0x40F { return v + 80 }
        if v == 0x2019 { return 0x27 }  // ’ hashes as '
        return v
    }
}
