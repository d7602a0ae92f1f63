import Copydesk
import Foundation
import Logging
import MetricsTestKit
import Testing
import ZeroMQ
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `/metrics` on the ventilator and the sink, in Prometheus' text format, and `copydesk status`.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct MetricsTests {
    /// `http://127.0.0.1:PORT/metrics` from a role's `metrics` endpoint, `tcp://127.0.0.1:PORT`.
    func metricsURL(_ endpoints: [String: String]) throws -> String {
        let endpoint = try #require(endpoints["metrics"])
        return "http://" + endpoint.dropFirst("tcp://".count) + "/metrics"
    }

    @Test func rolesExposeWhatTheyDidAndStatusShowsIt() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 50)
        // The kernel picks every port but the tasks one, which the sink needs before the
        // ventilator starts; each role says what it bound in its endpoints file.
        let tasks = "tcp://127.0.0.1:\(Workspace.freePort())"
        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", "tcp://127.0.0.1:*", "--ventilator", tasks, "--metrics", "tcp://127.0.0.1:*",
                                             "--endpoints-file", "sink.json"], in: workspace.url)
        let sinkEndpoints = try await workspace.boundEndpoints("sink.json", of: sink)
        let results = try #require(sinkEndpoints["results"])
        let ventilator = try ChildProcess("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", "tcp://127.0.0.1:*", "--metrics", "tcp://127.0.0.1:*",
                                                         "--endpoints-file", "ventilator.json"], in: workspace.url)
        let worker = try ChildProcess("worker", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1"], in: workspace.url)
        let ventilatorEndpoints = try await workspace.boundEndpoints("ventilator.json", of: ventilator)
        #expect(ventilatorEndpoints["tasks"] == tasks)
        let intake = try #require(ventilatorEndpoints["intake"])
        #expect(intake.hasPrefix("tcp://127.0.0.1:") && !intake.hasSuffix(":*"))
        let ventilatorURL = try metricsURL(ventilatorEndpoints)
        let sinkURL = try metricsURL(sinkEndpoints)

        #expect(try await ChildProcess("submit", ["submit", "generated.jsonl", "--to", intake], in: workspace.url).waitForExit() == 0)
        try await waitUntil { workspace.lineCount("out.jsonl") >= generated.count }
        // The ventilator publishes its counts every 250 ms: wait until they include every ack.
        var page = ""
        try await waitUntil(timeout: .seconds(10)) {
            page = String(decoding: try Data(contentsOf: URL(string: ventilatorURL)!), as: UTF8.self)
            return page.contains(#"copydesk_articles_done_total{status="ok"} 50"#) && page.contains(#"copydesk_lease_to_ack_seconds_bucket{le="+Inf"} 50"#)
        }
        #expect(page.contains("# TYPE copydesk_articles_done_total counter"))
        #expect(page.contains(#"copydesk_articles_done_total{status="ok"} 50"#))
        #expect(page.contains("copydesk_articles_accepted_total 50"))
        #expect(page.contains("copydesk_workers_connected 1.0"))
        #expect(page.contains(#"copydesk_lease_to_ack_seconds_bucket{le="+Inf"} 50"#))
        let sinkPage = String(decoding: try Data(contentsOf: URL(string: sinkURL)!), as: UTF8.self)
        #expect(sinkPage.contains(#"copydesk_sink_lines_total{file="output"} 50"#))
        #expect(sinkPage.contains("# TYPE copydesk_sink_sync_seconds histogram"))
        // Every sample line is `name[{labels}] value`.
        for line in (page + sinkPage).split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").count == 2 && Double(line.split(separator: " ")[1]) != nil, "\(line)")
        }

        let status = try ChildProcess("status", ["status", "--once", "--ventilator", ventilatorURL, "--sink", sinkURL], in: workspace.url)
        #expect(try await status.waitForExit() == 0)
        #expect(status.stdout.contains("done            ok 50"))
        #expect(status.stdout.contains("written         output 50"))

        for process in [ventilator, worker, sink] { process.signal(SIGTERM) }
        for process in [ventilator, worker, sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
    }
}

/// The roles record through swift-metrics: another backend takes the same figures.
struct MetricsBackendTests {
    @Test func anotherBackendGetsTheSameFigures() throws {
        let backend = TestMetrics()
        let metrics = Metrics(["copydesk_done_total": ("counter", "Done."), "copydesk_queue_depth": ("gauge", "Waiting."),
                               "copydesk_wait_seconds": ("histogram", "Waited.")], factory: backend)
        metrics.publish(counters: [#"copydesk_done_total{status="ok"}"#: 3], gauges: ["copydesk_queue_depth": 7])
        metrics.publish(counters: [#"copydesk_done_total{status="ok"}"#: 5], gauges: [:])
        metrics.observe("copydesk_wait_seconds", seconds: [0.5, 1.5])
        #expect(try backend.expectCounter("copydesk_done_total", [("status", "ok")]).totalValue == 5)
        #expect(try backend.expectGauge("copydesk_queue_depth").lastValue == 7)
        #expect(try backend.expectTimer("copydesk_wait_seconds").values == [500_000_000, 1_500_000_000])
        #expect(metrics.exposition().isEmpty)
    }

    @Test func thePrometheusPageIsTheDefault() {
        let metrics = Metrics(["copydesk_done_total": ("counter", "Done.")])
        metrics.publish(counters: [#"copydesk_done_total{status="ok"}"#: 2], gauges: [:])
        #expect(metrics.exposition().contains(#"copydesk_done_total{status="ok"} 2"#))
    }
}

/// The metrics server ends with its context instead of spinning on the error it gets.
struct MetricsServerShutdownTests {
    @Test func itsThreadEndsWhenTheContextShutsDown() async throws {
        let context = try Context()
        let server = try MetricsServer(metrics: Metrics([:]), endpoint: "tcp://127.0.0.1:*", context: context, logger: Logger(label: "test"))
        #expect(Self.threadsNamed("metrics") >= 1)
        context.shutdown()
        // Before the fix the thread spun at 100% CPU on ETERM until shutdown() was called.
        try await waitUntil(timeout: .seconds(5)) { Self.threadsNamed("metrics") == 0 }
        server.shutdown()
    }

    /// Threads of this process with the kernel name `name`.
    static func threadsNamed(_ name: String) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { tid in
            ((try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines) == name
        }.count
    }
}
