import Foundation
import Synchronization

/// The address of a peer's host name, looked up again and again on threads of its own.
///
/// libzmq resolves the name of a `tcp://name:port` endpoint with a blocking `getaddrinfo` on
/// its I/O thread, at every reconnect. While a peer's container is down its name does not
/// resolve, and a DNS server that forwards the unknown name upstream can take 10 s or more to
/// say so. All that while the I/O thread waits, and every socket of the process waits with it:
/// a worker's heartbeats stopped, so the ventilator declared it lost, and `zmq_ctx_term` waited
/// too, so a role told to stop hung. Lookups done here hold up no socket. They also overlap: a
/// lookup still waiting does not hold up the next, so the peer's new address is seen within
/// about a second of its name answering again, not after the stuck lookup's 10 s (glibc asks
/// at 0 s and 5 s, and gives up at 10 s). The lookups are spread over that time: the more are
/// waiting, the longer the wait before another starts (250 ms, then 500 ms from 8 waiting, a
/// second from 16), so their questions keep reaching the server about every second however
/// long the name stays silent, without more than ``maximumLookups`` threads. (With 8 every
/// 250 ms, they were all asked in the first 2 s and answered at 10 s, and a name that came back
/// at 7 s was seen at 10.) A lookup that never returns holds up only its thread, which nobody
/// joins.
final class AddressWatch: Sendable {
    /// The host and port of `endpoint` when its host is a name to look up (`tcp://sink:5571`);
    /// `nil` for numeric addresses, `*`, interface names and other transports.
    static func hostName(in endpoint: String) -> (host: String, port: String)? {
        guard endpoint.hasPrefix("tcp://"), !endpoint.contains(";") else { return nil }
        let authority = endpoint.dropFirst("tcp://".count)
        guard !authority.hasPrefix("["), let colon = authority.lastIndex(of: ":") else { return nil }
        let host = String(authority[..<colon])
        let port = String(authority[authority.index(after: colon)...])
        guard !host.isEmpty, host != "*", !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
        var probe = in_addr()
        return inet_pton(AF_INET, host, &probe) == 1 ? nil : (host, port)
    }

    static let maximumLookups = 32

    private struct State {
        /// The addresses last found, as endpoints (`tcp://10.88.0.5:5571`), IPv4 first.
        var endpoints: [String] = []
        /// Lookups are numbered as they start; only a result newer than the last taken counts.
        var started = 0
        var taken = 0
        var pending = 0
        var lastFound = false
    }

    private let state = Mutex(State())
    private let changes = Atomic<UInt64>(0)
    private let stopped = Atomic<Bool>(false)

    /// Starts looking up `host` every `interval`, and more often while it does not resolve or a
    /// lookup is still waiting.
    init(host: String, port: String, interval: Duration = .seconds(1)) {
        // The thread keeps the watch alive until it has seen the stop.
        let thread = Thread {
            while !self.stopped.load(ordering: .relaxed) {
                self.startLookup(host, port)
                let (settled, pending) = self.state.withLock { ($0.pending == 0 && $0.lastFound, $0.pending) }
                self.sleep(settled ? interval : Self.retryInterval(pending: pending))
            }
        }
        thread.name = "resolve \(host)"
        thread.start()
    }

    /// How long to wait before another lookup while `pending` are still waiting: 250 ms for
    /// each four waiting, and never less than 250 ms.
    static func retryInterval(pending: Int) -> Duration {
        .milliseconds(250) * max(1, pending / 4)
    }

    private func startLookup(_ host: String, _ port: String) {
        let number: Int? = state.withLock { state in
            guard state.pending < Self.maximumLookups else { return nil }
            state.pending += 1
            state.started += 1
            return state.started
        }
        guard let number else { return }
        let lookup = Thread {
            let found = Self.lookUp(host, port)
            let changed = self.state.withLock { state in
                state.pending -= 1
                guard number > state.taken else { return false }
                state.taken = number
                state.lastFound = !found.isEmpty
                // Not found: keep the last address; the peer may be restarting there.
                guard !found.isEmpty, found != state.endpoints else { return false }
                state.endpoints = found
                return true
            }
            if changed { self.changes.add(1, ordering: .releasing) }
        }
        lookup.name = "resolve \(host)"
        lookup.start()
    }

    /// How many times the address has changed: cheap to read on every turn of a loop.
    var changeCount: UInt64 { changes.load(ordering: .acquiring) }

    /// The addresses last found, as endpoints, IPv4 first; empty until the name first resolves.
    var current: [String] { state.withLock { $0.endpoints } }

    /// Ends the lookups after the one under way.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// The addresses of `host` as ZeroMQ endpoints, IPv4 first; empty when it does not resolve.
    private static func lookUp(_ host: String, _ port: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, port, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [(text: String, isIPv6: Bool)] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            switch current.pointee.ai_family {
            case AF_INET:
                current.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
                addresses.append((Self.string(text), false))
            case AF_INET6:
                current.pointee.ai_addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
                addresses.append((Self.string(text), true))
            default:
                continue
            }
        }
        var endpoints: [String] = []
        for address in addresses.filter({ !$0.isIPv6 }) + addresses.filter(\.isIPv6) {
            let endpoint = address.isIPv6 ? "tcp://[\(address.text)]:\(port)" : "tcp://\(address.text):\(port)"
            if !endpoints.contains(endpoint) { endpoints.append(endpoint) }
        }
        return endpoints
    }

    private static func string(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sleeps `duration`, or less once stopped.
    private func sleep(_ duration: Duration) {
        var left = duration
        while left > .zero, !stopped.load(ordering: .relaxed) {
            let step = min(left, .milliseconds(50))
            Thread.sleep(forTimeInterval: step.seconds)
            left -= step
        }
    }
}
