/// Code points from UTF-8 bytes, checked in the same pass.
///
/// The analyzer works on code points. Text that arrives as bytes (a worker's article) would
/// otherwise be checked once to make a `String` and decoded again through its scalar view;
/// this does both at once, eight ASCII bytes at a time.
enum UTF8Scalars {
    /// The code points of `bytes`, or the offset of the first byte that breaks UTF-8
    /// (overlong forms, surrogates and values past U+10FFFF included).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [Unicode.Scalar], invalidOffset: Int?) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ([], nil) }
        let count = bytes.count
        var invalidOffset: Int?
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { output, initialized in
            let out = output.baseAddress!
            var index = 0
            var written = 0
            decoding: while index < count {
                if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for offset in 0..<8 { (out + written + offset).initialize(to: Unicode.Scalar(base[index + offset])) }
                    index += 8
                    written += 8
                    continue
                }
                let lead = base[index]
                if lead < 0x80 {
                    (out + written).initialize(to: Unicode.Scalar(lead))
                    index += 1
                    written += 1
                    continue
                }
                let continuations: Int
                let smallest: UInt32
                var value: UInt32
                switch lead {
                case 0xC2...0xDF: (continuations, smallest, value) = (1, 0x80, UInt32(lead & 0x1F))
                case 0xE0...0xEF: (continuations, smallest, value) = (2, 0x800, UInt32(lead & 0x0F))
                case 0xF0...0xF4: (continuations, smallest, value) = (3, 0x10000, UInt32(lead & 0x07))
                default:
                    invalidOffset = index
                    break decoding
                }
                guard index + continuations < count else {
                    invalidOffset = index
                    break decoding
                }
                for offset in 1...continuations {
                    let byte = base[index + offset]
                    guard byte & 0xC0 == 0x80 else {
                        invalidOffset = index
                        break decoding
                    }
                    value = value << 6 | UInt32(byte & 0x3F)
                }
                guard value >= smallest, let scalar = Unicode.Scalar(value) else {
                    invalidOffset = index
                    break decoding
                }
                (out + written).initialize(to: scalar)
                index += continuations + 1
                written += 1
            }
            initialized = written
        }
        return invalidOffset.map { ([], $0) } ?? (scalars, nil)
    }
}
