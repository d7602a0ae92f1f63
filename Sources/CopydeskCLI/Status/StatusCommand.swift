import ArgumentParser
import Foundation

/// `copydesk status`: a live one-screen view of a running pipeline, from the `/metrics` pages
/// of its ventilator and sink.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a running pipeline at a glance, from its ventilator's and sink's /metrics.",
        discussion: "Start the roles with --metrics (e.g. ventilator --metrics tcp://*:9570, sink --metrics tcp://*:9571). Refreshes every --interval seconds until Ctrl-C; --once prints one view and exits."
    )

    @Option(help: "The ventilator's metrics URL.")
    var ventilator = "http://127.0.0.1:9570/metrics"

    @Option(help: "The sink's metrics URL.")
    var sink = "http://127.0.0.1:9571/metrics"

    @Option(help: "Seconds between refreshes.")
    var interval: Double = 1

    @Flag(help: "Print one view and exit.")
    var once = false

    func run() throws {
        var previous: (done: Double, time: Date)?
        while true {
            let ventilatorSeries = Self.fetch(ventilator)
            let sinkSeries = Self.fetch(sink)
            let done = ["ok", "failed", "duplicate", "dead"].reduce(0.0) { $0 + (ventilatorSeries?[#"copydesk_articles_done_total{status="\#($1)"}"#] ?? 0) }
            let now = Date()
            let rate = previous.map { (done - $0.done) / max(now.timeIntervalSince($0.time), 0.001) }
            previous = (done, now)
            let view = Self.render(ventilator: ventilatorSeries, sink: sinkSeries, rate: rate, urls: (ventilator, sink))
            if once {
                print(view)
                if ventilatorSeries == nil && sinkSeries == nil { throw ExitCode(1) }
                return
            }
            print("\u{1B}[H\u{1B}[2J" + view)
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// Series name (with labels) → value, or `nil` when the page cannot be read.
    static func fetch(_ url: String) -> [String: Double]? {
        guard let page = try? HTTPGet.body(of: url) else { return nil }
        var series: [String: Double] = [:]
        for line in String(decoding: page, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            series[String(line[..<space])] = value
        }
        return series
    }

    /// The quantile `q` of a Prometheus histogram, from its cumulative buckets (upper bound of the bucket).
    static func quantile(_ q: Double, of name: String, in series: [String: Double]) -> Double? {
        let buckets = series.compactMap { key, value -> (Double, Double)? in
            guard key.hasPrefix(name + "_bucket{le=\""), let bound = Double(key.dropFirst(name.count + 12).dropLast(2)) else { return nil }
            return (bound, value)
        }.sorted { $0.0 < $1.0 }
        guard let total = series[name + "_count"], total > 0 else { return nil }
        return buckets.first { $0.1 >= q * total }?.0
    }

    static func render(ventilator: [String: Double]?, sink: [String: Double]?, rate: Double?, urls: (String, String)) -> String {
        func number(_ series: [String: Double]?, _ name: String) -> String {
            series?[name].map { String(Int64($0)) } ?? "-"
        }
        func milliseconds(_ value: Double?) -> String {
            value.map { $0 >= 1 ? String(format: "%.1f s", $0) : String(format: "%.0f ms", $0 * 1000) } ?? "-"
        }
        var lines = ["copydesk status    \(Date())"]
        if let v = ventilator {
            lines += [
                "ventilator        \(urls.0)",
                "  articles        read \(number(v, "copydesk_articles_read_total"))   accepted \(number(v, "copydesk_articles_accepted_total"))   leased \(number(v, "copydesk_articles_leased_total"))   redelivered \(number(v, "copydesk_articles_redelivered_total"))   busy answers \(number(v, "copydesk_intake_busy_total"))",
                "  done            ok \(number(v, #"copydesk_articles_done_total{status="ok"}"#))   failed \(number(v, #"copydesk_articles_done_total{status="failed"}"#))   duplicate \(number(v, #"copydesk_articles_done_total{status="duplicate"}"#))   dead \(number(v, #"copydesk_articles_done_total{status="dead"}"#))",
                "  now             queue \(number(v, "copydesk_queue_depth"))   in flight \(number(v, "copydesk_in_flight"))   workers \(number(v, "copydesk_workers_connected"))" + (rate.map { String(format: "   %.0f articles/s", $0) } ?? ""),
                "  lease → ack     p50 \(milliseconds(quantile(0.5, of: "copydesk_lease_to_ack_seconds", in: v)))   p99 \(milliseconds(quantile(0.99, of: "copydesk_lease_to_ack_seconds", in: v)))",
            ]
        } else {
            lines.append("ventilator        \(urls.0): not reachable")
        }
        if let s = sink {
            lines += [
                "sink              \(urls.1)",
                "  written         output \(number(s, #"copydesk_sink_lines_total{file="output"}"#))   errors \(number(s, #"copydesk_sink_lines_total{file="errors"}"#))   dead letters \(number(s, #"copydesk_sink_lines_total{file="dead_letters"}"#))",
                "  suppressed      duplicates \(number(s, "copydesk_sink_duplicates_suppressed_total"))   malformed \(number(s, "copydesk_sink_malformed_total"))",
                "  sync            p50 \(milliseconds(quantile(0.5, of: "copydesk_sink_sync_seconds", in: s)))   p99 \(milliseconds(quantile(0.99, of: "copydesk_sink_sync_seconds", in: s)))",
            ]
        } else {
            lines.append("sink              \(urls.1): not reachable")
        }
        return lines.joined(separator: "\n")
    }
}
