import Copydesk
import Dispatch
import ZeroMQ

/// The Swift twin of `czmq_bench_push_pull`: one thread pushes `messages` frames of `size`
/// bytes, the calling thread pulls them, over tcp loopback.
struct PushPullLoop {
    let messages: Int
    let size: Int

    /// Messages per second, from the first send to the last receive.
    func run() throws -> Double {
        let context = try Context()
        let pull = try Socket(context, type: .pull)
        let endpoint = try pull.bind("tcp://127.0.0.1:*")
        let received = DispatchSemaphore(value: 0)
        let (messages, size) = (messages, size)

        let clock = ContinuousClock()
        let start = clock.now
        let sender = SocketThread(name: "bench-push") {
            do {
                let push = try Socket(context, type: .push)
                try push.connect(endpoint)
                let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                for _ in 0..<messages {
                    let frame = payload.withUnsafeBytes { source in
                        Frame(count: size) { $0.copyMemory(from: source) }
                    }
                    try push.send([frame])
                }
                // Keep the socket open until everything has arrived: linger 0 would drop the rest.
                received.wait()
            } catch {
                fatalError("bench sender: \(error)")
            }
        }
        var bytes = 0
        for _ in 0..<messages {
            bytes += try pull.receive().reduce(0) { $0 + $1.count }
        }
        let elapsed = clock.now - start
        received.signal()
        sender.join()
        precondition(bytes == messages * size, "lost bytes: \(bytes) of \(messages * size)")
        return Double(messages) / elapsed.seconds
    }
}
