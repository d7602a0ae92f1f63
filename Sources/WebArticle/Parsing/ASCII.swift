/// Byte-level helpers for markup, which is ASCII where it matters.
enum ASCII {
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool {
        b | 0x20 >= 0x61 && b | 0x20 <= 0x7A
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// Whether `bytes[at...]` starts with `prefix`, ignoring ASCII case (`prefix` is lowercase).
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where lowercased(bytes[start + k]) != p[k] { return false }
        return true
    }

    /// The first index at or after `from` where `needle` (lowercase) starts, ignoring case.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int) -> Int? {
        let first = needle.utf8Start[0]
        var i = from
        while i < bytes.count {
            guard let hit = firstIndex(of: first, in: bytes, from: i, caseInsensitive: true) else { return nil }
            if hasPrefix(bytes, at: hit, needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// The first index at or after `from` holding `byte` (either case of it, if asked).
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, caseInsensitive: Bool = false) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        if caseInsensitive, isLetter(byte) {
            var i = from
            let lower = byte | 0x20
            while i < bytes.count {
                if bytes[i] | 0x20 == lower { return i }
                i += 1
            }
            return nil
        }
        guard let hit = memchrPointer(base + from, byte, bytes.count - from) else { return nil }
        return base.distance(to: hit)
    }

    /// Whether `bytes` holds `needle` (compared as they are: lowercase both first to ignore case).
    static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n <= bytes.count else { return false }
        let p = needle.utf8Start
        outer: for i in 0...(bytes.count - n) {
            for k in 0..<n where bytes[i + k] != p[k] { continue outer }
            return true
        }
        return false
    }

    /// Whether `bytes` holds `needle`.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, n <= bytes.count else { return n == 0 }
        outer: for i in 0...(bytes.count - n) where bytes[i] == needle[0] {
            for k in 1..<n where bytes[i + k] != needle[k] { continue outer }
            return true
        }
        return false
    }

    /// Where the last `needle` in `bytes` starts.
    static func lastStart(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        let n = needle.count
        guard n > 0, n <= bytes.count else { return nil }
        outer: for i in stride(from: bytes.count - n, through: 0, by: -1) where bytes[i] == needle[0] {
            for k in 1..<n where bytes[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }

    /// FNV-1a of `bytes` lowercased: how tag and attribute names are compared without
    /// making strings.
    @inline(__always)
    static func lowercasedHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(lowercased(bytes[i]))) &* 0x0000_0100_0000_01b3 }
        return h
    }

    static func lowercasedHash(_ name: StaticString) -> UInt64 {
        lowercasedHash(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), 0..<name.utf8CodeUnitCount)
    }

    static func lowercasedHash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { lowercasedHash($0, 0..<$0.count) }
    }
}
