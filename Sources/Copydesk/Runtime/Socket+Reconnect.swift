import ZeroMQ

extension Socket {
    /// Connects to a peer that may not be up yet. Roles start in any order, and libzmq waits
    /// 100 ms before retrying a refused connection; this retries after 10 ms, backing off to
    /// libzmq's 100 ms while the peer stays away (no longer, so a peer that comes up late is
    /// found within 100 ms).
    func connectRetryingSoon(_ endpoint: String) throws {
        try set(.reconnectInterval, .milliseconds(10))
        try set(.reconnectIntervalMax, .milliseconds(100))
        try connect(endpoint)
    }
}
