import Foundation
import Synchronization

/// A role's counters, gauges and latency histograms, written by the role's thread and read by
/// the metrics server's, in the Prometheus text exposition format (version 0.0.4).
public final class Metrics: Sendable {
    private struct Histogram {
        var buckets: [Double]
        var counts: [Int]
        var sum = 0.0
        var count = 0

        init(buckets: [Double]) {
            self.buckets = buckets
            counts = Array(repeating: 0, count: buckets.count)
        }

        mutating func observe(_ value: Double) {
            for index in buckets.indices where value <= buckets[index] { counts[index] += 1 }
            sum += value
            count += 1
        }
    }

    private struct State {
        var counters: [String: Double] = [:]
        var gauges: [String: Double] = [:]
        var histograms: [String: Histogram] = [:]
    }

    /// Metric name → help text, fixed at creation so the page always lists every metric.
    private let help: [String: (kind: String, text: String)]
    private let state = Mutex(State())

    /// Seconds, from a millisecond to a minute.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    /// - Parameter definitions: name → (`counter` | `gauge` | `histogram`, help text). Names of
    ///   counters end in `_total`; labels are written into the name: `name{status="ok"}`.
    public init(_ definitions: [String: (kind: String, text: String)]) {
        help = definitions
        state.withLock { state in
            for (name, definition) in definitions where definition.kind == "histogram" {
                state.histograms[name] = Histogram(buckets: Self.latencyBuckets)
            }
        }
    }

    public func add(_ name: String, _ amount: Double = 1) {
        state.withLock { $0.counters[name, default: 0] += amount }
    }

    public func set(_ name: String, _ value: Double) {
        state.withLock { $0.gauges[name] = value }
    }

    /// Sets counters the role already keeps (it counts; this publishes), in one lock.
    public func publish(counters: [String: Int], gauges: [String: Int]) {
        state.withLock { state in
            for (name, value) in counters { state.counters[name] = Double(value) }
            for (name, value) in gauges { state.gauges[name] = Double(value) }
        }
    }

    public func observe(_ name: String, seconds: Double) {
        state.withLock { $0.histograms[name]?.observe(seconds) }
    }

    public func observe(_ name: String, seconds values: [Double]) {
        guard !values.isEmpty else { return }
        state.withLock { state in values.forEach { state.histograms[name]?.observe($0) } }
    }

    /// The page Prometheus scrapes.
    public func exposition() -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        for name in help.keys.sorted() {
            let (kind, text) = help[name]!
            lines.append("# HELP \(name) \(text)")
            lines.append("# TYPE \(name) \(kind)")
            switch kind {
            case "histogram":
                let histogram = snapshot.histograms[name] ?? Histogram(buckets: Self.latencyBuckets)
                for (bound, count) in zip(histogram.buckets, histogram.counts) {
                    lines.append("\(name)_bucket{le=\"\(bound)\"} \(count)")
                }
                lines.append("\(name)_bucket{le=\"+Inf\"} \(histogram.count)")
                lines.append("\(name)_sum \(histogram.sum)")
                lines.append("\(name)_count \(histogram.count)")
            default:
                let values = (kind == "counter" ? snapshot.counters : snapshot.gauges)
                    .filter { $0.key == name || $0.key.hasPrefix(name + "{") }
                if values.isEmpty { lines.append("\(name) 0") }
                for (series, value) in values.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(series) \(Self.format(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension Duration {
    /// The duration in seconds, for metrics and rates.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
