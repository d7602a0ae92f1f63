/// windows-1252, the WHATWG fallback for legacy pages and what `iso-8859-1` and `us-ascii`
/// labels mean on the web. Decoded here rather than by iconv, whose CP1252 refuses the five
/// bytes the WHATWG table maps to C1 controls.
enum Windows1252 {
    /// 0x80–0x9F; the rest of the bytes are their own code points.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The code point of a byte in 0x80–0x9F.
    static func scalar(forHighByte byte: UInt8) -> UInt32 {
        UInt32(high[Int(byte) - 0x80])
    }

    /// The UTF-8 of `bytes` read as windows-1252.
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                output.append(b)
            } else {
                CharacterReferences.appendScalar(b < 0xA0 ? scalar(forHighByte: b) : UInt32(b), to: &output)
            }
        }
        return output
    }
}
