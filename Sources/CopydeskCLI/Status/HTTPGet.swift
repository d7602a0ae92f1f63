import Glibc

/// A plain HTTP/1.0 GET over a POSIX socket, enough to read a role's `/metrics` page.
///
/// `status` used Foundation's URL loading, which links FoundationNetworking and with it
/// libcurl: the one library the runtime image lacked, so the binary did not start there
/// (Deploy/README.md). One request per call, a bounded wait, no redirects, no TLS.
enum HTTPGet {
    enum Failure: Error, CustomStringConvertible {
        case unsupportedURL(String)
        case unresolved(String)
        case unreachable(String)
        case status(String)

        var description: String {
            switch self {
            case .unsupportedURL(let url): "not an http://host:port/path URL: \(url)"
            case .unresolved(let host): "cannot resolve \(host)"
            case .unreachable(let address): "cannot connect to \(address)"
            case .status(let line): "answered \(line)"
            }
        }
    }

    /// The body of `url` (`http://host[:port][/path]`), waiting at most `timeoutSeconds` for
    /// the connection and for each read.
    static func body(of url: String, timeoutSeconds: Int = 2) throws -> [UInt8] {
        let (host, port, path) = try parse(url)
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, port, &hints, &found) == 0, let first = found else { throw Failure.unresolved(host) }
        defer { freeaddrinfo(first) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            defer { close(socket) }
            // On Linux the send timeout bounds connect as well.
            setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            guard connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else { continue }
            let request = Array("GET \(path) HTTP/1.0\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { continue }
            return try responseBody(readAll(socket))
        }
        throw Failure.unreachable("\(host):\(port)")
    }

    private static func parse(_ url: String) throws -> (host: String, port: String, path: String) {
        guard url.hasPrefix("http://") else { throw Failure.unsupportedURL(url) }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        var host = Substring(authority)
        var port: Substring = "80"
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {  // [::1]:9570
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, !port.isEmpty, port.allSatisfy(\.isNumber) else { throw Failure.unsupportedURL(url) }
        return (String(host), String(port), path.isEmpty ? "/" : String(path))
    }

    private static func readAll(_ socket: Int32) -> [UInt8] {
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 { response += chunk[..<count] } else if count < 0, errno == EINTR { continue } else { break }
        }
        return response
    }

    private static func responseBody(_ response: [UInt8]) throws -> [UInt8] {
        guard let headerEnd = response.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure.status("without a complete header")
        }
        let statusLine = String(decoding: response.prefix { $0 != 0x0D }, as: UTF8.self)
        let code = statusLine.split(separator: " ").dropFirst().first
        guard code == "200" else { throw Failure.status(statusLine) }
        return Array(response[headerEnd.upperBound...])
    }
}
