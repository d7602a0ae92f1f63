import Foundation
import Synchronization

/// Hosts made of Linux network namespaces joined by veth pairs, for tests of what crosses a
/// network: a hub and spokes, each spoke on its own /24 with the hub at .1 and itself at .2.
final class NetworkNamespaces: @unchecked Sendable {
    // @unchecked: built and torn down by the test; other threads only run `ip` commands through it.
    let prefix: String
    private(set) var names: [String] = []
    private var resolverDirectories: [String] = []

    /// Whether this machine lets us make namespaces (root and iproute2).
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") || FileManager.default.isExecutableFile(atPath: "/sbin/ip") else { return false }
        let probe = "cdprobe\(getpid())"
        guard (try? run(["netns", "add", probe])) != nil else { return false }
        _ = try? run(["netns", "del", probe])
        return true
    }()

    /// Suites run side by side in one process: each set of hosts gets its own names.
    private static let made = Mutex(0)

    init() {
        let number = Self.made.withLock { count in
            count += 1
            return count
        }
        prefix = "cd\(getpid() % 100_000)n\(number)"
    }

    var hub: String { "\(prefix)hub" }

    func spoke(_ index: Int) -> String { "\(prefix)s\(index)" }

    /// The hub's address as seen from spoke `index`.
    func hubAddress(from index: Int) -> String { "10.231.\(index).1" }

    /// Makes the hub and `count` spokes, each linked to the hub.
    func build(spokes count: Int) throws {
        try add(hub)
        for index in 1...count {
            let spoke = spoke(index)
            try add(spoke)
            let hubEnd = hubInterface(index)
            let spokeEnd = "\(prefix)v\(index)"
            try Self.run(["link", "add", hubEnd, "type", "veth", "peer", "name", spokeEnd])
            try Self.run(["link", "set", hubEnd, "netns", hub])
            try Self.run(["link", "set", spokeEnd, "netns", spoke])
            try Self.run(["-n", hub, "addr", "add", "10.231.\(index).1/24", "dev", hubEnd])
            try Self.run(["-n", spoke, "addr", "add", "10.231.\(index).2/24", "dev", spokeEnd])
            try Self.run(["-n", hub, "link", "set", hubEnd, "up"])
            try Self.run(["-n", spoke, "link", "set", spokeEnd, "up"])
        }
    }

    func hubInterface(_ index: Int) -> String { "\(prefix)h\(index)" }

    /// Lets the spokes reach one another: the hub forwards, each spoke routes through it.
    func routeThroughHub(spokes count: Int) throws {
        try Self.run(["netns", "exec", hub, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"])
        for index in 1...count {
            try Self.run(["-n", spoke(index), "route", "add", "default", "via", hubAddress(from: index)])
        }
    }

    /// Gives `name` its own resolver (`ip netns exec` mounts /etc/netns/NAME/* over /etc):
    /// a hosts file with localhost only, and `nameserver` as its DNS server.
    func useResolver(in name: String, nameserver: String) throws {
        let directory = "/etc/netns/\(name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "127.0.0.1 localhost\n".write(toFile: directory + "/hosts", atomically: true, encoding: .utf8)
        try "nameserver \(nameserver)\n".write(toFile: directory + "/resolv.conf", atomically: true, encoding: .utf8)
        resolverDirectories.append(directory)
    }

    /// Adds `address` (with its /24) to spoke `index`'s link.
    func addAddress(_ address: String, to index: Int) throws {
        try Self.run(["-n", spoke(index), "addr", "add", "\(address)/24", "dev", "\(prefix)v\(index)"])
    }

    /// Takes `address` off spoke `index`'s link.
    func removeAddress(_ address: String, from index: Int) throws {
        try Self.run(["-n", spoke(index), "addr", "del", "\(address)/24", "dev", "\(prefix)v\(index)"])
    }

    /// Cuts spoke `index` off: its link goes down, packets are dropped without a word.
    func cut(_ index: Int) throws {
        try Self.run(["-n", hub, "link", "set", hubInterface(index), "down"])
    }

    /// Arguments that run `arguments` inside namespace `name`.
    func inside(_ name: String, _ arguments: [String]) -> [String] {
        ["netns", "exec", name] + arguments
    }

    func tearDown() {
        for name in names.reversed() { _ = try? Self.run(["netns", "del", name]) }
        names.removeAll()
        for directory in resolverDirectories { try? FileManager.default.removeItem(atPath: directory) }
        resolverDirectories.removeAll()
    }

    deinit { tearDown() }

    private func add(_ name: String) throws {
        try Self.run(["netns", "add", name])
        names.append(name)
        try Self.run(["-n", name, "link", "set", "lo", "up"])
    }

    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") ? "/usr/sbin/ip" : "/sbin/ip")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NamespaceError(command: "ip " + arguments.joined(separator: " "), message: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    struct NamespaceError: Error, CustomStringConvertible {
        let command: String
        let message: String
        var description: String { "\(command): \(message)" }
    }
}
