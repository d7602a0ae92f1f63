import Foundation

/// The worker's hand-off from its I/O thread to its analysis threads: blocking take, closable.
final class TaskQueue: @unchecked Sendable {
    // @unchecked: every access to `items` and `closed` holds `condition`'s lock.
    private let condition = NSCondition()
    private var items: [ArticleRecord] = []
    private var head = 0
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
        while head == items.count, !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == items.count
    }

    /// Lets the analysis threads finish what is queued and then end.
    func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }
}
