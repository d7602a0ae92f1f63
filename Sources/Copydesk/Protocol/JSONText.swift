/// Writes JSON text straight into byte buffers: the pipeline's records are simple and hot,
/// so they skip `JSONEncoder`.
public enum JSONText {
    /// Appends `value` as a JSON string literal, copying runs that need no escape in bulk.
    public static func appendString(_ value: String, to buffer: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &buffer) }
    }

    private static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":` with a leading comma unless it is the object's first member.
    public static func appendKey(_ key: String, first: Bool = false, to buffer: inout [UInt8]) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        appendString(key, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
    }

    /// A JSON string literal for `value`.
    public static func string(_ value: String) -> [UInt8] {
        var buffer: [UInt8] = []
        appendString(value, to: &buffer)
        return buffer
    }
}
