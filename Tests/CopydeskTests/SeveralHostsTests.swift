import Foundation
import Testing

/// Ventilator and sink on one host, workers on two others, as network namespaces joined by
/// veth pairs. One worker host's link is cut mid-run: its leases expire and its articles are
/// done by the other.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: NetworkNamespaces.available, "this machine does not allow network namespaces (needs root and iproute2); skipped"))
struct SeveralHostsTests {
    @Test func aCutLinkLosesNothing() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 2000)
        let hosts = NetworkNamespaces()
        defer { hosts.tearDown() }
        try hosts.build(spokes: 2)
        let tasksPort = Workspace.freePort()
        let resultsPort = Workspace.freePort()

        let sink = try ChildProcess("sink", ["sink", "-o", "out.jsonl", "--results", "tcp://*:\(resultsPort)", "--ventilator", "tcp://127.0.0.1:\(tasksPort)"], in: workspace.url, namespace: hosts.hub)
        var workers: [ChildProcess] = []
        for index in 1...2 {
            let hub = hosts.hubAddress(from: index)
            workers.append(try ChildProcess("worker-\(index)", ["worker", "--ventilator", "tcp://\(hub):\(tasksPort)", "--sink", "tcp://\(hub):\(resultsPort)", "--threads", "1", "--processor", "slow"], in: workspace.url, namespace: hosts.spoke(index)))
        }
        defer { workers.forEach { $0.signal(SIGKILL) } }
        let ventilator = try ChildProcess("ventilator", ["ventilator", "generated.jsonl", "--tasks", "tcp://*:\(tasksPort)", "--sink", "tcp://127.0.0.1:\(resultsPort)", "--worker-timeout", "1", "--lease-timeout", "5"], in: workspace.url, namespace: hosts.hub)

        let runningAtCut = try await act(when: { workspace.lineCount("out.jsonl") >= 400 }) { () -> Bool in
            try hosts.cut(1)
            return ventilator.process.isRunning
        }
        #expect(runningAtCut, "the run ended before the cut; the test proves nothing")
        #expect(try await ventilator.waitForExit(timeout: .seconds(120)) == 0)
        for process in [workers[1], sink] { process.signal(SIGTERM) }
        for process in [workers[1], sink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }

        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
        #expect(ventilator.stderr.contains("worker lost"))
        // Both hosts did work before the cut.
        #expect(workers.allSatisfy { $0.stderr.contains("worker ready") })
    }
}
