import Foundation
import Synchronization
import Testing
import ZeroMQ

@Suite(.hangGuard)
struct ShutdownTests {
    @Test func shutdownWakesAReceiveBlockedInAnotherThread() async throws {
        let context = try Context()
        let thread = KernelThread()
        // Started here rather than through the cooperative pool, which other tests may keep busy.
        let receiver = SocketThread(name: "receiver") {
            do {
                let pull = try Socket(context, type: .pull)
                _ = try pull.bind(Transport.inproc.bindEndpoint())
                thread.id.store(KernelThread.currentID(), ordering: .releasing)
                _ = try pull.receive()
                thread.outcome.withLock { $0 = "received" }
            } catch ZMQError.terminated {
                thread.outcome.withLock { $0 = "terminated" }
            } catch {
                thread.outcome.withLock { $0 = "\(error)" }
            }
        }
        // Shut down only once the receiving thread sleeps in the kernel, inside the receive.
        let deadline = ContinuousClock.now + .seconds(20)
        while !thread.isAsleep, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(thread.isAsleep, "the receiving thread never blocked")
        context.shutdown()
        receiver.join()
        #expect(thread.outcome.withLock { $0 } == "terminated")
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
                for _ in 0..<10 { _ = try push.send([Frame("stuck")], wait: .never) }
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
                    _ = try push.send([Frame("x")], wait: .never)
                }
                // Every socket above was dropped with a message queued; linger 0 lets the context go.
            }
        }
        #expect(elapsed < .seconds(5))
    }

    /// The body runs on the thread `SocketThread` started, which carries the name it was
    /// given (so it is not one of the cooperative pool's threads).
    @Test func socketThreadReturnsItsResultAndRunsOnItsOwnNamedThread() async throws {
        let name = try await SocketThread.run(name: "named") { Self.currentThreadName() }
        #expect(name == "named")
    }

    /// Linux keeps 15 bytes of a thread's name: a longer one is cut between characters.
    @Test func aLongNameIsCutBetweenCharacters() async throws {
        let name = try await SocketThread.run(name: "wörker-für-ünïcode") { Self.currentThreadName() }
        #expect(name == "wörker-für-ü")
        #expect(name.utf8.count <= 15)
    }

    /// The calling thread's name as the kernel keeps it.
    private static func currentThreadName() -> String {
        ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
    }
}

/// A thread's kernel id, set from inside it, whether /proc says it is asleep ("S"), and
/// what its receive ended with.
private final class KernelThread: Sendable {
    let id = Atomic<Int32>(0)
    let outcome = Mutex<String?>(nil)

    /// The calling thread's kernel id, from the /proc/thread-self link ("PID/task/TID").
    static func currentID() -> Int32 {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? ""
        return Int32(link.split(separator: "/").last ?? "") ?? 0
    }

    var isAsleep: Bool {
        let tid = id.load(ordering: .acquiring)
        guard tid != 0, let stat = try? String(contentsOfFile: "/proc/self/task/\(tid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first == "S"
    }
}
