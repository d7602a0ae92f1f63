import CZMQ

/// How long a send or receive may wait.
public enum Wait: Sendable, Hashable {
    /// Until it can proceed (or the context shuts down).
    case forever
    /// Not at all: return at once when nothing can be done.
    case never
    /// At most this long.
    case timeout(Duration)
}

extension Socket {
    // MARK: Sending

    /// Sends a multipart message, waiting as long as the socket cannot send (high-water mark
    /// reached, or no peer for a socket that needs one); see ``send(_:wait:)``.
    public func send(_ frames: [Frame]) throws {
        _ = try send(frames, wait: .forever)
    }

    /// Sends a multipart message; libzmq delivers all of its frames or none.
    ///
    /// The frames are handed to libzmq and left empty, so none is copied; each is marked
    /// ``Frame/isSent`` and cannot be sent again.
    ///
    /// - Parameters:
    ///   - frames: The message's frames, at least one.
    ///   - wait: How long to wait while the socket cannot send (high-water mark reached, or no
    ///     peer for a socket that needs one).
    /// - Returns: `false` when `wait` ran out before the message could be queued: a message
    ///   that was not sent, which the caller must not ignore (hence no `@discardableResult`).
    ///
    /// Wraps `zmq_msg_send`.
    public func send(_ frames: [Frame], wait: Wait) throws -> Bool {
        precondition(!frames.isEmpty, "a ZeroMQ message has at least one frame")
        precondition(!frames.contains(where: \.isSent), "a frame was sent twice; sending left it empty (Frame.isSent)")
        let handle = try checkedHandle()
        if case .timeout(let duration) = wait, !(try waitUntilReady(.writable, for: duration)) {
            return false
        }
        let noWait = wait == .forever ? 0 : ZMQ_DONTWAIT
        for (index, frame) in frames.enumerated() {
            let more = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            switch System.messageSend(frame.message, handle, noWait | more) {
            case .success:
                frame.isSent = true
            case .failure(.wouldBlock) where index == 0 && wait != .forever:
                return false
            case .failure(let error):
                throw error
            }
        }
        return true
    }

    /// Sends a multipart message whose frames are copies of `parts`, waiting as long as it takes.
    public func send<Part: Collection<UInt8>>(parts: [Part]) throws {
        try send(parts.map { Frame($0) })
    }

    /// Sends a multipart message whose frames are copies of `parts`; `false` when `wait` ran out.
    public func send<Part: Collection<UInt8>>(parts: [Part], wait: Wait) throws -> Bool {
        try send(parts.map { Frame($0) }, wait: wait)
    }

    // MARK: Receiving

    /// Receives one whole multipart message.
    ///
    /// - Parameter wait: How long to wait for a message to arrive.
    /// - Returns: The message's frames, or `nil` when `wait` ran out first.
    ///
    /// Wraps `zmq_msg_recv`.
    public func receive(wait: Wait = .forever) throws -> [Frame]? {
        let handle = try checkedHandle()
        if case .timeout(let duration) = wait, !(try waitUntilReady(.readable, for: duration)) {
            return nil
        }
        let first = Frame()
        switch System.messageReceive(first.message, handle, wait == .forever ? 0 : ZMQ_DONTWAIT) {
        case .success: break
        case .failure(.wouldBlock) where wait != .forever: return nil
        case .failure(let error): throw error  // With `.forever`, EAGAIN means the socket's own timeout ran out.
        }
        var frames = [first]
        // libzmq delivers multipart messages atomically: the other frames are already here.
        while frames[frames.count - 1].hasMore {
            let next = Frame()
            _ = try System.messageReceive(next.message, handle, 0).get()
            frames.append(next)
        }
        return frames
    }

    /// Receives one whole multipart message, waiting as long as it takes (or until the
    /// ``SocketOption/receiveTimeout`` set on the socket runs out: ``ZMQError/wouldBlock``).
    public func receive() throws -> [Frame] {
        // A blocking receive only returns without a message by throwing.
        try receive(wait: .forever)!
    }

    private func waitUntilReady(_ events: PollEvents, for duration: Duration) throws -> Bool {
        let poller = Poller()
        poller.register(self, for: events)
        return try !poller.poll(timeout: duration).isEmpty
    }
}
