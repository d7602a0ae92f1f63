import CZMQ

/// One frame (message part) of a ZeroMQ message, held in libzmq's own buffer (`zmq_msg_t`).
///
/// A multipart message is an array of frames. Receiving fills frames without copying out of
/// libzmq; sending hands the buffer to libzmq, which leaves the frame empty, so a frame that was
/// received can be forwarded to another socket without a copy. A frame is therefore sent once:
/// ``isSent`` says it has been, and sending it again stops the program (it would send nothing).
public final class Frame {
    let message: UnsafeMutablePointer<zmq_msg_t>
    /// Whether the frame has been sent, which leaves it empty; build a new frame to send again.
    public internal(set) var isSent = false

    /// An empty frame.
    public init() {
        message = .allocate(capacity: 1)
        System.messageInit(message)
    }

    /// A frame of `count` bytes that `initializer` writes in place, so the bytes are built
    /// straight into the buffer libzmq will send.
    ///
    /// Wraps `zmq_msg_init_size`.
    public init(count: Int, initializingWith initializer: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        message = .allocate(capacity: 1)
        if case .failure = System.messageInit(message, size: count) {
            // Only ENOMEM is possible: there is nothing sensible left to do.
            message.deallocate()
            fatalError("libzmq could not allocate a \(count)-byte frame")
        }
        do {
            try initializer(UnsafeMutableRawBufferPointer(start: System.messageData(message), count: count))
        } catch {
            System.messageClose(message)
            message.deallocate()
            throw error
        }
    }

    /// A frame holding a copy of `bytes`.
    ///
    /// Inlinable so that callers get a version specialised for their collection: the generic
    /// one looked up type metadata at run time for every frame.
    @inlinable
    public convenience init(_ bytes: some Collection<UInt8>) {
        self.init(count: bytes.count) { buffer in
            if bytes.withContiguousStorageIfAvailable({ buffer.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
                _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
            }
        }
    }

    /// A frame holding the UTF-8 bytes of `string`.
    @inlinable
    public convenience init(_ string: String) {
        self.init(string.utf8)
    }

    deinit {
        System.messageClose(message)
        message.deallocate()
    }

    /// The number of bytes in the frame.
    public var count: Int { System.messageSize(message) }

    /// Whether more frames of the same message follow this one (set on received frames).
    public var hasMore: Bool { System.messageMore(message) }

    /// Calls `body` with the frame's bytes, valid only during the call.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: System.messageData(message), count: count))
    }

    /// A copy of the frame's bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// The frame as UTF-8 text, or `nil` when it is not valid UTF-8.
    public var string: String? {
        withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
    }

    /// Whether the frame holds exactly these bytes, compared without copying.
    @inlinable
    public func equals(_ other: some Collection<UInt8>) -> Bool {
        withUnsafeBytes { $0.elementsEqual(other) }
    }
}

extension Frame: CustomStringConvertible {
    public var description: String {
        let shown = withUnsafeBytes { $0.prefix(32).map { String($0, radix: 16) }.joined(separator: " ") }
        return "Frame(\(count) bytes: \(shown)\(count > 32 ? " ..." : ""))"
    }
}
