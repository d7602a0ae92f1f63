import Foundation

/// Times the passes of one analysis, lap by lap (``Analyzer/passTimes(_:)``).
final class PassClock {
    private var last = ContinuousClock.now
    private(set) var laps: [(pass: String, time: Duration)] = []

    func start() { last = .now }

    func lap(_ pass: String) {
        let now = ContinuousClock.now
        laps.append((pass, now - last))
        last = now
    }
}
