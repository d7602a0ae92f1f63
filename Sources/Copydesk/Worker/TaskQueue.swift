import DequeModule
import Foundation

/// The worker's hand-off from its I/O thread to its analysis threads: blocking take, closable.
final class TaskQueue: @unchecked Sendable {
    // @unchecked: every access to `items` and `closed` holds `condition`'s lock.
    private let condition = NSCondition()
    private var items = Deque<ArticleRecord>()
    private var closed = false

    func put(_ articles: [ArticleRecord]) {
        condition.lock()
        items.append(contentsOf: articles)
        condition.unlock()
        condition.broadcast()
    }

    /// The next article, waiting for one; `nil` once the queue is closed and empty.
    func take() -> ArticleRecord? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !closed { condition.wait() }
        return items.popFirst()
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return items.isEmpty
    }

    /// Lets the analysis threads finish what is queued and then end.
    func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }
}
