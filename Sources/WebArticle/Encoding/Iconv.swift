#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Transcoding to UTF-8 through the C library's iconv: the one place this module calls it.
enum Iconv {
    /// `bytes` in `encoding`, as UTF-8; each byte that cannot be decoded becomes U+FFFD and
    /// decoding goes on after it. `nil` when the C library does not know the encoding.
    ///
    /// Wraps `iconv_open(3)` and `iconv(3)`.
    static func toUTF8(_ bytes: [UInt8], from encoding: String) -> (text: [UInt8], replaced: Int)? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var written = 0
        var replaced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            var inLeft = source.count
            while inLeft > 0 {
                if output.count - written < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let before = output.count - written
                var outLeft = before
                let result = output.withUnsafeMutableBufferPointer { target -> Int in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress! + written).assumingMemoryBound(to: CChar.self)
                    return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                written += before - outLeft
                if result != -1 { break }
                switch errno {
                case E2BIG:
                    output.append(contentsOf: repeatElement(0, count: output.count))
                case EILSEQ, EINVAL:
                    // An undecodable or cut-off sequence: one replacement, one byte skipped.
                    if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: 16)) }
                    output[written] = 0xEF; output[written + 1] = 0xBF; output[written + 2] = 0xBD
                    written += 3
                    replaced += 1
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                    // Reset the shift state a stateful encoding may be left in.
                    _ = iconv(descriptor, nil, nil, nil, nil)
                default:
                    inLeft = 0
                }
            }
        }
        output.removeSubrange(written...)
        return (output, replaced)
    }
}
