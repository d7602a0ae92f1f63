import ZeroMQ

extension Socket {
    /// Connects to a peer that may not be up yet. Roles start in any order, and libzmq waits
    /// 100 ms before retrying a refused connection; this retries after 10 ms, backing off to
    /// 1 s while the peer stays away.
    func connectRetryingSoon(_ endpoint: String) throws {
        try set(.reconnectInterval, .milliseconds(10))
        try set(.reconnectIntervalMax, .seconds(1))
        try connect(endpoint)
    }
}
