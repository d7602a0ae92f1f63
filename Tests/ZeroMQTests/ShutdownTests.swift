import Foundation
import Testing
import ZeroMQ

@Suite(.timeLimit(.minutes(1)))
struct ShutdownTests {
    @Test func shutdownWakesAReceiveBlockedInAnotherThread() async throws {
        let context = try Context()
        let bound = DispatchSemaphore(value: 0)
        async let outcome: String = onSocketThread {
            let pull = try Socket(context, type: .pull)
            _ = try pull.bind(Transport.inproc.bindEndpoint())
            bound.signal()
            do {
                _ = try pull.receive()
                return "received"
            } catch ZMQError.terminated {
                return "terminated"
            }
        }
        bound.wait()
        try await Task.sleep(for: .milliseconds(100))
        context.shutdown()
        #expect(try await outcome == "terminated")
    }

    @Test func terminationDoesNotHangOnUnsentMessagesWithLingerSet() async throws {
        // Timed on the socket thread itself, so a busy cooperative pool cannot inflate it.
        let elapsed = try await onSocketThread {
            try ContinuousClock().measure {
                let context = try Context()
                let push = try Socket(context, type: .push)
                try push.set(.linger, .milliseconds(200))
                // Nobody listens here: the messages can never leave.
                try push.connect("tcp://127.0.0.1:1")
                for _ in 0..<10 { try push.send([Frame("stuck")], wait: .never) }
                // Dropping the socket and then the context terminates libzmq: linger bounds the wait.
            }
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func droppedSocketsNeverHangTermination() async throws {
        let elapsed = try await onSocketThread {
            try ContinuousClock().measure {
                let context = try Context()
                for _ in 0..<50 {
                    let push = try Socket(context, type: .push)
                    try push.connect("tcp://127.0.0.1:1")
                    try push.send([Frame("x")], wait: .never)
                }
                // Every socket above was dropped with a message queued; linger 0 lets the context go.
            }
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func socketThreadReturnsItsResultAndRunsOffThePool() async throws {
        let name = try await SocketThread.run(name: "named") { Thread.current.name ?? "" }
        #expect(name == "named" || name.isEmpty)
    }
}
