/// A value that writes itself as JSON through a ``JSONWriter``, without `Codable`'s dispatch.
///
/// An implementation writes exactly one value: an object, an array or a scalar.
public protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable where Self: RawRepresentable, RawValue == String {
    /// String-backed enumerations write their raw value, as their `Codable` form does.
    @inlinable
    public func write(to json: inout JSONWriter) { json.value(rawValue) }
}

extension String: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Int: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Double: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Bool: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) {
        json.beginArray()
        for element in self { element.write(to: &json) }
        json.endArray()
    }
}
