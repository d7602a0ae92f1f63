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
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(16_384)
    }

    func write<Value: Encodable>(_ value: Value) throws {
        switch value {
        case let text as String: JSONText.appendString(text, to: &bytes)
        case let number as Int: appendInteger(number)
        case let number as Double: try appendFloating(number)
        case let flag as Bool: append(flag ? "true" : "false")
        case let url as URL: JSONText.appendString(url.absoluteString, to: &bytes)
        default:
            let encoder = StreamingEncoder(writer: self)
            try value.encode(to: encoder)
            encoder.close()
        }
    }

    func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func appendInteger(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
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
    private(set) var opened = Opened.nothing
    private var members = 0
    /// A nested container still open inside this one; closed before this one writes again.
    private var openChild: StreamingEncoder?

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
    func beginMember(key: (any CodingKey)?) {
        closeChild()
        if members > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        members += 1
        if let key {
            JSONText.appendString(key.stringValue, to: &writer.bytes)
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
        encoder.beginMember(key: key)
        encoder.writer.append("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.beginMember(key: key)
        try encoder.writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.beginMember(key: key)
        return encoder.child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.beginMember(key: key)
        return encoder.child().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.beginMember(key: SuperKey())
        return encoder.child()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.beginMember(key: key)
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
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
