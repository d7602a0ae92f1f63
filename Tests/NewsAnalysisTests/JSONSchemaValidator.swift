import Foundation

/// The part of JSON Schema (Draft 2020-12) that `report.schema.json` uses: type, properties,
/// required, additionalProperties, items, enum, minimum, maximum, minItems, pattern and local
/// `$ref`s. Enough to hold every report to the published schema without a dependency.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schema data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every violation, as "path: problem".
    func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, root, "$", &errors)
        return errors
    }

    private func resolve(_ ref: String) -> [String: Any] {
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] ?? [:]
        }
        return node as? [String: Any] ?? [:]
    }

    private func check(_ value: Any, _ schema: [String: Any], _ path: String, _ errors: inout [String]) {
        if let ref = schema["$ref"] as? String { check(value, resolve(ref), path, &errors) }
        if let type = schema["type"] as? String, !matches(value, type) { errors.append("\(path): not \(type)"); return }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            errors.append("\(path): \(value) not in enum")
        }
        if let n = number(value) {
            if let min = schema["minimum"] as? Double, n < min { errors.append("\(path): \(n) < \(min)") }
            if let max = schema["maximum"] as? Double, n > max { errors.append("\(path): \(n) > \(max)") }
        }
        if let s = value as? String, let pattern = schema["pattern"] as? String,
           s.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): \"\(s)\" does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, v) in object {
                if let sub = properties[key] as? [String: Any] { check(v, sub, "\(path).\(key)", &errors) }
                else if schema["additionalProperties"] as? Bool == false { errors.append("\(path): unexpected \(key)") }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { errors.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (k, v) in array.enumerated() { check(v, items, "\(path)[\(k)]", &errors) }
            }
        }
    }

    private func number(_ value: Any) -> Double? {
        guard let n = value as? NSNumber, !isBool(n) else { return nil }
        return n.doubleValue
    }

    private func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" && (n == 0 || n == 1) && "\(n)" != "0" && "\(n)" != "1" }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            guard let n = number(value) else { return false }
            return n.rounded() == n
        case "number": return number(value) != nil
        case "boolean": return value is Bool
        case "null": return value is NSNull
        default: return true
        }
    }
}
