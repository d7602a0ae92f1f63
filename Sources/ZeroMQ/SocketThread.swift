import CZMQ
import Foundation
import Synchronization

/// A thread of its own for blocking libzmq calls, so they never occupy Swift's cooperative pool.
///
/// Sockets belong to one thread: create them inside `body` and use them only there. Stop the
/// thread by shutting its context down (blocked calls then throw ``ZMQError/terminated``) or
/// by whatever signal `body` watches for, then ``join()``.
public final class SocketThread: @unchecked Sendable {
    // @unchecked: `thread` is written once, before `init` returns, and only read afterwards.
    private var thread = pthread_t()
    private let joined = Atomic(false)
    /// The name the thread carries in debuggers and `top -H` (at most 15 bytes are shown).
    public let name: String

    /// Starts `body` on a new thread.
    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        self.name = name
        let box = Unmanaged.passRetained(Body(name: name, run: body))
        let result = pthread_create(&thread, nil, { argument in
            let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
            czmq_name_thread(SocketThread.shownName(body.name))
            body.run()
            return nil
        }, box.toOpaque())
        precondition(result == 0, "could not start thread \(name): error \(result)")
    }

    /// The longest prefix of `name` that fits the 15 bytes Linux keeps of a thread's name,
    /// cut between characters, never inside one.
    static func shownName(_ name: String) -> String {
        var shown = ""
        for character in name {
            guard shown.utf8.count + character.utf8.count <= 15 else { break }
            shown.append(character)
        }
        return shown
    }

    /// Waits for the thread to finish; later calls return at once.
    public func join() {
        guard !joined.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pthread_join(thread, nil)
    }

    deinit {
        if !joined.load(ordering: .acquiring) { pthread_detach(thread) }
    }

    /// Runs `body` on a thread of its own and returns its result to the awaiting task.
    public static func run<Result: Sendable>(
        name: String = "zmq",
        _ body: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            _ = SocketThread(name: name) {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }

    private final class Body {
        let name: String
        let run: @Sendable () -> Void
        init(name: String, run: @escaping @Sendable () -> Void) {
            self.name = name
            self.run = run
        }
    }
}
