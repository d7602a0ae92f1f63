import ZeroMQ

/// Several fields in one frame, each a 4-byte big-endian length and then that many bytes.
///
/// `copydesk/1` sent every field of an article as a frame of its own: nine frames per task,
/// each a libzmq message to allocate, queue, encode, decode and free on both sides. Packed,
/// a task is two frames (its fields, then its body). Any language reads this with a few lines
/// (Python: `struct.unpack_from(">I", frame, offset)`).
struct PackedFields {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ field: some Collection<UInt8>) {
        let count = UInt32(field.count)
        bytes += [UInt8(count >> 24), UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count)]
        bytes.append(contentsOf: field)
    }

    mutating func append(_ text: String) {
        append(text.utf8)
    }

    var frame: Frame { Frame(bytes) }

    /// The fields of `frame`; `malformed` when a length runs past its end.
    static func read(_ frame: Frame) throws(WireError) -> [[UInt8]] {
        let fields = frame.withUnsafeBytes { bytes -> [[UInt8]]? in
            var fields: [[UInt8]] = []
            var offset = 0
            while offset < bytes.count {
                guard bytes.count - offset >= 4 else { return nil }
                let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
                offset += 4
                guard length <= bytes.count - offset else { return nil }
                fields.append(Array(bytes[offset..<(offset + length)]))
                offset += length
            }
            return fields
        }
        guard let fields else { throw .malformed("a packed frame's field runs past its end") }
        return fields
    }
}
