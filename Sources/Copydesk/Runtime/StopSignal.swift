import Synchronization

/// A one-way flag that asks a role to drain and stop. Roles poll it at least every 100 ms.
public final class StopSignal: Sendable {
    private let requested = Atomic(false)

    public init() {}

    public func request() { requested.store(true, ordering: .releasing) }

    public var isRequested: Bool { requested.load(ordering: .acquiring) }
}
