import Foundation
import Synchronization

/// A one-way flag that asks a loop over sockets to stop, and wakes it when raised.
///
/// Loops check it on every turn, and poll ``wakeDescriptor`` beside their sockets (with
/// ``Poller/register(fileDescriptor:)``) until they have seen it, so a stop wakes them at once
/// rather than at their next timeout: the Copydesk roles, the ZAP handler.
public final class StopSignal: Sendable {
    private let requested = Atomic(false)
    private let wakePipe: (read: Int32, write: Int32)

    public init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) != 0 { descriptors = [-1, -1] }
        wakePipe = (descriptors[0], descriptors[1])
    }

    deinit {
        if wakePipe.read >= 0 { close(wakePipe.read) }
        if wakePipe.write >= 0 { close(wakePipe.write) }
    }

    public func request() {
        guard !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // The pipe stays readable from now on: register it only until the stop has been seen.
        var byte: UInt8 = 1
        if wakePipe.write >= 0 { _ = write(wakePipe.write, &byte, 1) }
    }

    public var isRequested: Bool { requested.load(ordering: .acquiring) }

    /// Readable once a stop is requested (-1 if the process was out of descriptors).
    public var wakeDescriptor: Int32 { wakePipe.read }
}
