import Foundation

/// Encodes an `Encodable` value straight into JSON bytes, in one pass, members in the order
/// the type encodes them.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values first and costs about as much as
/// the analysis itself for a full report; this writes as it goes. Output differs from
/// `JSONEncoder`'s only where JSON allows: `/` is not escaped, and `Data` is an array of bytes
/// (as its `Codable` conformance says) rather than base64. Non-finite numbers are refused.
public struct JSONLineEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let writer = JSONByteWriter()
        try writer.write(value)
        return writer.bytes
    }
}

/// The output buffer and the value dispatch shared by every container.
final class JSONByteWriter {
    /// Touched only by the one thread encoding; unchecked, because the runtime's dynamic
    /// exclusivity checks on every append cost more than the appends.
    @exclusivity(unchecked) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(16_384)
    }

    func write<Value: Encodable>(_ value: Value) throws {
        // Metatype comparisons, not `as?` casts: a failed dynamic cast per value per type tried
        // cost as much as the rest of the encoding.
        if Value.self == String.self {
            JSONText.appendString(unsafeBitCast(value, to: String.self), to: &bytes)
        } else if Value.self == Int.self {
            appendInteger(unsafeBitCast(value, to: Int.self))
        } else if Value.self == Double.self {
            try appendFloating(unsafeBitCast(value, to: Double.self))
        } else if Value.self == Bool.self {
            append(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if Value.self == URL.self, let url = value as? URL {
            JSONText.appendString(url.absoluteString, to: &bytes)
        } else {
            let encoder = StreamingEncoder(writer: self)
            try value.encode(to: encoder)
            encoder.close()
        }
    }

    func write(_ value: String) { JSONText.appendString(value, to: &bytes) }
    func write(_ value: Bool) { append(value ? "true" : "false") }

    func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func appendInteger(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Digits straight into the buffer, without a temporary String.
    func appendInteger(_ value: Int) {
        guard value != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // Room for 20 digits, filled from the end.
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    func appendFloating(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no \(value)"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }
}

/// One value's encoder: opens the container the value asks for and closes it when done.
final class StreamingEncoder: Encoder {
    enum Opened { case nothing, keyed, unkeyed, single }

    let writer: JSONByteWriter
    @exclusivity(unchecked) private(set) var opened = Opened.nothing
    @exclusivity(unchecked) private var members = 0
    /// A nested container still open inside this one; closed before this one writes again.
    @exclusivity(unchecked) private var openChild: StreamingEncoder?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: JSONByteWriter) {
        self.writer = writer
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(.keyed)
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(.unkeyed)
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if opened == .nothing { opened = .single }
        return SingleValueContainer(encoder: self)
    }

    private func open(_ kind: Opened) {
        guard opened == .nothing else { return }
        opened = kind
        writer.bytes.append(kind == .keyed ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    /// Writes `}` or `]`, or `{}` for a value that encoded nothing (as `JSONEncoder` does).
    func close() {
        closeChild()
        switch opened {
        case .keyed: writer.bytes.append(UInt8(ascii: "}"))
        case .unkeyed: writer.bytes.append(UInt8(ascii: "]"))
        case .nothing: writer.append("{}")
        case .single: break
        }
    }

    private func closeChild() {
        openChild?.close()
        openChild = nil
    }

    /// Starts a member: closes a nested container left open, writes the comma and the key.
    func beginMember(key: String?) {
        if openChild != nil { closeChild() }
        if members > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        members += 1
        if let key {
            JSONText.appendString(key, to: &writer.bytes)
            writer.bytes.append(UInt8(ascii: ":"))
        }
    }

    /// A nested container at the current member, closed when this container moves on.
    func child() -> StreamingEncoder {
        let child = StreamingEncoder(writer: writer)
        openChild = child
        return child
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        encoder.writer.append("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        try encoder.writer.write(value)
    }

    // The primitives synthesised `Codable` code calls directly, written without generic dispatch.
    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        encoder.writer.write(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        encoder.writer.appendInteger(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        try encoder.writer.appendFloating(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.beginMember(key: key.stringValue)
        encoder.writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.beginMember(key: key.stringValue)
        return encoder.child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.beginMember(key: key.stringValue)
        return encoder.child().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.beginMember(key: SuperKey().stringValue)
        return encoder.child()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.beginMember(key: key.stringValue)
        return encoder.child()
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamingEncoder
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: StreamingEncoder) {
        self.encoder = encoder
    }

    mutating func encodeNil() throws {
        encoder.beginMember(key: nil)
        encoder.writer.append("null")
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.beginMember(key: nil)
        try encoder.writer.write(value)
        count += 1
    }

    mutating func encode(_ value: String) throws {
        encoder.beginMember(key: nil)
        encoder.writer.write(value)
        count += 1
    }

    mutating func encode(_ value: Int) throws {
        encoder.beginMember(key: nil)
        encoder.writer.appendInteger(value)
        count += 1
    }

    mutating func encode(_ value: Double) throws {
        encoder.beginMember(key: nil)
        try encoder.writer.appendFloating(value)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.beginMember(key: nil)
        count += 1
        return encoder.child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.beginMember(key: nil)
        count += 1
        return encoder.child().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.beginMember(key: nil)
        count += 1
        return encoder.child()
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamingEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        encoder.writer.append("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.writer.write(value)
    }

    mutating func encode(_ value: String) throws { encoder.writer.write(value) }
    mutating func encode(_ value: Int) throws { encoder.writer.appendInteger(value) }
    mutating func encode(_ value: Double) throws { try encoder.writer.appendFloating(value) }
    mutating func encode(_ value: Bool) throws { encoder.writer.write(value) }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
