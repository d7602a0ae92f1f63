import Dispatch
import Foundation
import ZeroMQ

/// Turns SIGINT and SIGTERM into a ``StopSignal`` so roles drain and exit 0; a second signal
/// exits at once (status 130), for a user who does not want to wait.
public final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    public init(_ stop: StopSignal, onFirst: (@Sendable (String) -> Void)? = nil) {
        let queue = DispatchQueue(label: "copydesk.signals")
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isRequested { exit(130) }
                onFirst?(name)
                stop.request()
            }
            source.resume()
            return source
        }
    }
}
