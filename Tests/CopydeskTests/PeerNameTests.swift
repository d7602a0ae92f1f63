@testable import Copydesk
import Foundation
import Testing

/// Roles that find each other by name, as in Compose or Kubernetes, with a DNS server the test
/// controls: ventilator, sink and worker each in a network namespace of its own, resolving
/// `ventilator.test` and `sink.test` through it. The sink dies, its name stops resolving (the
/// server says nothing, as a container network's DNS does while it asks upstream about a name
/// it no longer has), and it comes back at another address.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: NetworkNamespaces.available, "this machine does not allow network namespaces (needs root and iproute2); skipped"))
struct PeerNameTests {
    /// A DNS server for A queries: a name listed in the zone file with an address gets it, a
    /// name listed as `silent` gets no answer at all, any other name does not exist. The zone
    /// is read at each query, so the test changes names by writing the file.
    static let server = #"""
    import socket, sys

    zone_path = sys.argv[1]
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("0.0.0.0", 53))
    print("ready", flush=True)
    while True:
        query, client = server.recvfrom(512)
        if len(query) < 17:
            continue
        labels, i = [], 12
        while i < len(query) and query[i]:
            labels.append(query[i + 1:i + 1 + query[i]].decode("ascii", "replace"))
            i += 1 + query[i]
        qtype = int.from_bytes(query[i + 1:i + 3], "big")
        zone = dict(line.split() for line in open(zone_path) if len(line.split()) == 2)
        value = zone.get(".".join(labels).lower())
        if value == "silent":
            continue
        answers = 1 if value and qtype == 1 else 0
        flags = 0x8180 if value else 0x8183  # an answer, or "no such name"
        reply = query[:2] + flags.to_bytes(2, "big") + b"\x00\x01" + answers.to_bytes(2, "big") + bytes(4) + query[12:i + 5]
        if answers:  # the name (a pointer to the question's), A, IN, a TTL of 1 s, 4 bytes
            reply += b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x01\x00\x04" + socket.inet_aton(value)
        server.sendto(reply, client)
    """#

    @Test func rolesFollowANameThatGoesSilentAndComesBackElsewhere() async throws {
        let workspace = try Workspace()
        let generated = try workspace.writeGeneratedArticles("generated.jsonl", count: 3000)
        let hosts = NetworkNamespaces()
        defer { hosts.tearDown() }
        try hosts.build(spokes: 3)
        try hosts.routeThroughHub(spokes: 3)
        for index in 1...3 { try hosts.useResolver(in: hosts.spoke(index), nameserver: hosts.hubAddress(from: index)) }
        let (ventilatorHost, sinkHost, workerHost) = (1, 2, 3)
        let (sinkAddress, sinkNewAddress) = ("10.231.2.2", "10.231.2.3")
        func publish(_ zone: [String: String]) throws {
            try workspace.write("zone", zone.map { "\($0.key) \($0.value)\n" }.joined())
        }
        try publish(["ventilator.test": "10.231.1.2", "sink.test": sinkAddress])
        try workspace.write("dns.py", Self.server)
        let dns = try PythonProcess("dns", ["dns.py", "zone"], in: workspace.url, namespace: hosts.hub)
        defer { kill(dns.process.processIdentifier, SIGKILL) }
        try await waitUntil(timeout: .seconds(10)) { dns.stdout.contains("ready") || !dns.process.isRunning }
        #expect(dns.stdout.contains("ready"), "the DNS server did not start: \(dns.stderr)")

        let tasksPort = Workspace.freePort(), resultsPort = Workspace.freePort()
        func sink(_ name: String, bind: String) throws -> ChildProcess {
            try ChildProcess(name, ["sink", "-o", "out.jsonl", "--results", "tcp://\(bind):\(resultsPort)", "--ventilator", "tcp://ventilator.test:\(tasksPort)"],
                             in: workspace.url, namespace: hosts.spoke(sinkHost))
        }
        let firstSink = try sink("sink-1", bind: "*")
        let worker = try ChildProcess("worker", ["worker", "--ventilator", "tcp://ventilator.test:\(tasksPort)", "--sink", "tcp://sink.test:\(resultsPort)", "--threads", "1", "--processor", "slow"],
                                      in: workspace.url, namespace: hosts.spoke(workerHost))
        defer { worker.signal(SIGKILL) }
        let ventilator = try ChildProcess("ventilator", ["ventilator", "generated.jsonl", "--tasks", "tcp://*:\(tasksPort)", "--sink", "tcp://sink.test:\(resultsPort)", "--worker-timeout", "3", "--lease-timeout", "4"],
                                          in: workspace.url, namespace: hosts.spoke(ventilatorHost))

        // The sink dies and its name goes silent for longer than the worker timeout, and longer
        // than a lookup's first two questions (at 0 s and 5 s): by the time the name answers,
        // the lookups asked at the start have nothing more to ask.
        try await waitUntil { workspace.lineCount("out.jsonl") >= 500 || !ventilator.process.isRunning }
        firstSink.signal(SIGKILL)
        try publish(["ventilator.test": "10.231.1.2", "sink.test": "silent"])
        _ = try await firstSink.waitForExit()
        #expect(ventilator.process.isRunning, "the run ended before the sink died; the test proves nothing")
        try await Task.sleep(for: .seconds(8))

        // It comes back at another address; nothing listens at the old one. Its name answers
        // once it is ready, so the time measured is the worker's, not the sink's start.
        try hosts.addAddress(sinkNewAddress, to: sinkHost)
        let secondSink = try sink("sink-2", bind: sinkNewAddress)
        try await waitUntil(timeout: .seconds(30)) { secondSink.stderr.contains("sink ready") || !secondSink.process.isRunning }
        try publish(["ventilator.test": "10.231.1.2", "sink.test": sinkNewAddress])
        let restarted = ContinuousClock.now
        let linesAtRestart = workspace.lineCount("out.jsonl")
        // Timed on a thread of its own, so that a busy test runner delays the test, not the clock.
        let resumed = try await act(when: { workspace.lineCount("out.jsonl") > linesAtRestart }, timeout: .seconds(30)) { ContinuousClock.now }
        let recovery = resumed - restarted
        // Lookups spaced 250 ms apart up to 8 at once measured about 2 s here; spread out,
        // 0.1-0.5 s alone and 0.3-0.7 s beside the rest of the suite.
        #expect(recovery < .seconds(1.5), "reports resumed only \(recovery) after the sink's name answered again")
        #expect(try await ventilator.waitForExit(timeout: .seconds(90)) == 0)

        // Stopping waits on no name lookup, even when none answers.
        try publish(["ventilator.test": "silent", "sink.test": "silent"])
        try await Task.sleep(for: .seconds(2))
        let stopping = ContinuousClock.now
        for process in [worker, secondSink] { process.signal(SIGTERM) }
        for process in [worker, secondSink] { #expect(try await process.waitForExit(timeout: .seconds(20)) == 0) }
        let stopTime = ContinuousClock.now - stopping
        #expect(stopTime < .seconds(4), "stopping took \(stopTime)")

        let ids = try workspace.ids(in: "out.jsonl")
        #expect(ids.count == generated.count)
        #expect(Set(ids) == Set(generated))
        #expect(!ventilator.stderr.contains("worker lost"), "a live worker was declared lost:\n\(ventilator.stderr.suffix(1000))")
        print("sink away 8 s at a silent name: reports resumed \(recovery) after its name answered with a new address; worker and sink stopped in \(stopTime)")
    }
}

/// What ``AddressWatch`` looks up, and what it finds.
struct AddressWatchTests {
    /// Which endpoints the roles look up themselves: host names, not addresses or wildcards.
    @Test func onlyHostNamesAreLookedUp() {
        #expect(AddressWatch.hostName(in: "tcp://sink:5571")! == ("sink", "5571"))
        #expect(AddressWatch.hostName(in: "tcp://copydesk-sink.default.svc:5571")! == ("copydesk-sink.default.svc", "5571"))
        for endpoint in ["tcp://10.0.0.7:5571", "tcp://*:5571", "tcp://[::1]:5571", "tcp://eth0;sink:5571", "ipc:///tmp/sink", "inproc://sink", "tcp://sink:*"] {
            #expect(AddressWatch.hostName(in: endpoint) == nil, "\(endpoint)")
        }
    }

    /// A name is looked up to all its addresses, IPv4 first (localhost needs no server).
    @Test func aNameResolvesToEveryAddressIPv4First() async throws {
        let watch = AddressWatch(host: "localhost", port: "5571", interval: .milliseconds(100))
        defer { watch.stop() }
        try await waitUntil(timeout: .seconds(10)) { !watch.current.isEmpty }
        #expect(watch.current.first == "tcp://127.0.0.1:5571")
        #expect(watch.changeCount >= 1)
    }
}
