/// UTF-8 checks on raw bytes.
enum UTF8Validation {
    /// The offset of the first byte that breaks UTF-8, or `nil` for valid UTF-8.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        // ASCII runs, the bulk of a page, are skipped eight bytes at a time.
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var i = 0
            while i < count {
                if i + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b = buffer[i]
                if b < 0x80 { i += 1; continue }
                let length: Int, minimum: UInt32
                var value: UInt32
                switch b {
                case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(b & 0x1F))
                case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(b & 0x0F))
                case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(b & 0x07))
                default: return i
                }
                guard i + length <= count else { return i }
                for k in 1..<length {
                    let c = buffer[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    value = value << 6 | UInt32(c & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
                i += length
            }
            return nil
        }
    }

    /// `bytes` with every invalid sequence replaced by U+FFFD, and how many were replaced.
    static func repaired(_ bytes: [UInt8]) -> ([UInt8], Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): CharacterReferences.appendScalar(scalar.value, to: &output)
            case .error:
                replaced += 1
                CharacterReferences.appendScalar(0xFFFD, to: &output)
            case .emptyInput: break loop
            }
        }
        return (output, replaced)
    }
}
