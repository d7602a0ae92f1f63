import CoreMetrics
import Foundation
import Prometheus
import Synchronization

/// A role's counters, gauges and latency histograms, recorded through swift-metrics so that any
/// backend can take them (StatsD, OpenTelemetry: pass its `MetricsFactory`). By default each
/// role records into a Prometheus registry of its own (swift-prometheus), which
/// ``MetricsServer`` serves in the text exposition format; a role's own registry, not the
/// process-wide `MetricsSystem`, because `copydesk run` holds a ventilator and a sink in one
/// process and each serves its own page.
public final class Metrics: Sendable {
    /// Where the metrics go when no factory is given: what ``exposition()`` reads.
    public let registry: PrometheusCollectorRegistry
    private let factory: any MetricsFactory

    private struct State {
        /// Each counter with the total it has been brought to (roles publish totals).
        var counters: [String: (counter: CoreMetrics.Counter, total: Int)] = [:]
        var gauges: [String: CoreMetrics.Gauge] = [:]
        var timers: [String: CoreMetrics.Timer] = [:]
    }

    private let state = Mutex(State())

    /// Seconds, from a millisecond to a minute.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    /// - Parameters:
    ///   - definitions: name → (`counter` | `gauge` | `histogram`, what it counts). Names of
    ///     counters end in `_total`; a series' labels are written into its name when it is
    ///     recorded: `name{status="ok"}`. (swift-metrics carries no help text, so the page has
    ///     `# TYPE` lines only; the texts document the metrics here and in the README.)
    ///   - factory: The backend; `nil` for the role's own Prometheus registry.
    public init(_ definitions: [String: (kind: String, text: String)], factory: (any MetricsFactory)? = nil) {
        registry = PrometheusCollectorRegistry()
        var prometheus = PrometheusMetricsFactory(registry: registry)
        prometheus.defaultDurationHistogramBuckets = Self.latencyBuckets.map { .nanoseconds(Int64($0 * 1e9)) }
        self.factory = factory ?? prometheus
        // Gauges and histograms are on the page from the start; counters from the role's first
        // publication, when their labels are known (Prometheus keeps a name labelled or not).
        for (name, definition) in definitions {
            switch definition.kind {
            case "gauge": set(name, 0)
            case "histogram": state.withLock { _ = timer(name, in: &$0) }
            default: break
            }
        }
    }

    /// Adds `amount` to counter `series`.
    public func add(_ series: String, _ amount: Int = 1) {
        state.withLock { state in
            let counter = counter(series, in: &state)
            counter.increment(by: amount)
            state.counters[series]!.total += amount
        }
    }

    public func set(_ series: String, _ value: Double) {
        state.withLock { state in gauge(series, in: &state).record(value) }
    }

    /// Brings counters the role already keeps to their totals (it counts; this publishes), and
    /// sets gauges, in one lock.
    public func publish(counters: [String: Int], gauges: [String: Int]) {
        state.withLock { state in
            for (series, total) in counters {
                let counter = counter(series, in: &state)
                let delta = total - state.counters[series]!.total
                if delta > 0 {
                    counter.increment(by: delta)
                    state.counters[series]!.total = total
                }
            }
            for (series, value) in gauges { gauge(series, in: &state).record(value) }
        }
    }

    public func observe(_ name: String, seconds: Double) {
        observe(name, seconds: [seconds])
    }

    public func observe(_ name: String, seconds values: [Double]) {
        guard !values.isEmpty else { return }
        state.withLock { state in
            let timer = timer(name, in: &state)
            for value in values { timer.recordNanoseconds(Int64(value * 1e9)) }
        }
    }

    /// The page Prometheus scrapes (empty when another backend was given).
    public func exposition() -> String {
        registry.emitToString()
    }

    // MARK: - Series

    private func counter(_ series: String, in state: inout State) -> CoreMetrics.Counter {
        if let existing = state.counters[series] { return existing.counter }
        let (label, dimensions) = Self.parse(series)
        let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
        state.counters[series] = (counter, 0)
        return counter
    }

    private func gauge(_ series: String, in state: inout State) -> CoreMetrics.Gauge {
        if let existing = state.gauges[series] { return existing }
        let (label, dimensions) = Self.parse(series)
        let gauge = CoreMetrics.Gauge(label: label, dimensions: dimensions, factory: factory)
        state.gauges[series] = gauge
        return gauge
    }

    private func timer(_ name: String, in state: inout State) -> CoreMetrics.Timer {
        if let existing = state.timers[name] { return existing }
        let timer = CoreMetrics.Timer(label: name, dimensions: [], preferredDisplayUnit: .seconds, factory: factory)
        state.timers[name] = timer
        return timer
    }

    /// `name{a="x",b="y"}` → (`name`, [(a, x), (b, y)]).
    static func parse(_ series: String) -> (String, [(String, String)]) {
        guard let open = series.firstIndex(of: "{"), series.hasSuffix("}") else { return (series, []) }
        let body = series[series.index(after: open)..<series.index(before: series.endIndex)]
        let dimensions = body.split(separator: ",").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))))
        }
        return (String(series[..<open]), dimensions)
    }
}

extension Duration {
    /// The duration in seconds, for metrics and rates.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
