import Testing
import ZeroMQ

/// A socket belongs to the thread that made it: using it from another one stops the process
/// with a clear message rather than corrupting libzmq's state.
struct OwnershipTests {
    @Test func usingASocketOnAnotherThreadStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            /// Hands a socket to another thread, as the check exists to forbid.
            final class Smuggled: @unchecked Sendable {
                let socket: Socket
                init(_ socket: Socket) { self.socket = socket }
            }
            let context = try! Context()
            let smuggled = Smuggled(try! Socket(context, type: .push))
            SocketThread(name: "intruder") { _ = try? smuggled.socket.bind("inproc://owned") }.join()
        }
    }

    @Test func theOwningThreadMayUseItsSocket() async throws {
        let bound = try await SocketThread.run {
            let context = try Context()
            let socket = try Socket(context, type: .push)
            return try socket.bind("inproc://owned")
        }
        #expect(bound == "inproc://owned")
    }
}

/// Sending hands a frame's buffer to libzmq: a sent frame says so and cannot be sent again.
struct FrameOnceTests {
    @Test func aSentFrameIsMarkedSent() async throws {
        let marked = try await SocketThread.run {
            let context = try Context()
            let pull = try Socket(context, type: .pull)
            let endpoint = try pull.bind("inproc://once")
            let push = try Socket(context, type: .push)
            try push.connect(endpoint)
            let frame = Frame("hello")
            let before = frame.isSent
            try push.send([frame])
            return (before, frame.isSent, try pull.receive().first?.string)
        }
        #expect(marked.0 == false && marked.1 == true && marked.2 == "hello")
    }

    @Test func sendingAFrameTwiceStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let context = try! Context()
            let push = try! Socket(context, type: .push)
            try! push.connect("inproc://nobody")
            let frame = Frame("twice")
            _ = try? push.send([frame], wait: .never)
            _ = try? push.send([frame], wait: .never)
        }
    }
}
