import Foundation
import Synchronization
import Testing

/// A temporary directory with helpers to write inputs and read the pipeline's outputs.
///
/// Every workspace is removed when the test process exits, not when the value goes out of
/// scope: a child process may still be writing into it until the test has stopped it. Set
/// `COPYDESK_KEEP_TEST_FILES=1` to keep them for a post-mortem.
struct Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        Self.removeAtExit(url)
    }

    private static let created = Mutex<[URL]?>(nil)

    private static func removeAtExit(_ url: URL) {
        guard ProcessInfo.processInfo.environment["COPYDESK_KEEP_TEST_FILES"] == nil else { return }
        created.withLock { urls in
            if urls == nil {
                urls = []
                atexit {
                    for url in Workspace.created.withLock({ $0 ?? [] }) { try? FileManager.default.removeItem(at: url) }
                }
            }
            urls?.append(url)
        }
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

    /// The endpoints a role bound, from the `--endpoints-file` it was given (`name`), once it
    /// has written it; so a test can let the kernel choose the port (`tcp://127.0.0.1:*`).
    func boundEndpoints(_ name: String, of role: ChildProcess) async throws -> [String: String] {
        try await waitUntil(timeout: .seconds(30)) { FileManager.default.fileExists(atPath: path(name)) || !role.process.isRunning }
        let data = try #require(FileManager.default.contents(atPath: path(name)), "\(role.name) exited before it was ready: \(role.stderr.suffix(500))")
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    /// The JSON objects of a JSON Lines file.
    func records(in name: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path(name)) else { return [] }
        return try data.split(separator: 0x0A).map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
    }

    func lineCount(_ name: String) -> Int {
        (FileManager.default.contents(atPath: path(name)) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// A loopback TCP port for a test to bind, free when handed out. It is taken below the
    /// kernel's ephemeral range (32768 and up on Linux), where connecting sockets pick their
    /// own ports, and never handed out twice in a run: a port the kernel chose and freed
    /// could be given to the next connection before the test's process binds it.
    static func freePort() -> Int {
        while true {
            let port = nextPort.withLock { next in
                defer { next = next >= lastPort ? firstPort : next + 1 }
                return next
            }
            if canBind(port) { return port }
        }
    }

    static let firstPort = 20_000, lastPort = 32_000
    /// Where this run starts handing out ports: spread by process so runs side by side differ.
    private static let nextPort = Mutex(firstPort + Int(getpid() % 1_000) * 12)

    private static func canBind(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// The seed articles shipped in the repository.
    static let seeds: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")
}
