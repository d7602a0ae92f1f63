import Foundation
import Testing

/// A temporary directory with helpers to write inputs and read the pipeline's outputs.
struct Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ contents: String) throws {
        try write(name, Data(contents.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Writes `count` generated articles as JSON Lines and returns their ids.
    func writeGeneratedArticles(_ name: String, count: Int) throws -> [String] {
        let places = ["Paris", "Moscow", "Jerusalem", "Cairo", "Lima", "Oslo"]
        var lines: [String] = []
        var ids: [String] = []
        for index in 0..<count {
            let id = "gen-\(index)"
            ids.append(id)
            let text = "Headline number \(index)\n\nOfficials in \(places[index % places.count]) said on Monday that talks number \(index) went well. \"We are pleased,\" said Minister Anna Example \(index)."
            let object: [String: Any] = ["id": id, "text": text, "url": "https://example.com/\(index)"]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        try write(name, lines.joined(separator: "\n") + "\n")
        return ids
    }

    /// Every `id` in a JSON Lines file, in order, duplicates kept.
    func ids(in name: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path(name)) else { return [] }
        return try data.split(separator: 0x0A).map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            return try #require(object["id"] as? String)
        }
    }

    /// The JSON objects of a JSON Lines file.
    func records(in name: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path(name)) else { return [] }
        return try data.split(separator: 0x0A).map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
    }

    func lineCount(_ name: String) -> Int {
        (FileManager.default.contents(atPath: path(name)) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// A loopback TCP port nobody listens on right now.
    static func freePort() -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The seed articles shipped in the repository.
    static let seeds: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")
}
