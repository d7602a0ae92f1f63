import CZMQ

// Every libzmq call the wrapper makes goes through exactly one function in this file, so the
// unsafe surface is one file long. Each returns a `Result` instead of a sentinel and `errno`,
// and retries calls that a signal interrupted (`EINTR`), so no caller ever sees one.

/// Runs `call` until it does not fail with `EINTR`; a negative result becomes the current error.
@inline(__always)
private func retryingInterrupts(_ call: () -> CInt) -> Result<CInt, ZMQError> {
    while true {
        let result = call()
        if result >= 0 { return .success(result) }
        let error = ZMQError.current
        if error != .interrupted { return .failure(error) }
    }
}

enum System {
    static func contextNew() -> UnsafeMutableRawPointer? { zmq_ctx_new() }

    static func contextSet(_ context: UnsafeMutableRawPointer, _ option: CInt, _ value: CInt) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_ctx_set(context, option, value) }
    }

    static func contextShutdown(_ context: UnsafeMutableRawPointer) {
        _ = zmq_ctx_shutdown(context)
    }

    static func contextTerminate(_ context: UnsafeMutableRawPointer) {
        _ = retryingInterrupts { zmq_ctx_term(context) }
    }

    static func socket(_ context: UnsafeMutableRawPointer, _ type: CInt) -> Result<UnsafeMutableRawPointer, ZMQError> {
        guard let handle = zmq_socket(context, type) else { return .failure(.current) }
        return .success(handle)
    }

    static func close(_ socket: UnsafeMutableRawPointer) {
        _ = zmq_close(socket)
    }

    static func bind(_ socket: UnsafeMutableRawPointer, _ endpoint: String) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_bind(socket, endpoint) }
    }

    static func connect(_ socket: UnsafeMutableRawPointer, _ endpoint: String) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_connect(socket, endpoint) }
    }

    static func unbind(_ socket: UnsafeMutableRawPointer, _ endpoint: String) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_unbind(socket, endpoint) }
    }

    static func disconnect(_ socket: UnsafeMutableRawPointer, _ endpoint: String) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_disconnect(socket, endpoint) }
    }

    static func setOption(_ socket: UnsafeMutableRawPointer, _ option: CInt, _ value: UnsafeRawBufferPointer) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_setsockopt(socket, option, value.baseAddress, value.count) }
    }

    static func getOption(_ socket: UnsafeMutableRawPointer, _ option: CInt, _ buffer: UnsafeMutableRawBufferPointer) -> Result<Int, ZMQError> {
        var size = buffer.count
        return retryingInterrupts { zmq_getsockopt(socket, option, buffer.baseAddress, &size) }.map { _ in size }
    }

    static func messageInit(_ message: UnsafeMutablePointer<zmq_msg_t>) {
        _ = zmq_msg_init(message)
    }

    static func messageInit(_ message: UnsafeMutablePointer<zmq_msg_t>, size: Int) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_msg_init_size(message, size) }
    }

    static func messageClose(_ message: UnsafeMutablePointer<zmq_msg_t>) {
        _ = zmq_msg_close(message)
    }

    static func messageData(_ message: UnsafeMutablePointer<zmq_msg_t>) -> UnsafeMutableRawPointer? {
        zmq_msg_data(message)
    }

    static func messageSize(_ message: UnsafeMutablePointer<zmq_msg_t>) -> Int {
        zmq_msg_size(message)
    }

    static func messageMore(_ message: UnsafeMutablePointer<zmq_msg_t>) -> Bool {
        zmq_msg_more(message) != 0
    }

    static func messageSend(_ message: UnsafeMutablePointer<zmq_msg_t>, _ socket: UnsafeMutableRawPointer, _ flags: CInt) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_msg_send(message, socket, flags) }
    }

    static func messageReceive(_ message: UnsafeMutablePointer<zmq_msg_t>, _ socket: UnsafeMutableRawPointer, _ flags: CInt) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_msg_recv(message, socket, flags) }
    }

    static func poll(_ items: UnsafeMutablePointer<zmq_pollitem_t>, _ count: Int, _ timeoutMilliseconds: Int) -> Result<CInt, ZMQError> {
        let ready = zmq_poll(items, CInt(count), timeoutMilliseconds)
        return ready >= 0 ? .success(ready) : .failure(.current)
    }

    static func has(_ capability: String) -> Bool {
        zmq_has(capability) != 0
    }

    static func version() -> (major: Int, minor: Int, patch: Int) {
        var major: CInt = 0, minor: CInt = 0, patch: CInt = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    static func curveKeyPair(_ publicKey: UnsafeMutablePointer<CChar>, _ secretKey: UnsafeMutablePointer<CChar>) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_curve_keypair(publicKey, secretKey) }
    }

    static func curvePublic(_ publicKey: UnsafeMutablePointer<CChar>, _ secretKey: UnsafePointer<CChar>) -> Result<CInt, ZMQError> {
        retryingInterrupts { zmq_curve_public(publicKey, secretKey) }
    }

    static func z85Encode(_ destination: UnsafeMutablePointer<CChar>, _ data: UnsafePointer<UInt8>, _ size: Int) -> Bool {
        zmq_z85_encode(destination, data, size) != nil
    }

    static func z85Decode(_ destination: UnsafeMutablePointer<UInt8>, _ string: String) -> Bool {
        zmq_z85_decode(destination, string) != nil
    }
}
