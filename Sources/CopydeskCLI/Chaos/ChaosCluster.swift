import Copydesk
import Foundation
import JSONOutput
import Synchronization
import ZeroMQ

/// The processes of a chaos run, on free loopback ports, each logging to its own file.
final class ChaosCluster: @unchecked Sendable {
    // @unchecked: processes and kill counts are touched by the chaos loop only; `accepted` and
    // `submitted` are shared with the submitting thread under their mutexes.
    let directory: String
    let processor: String
    let tasks: String
    let results: String
    let intake: String
    private var processes: [String: Process] = [:]
    private(set) var kills: [String: Int] = [:]
    private var generation = 0
    private let accepted = Mutex<Set<String>>([])
    private let submitted = Mutex(false)

    init(directory: String, processor: String) throws {
        self.directory = directory
        self.processor = processor
        let endpoints = try LoopbackPorts.endpoints(3)
        (tasks, results, intake) = (endpoints[0], endpoints[1], endpoints[2])
    }

    var acceptedCount: Int { accepted.withLock { $0.count } }
    var submissionFinished: Bool { submitted.withLock { $0 } }

    private func start(_ name: String, _ arguments: [String]) throws {
        generation += 1
        let log = "\(directory)/\(name)-\(generation).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        processes[name] = process
    }

    func startSink() throws {
        try start("sink", ["sink", "-o", "out.jsonl", "--results", results, "--ventilator", tasks])
    }

    func startVentilator() throws {
        try start("ventilator", ["ventilator", "--tasks", tasks, "--sink", results, "--intake", intake, "--journal", "journal.sqlite",
                                 "--worker-timeout", "1", "--lease-timeout", "10", "--max-attempts", "5", "--intake-queue-limit", "1000000"])
    }

    func startWorker(_ index: Int) throws {
        try start("worker\(index)", ["worker", "--ventilator", tasks, "--sink", results, "--threads", "1", "--processor", processor])
    }

    private func kill(_ name: String) {
        guard let process = processes[name] else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        kills[name.hasPrefix("worker") ? "worker" : name, default: 0] += 1
    }

    func killAndRestartWorker(_ index: Int) throws {
        kill("worker\(index)")
        try startWorker(index)
    }

    func killAndRestartSink() throws {
        kill("sink")
        try startSink()
    }

    func killAndRestartVentilator() throws {
        kill("ventilator")
        try startVentilator()
    }

    func stopAll() {
        for process in processes.values where process.isRunning { process.terminate() }
        for process in processes.values { process.waitUntilExit() }
    }

    /// Submits every id, resubmitting the whole remainder when the intake stops answering
    /// (a killed ventilator); the journal answers duplicates for what it already holds.
    func submit(ids: [String], rate: Double) throws {
        var remaining = ids[...]
        let clock = ContinuousClock()
        let start = clock.now
        var sent = 0
        while !remaining.isEmpty {
            // Pace the submissions like a crawler feeding a steady stream.
            let due = start + .milliseconds(Int(Double(sent) / rate * 1000))
            if clock.now < due { Thread.sleep(forTimeInterval: (due - clock.now).seconds) }
            do {
                let context = try Context()
                let client = try IntakeClient(context: context, endpoint: intake, window: 256, timeout: .seconds(3))
                let batch = remaining.prefix(100)
                let requests = batch.map { id in
                    var request = Array("{\"id\":".utf8)
                    JSONText.appendString(id, to: &request)
                    request += Array(",\"text\":".utf8)
                    JSONText.appendString(Self.articleText(id), to: &request)
                    request.append(UInt8(ascii: "}"))
                    return request
                }
                let replies = try client.submit(requests)
                // A duplicate answer means an earlier attempt was accepted before the ventilator died.
                accepted.withLock { $0.formUnion(replies.filter(\.accepted).compactMap(\.id)) }
                remaining = remaining.dropFirst(batch.count)
                sent += batch.count
            } catch {
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        submitted.withLock { $0 = true }
    }

    /// About 3 KB of news-like text, different for every id.
    static func articleText(_ id: String) -> String {
        let people = ["Anna Berg", "Ravi Menon", "Lucia Ortiz", "Tomas Novak", "Grace Obi"]
        let places = ["Oslo", "Lima", "Nairobi", "Hanoi", "Porto", "Tbilisi"]
        var text = "Talks resume in \(places[abs(id.hashValue) % places.count])\n\n"
        for sentence in 0..<24 {
            let person = people[(sentence + id.count) % people.count]
            let place = places[(sentence * 7 + id.utf8.reduce(0) { $0 + Int($1) }) % places.count]
            text += "\"We expect progress on item \(sentence),\" \(person) told reporters in \(place) on Monday, after the \(id) meeting. "
            if sentence % 4 == 3 { text += "\n\n" }
        }
        return text
    }

    /// Lines in the output, errors and dead-letter files so far (cheap: the loop asks often).
    func finishedCount() -> Int {
        ["out.jsonl", "out.errors.jsonl", "out.dead-letters.jsonl"].reduce(0) { total, name in
            total + (FileManager.default.contents(atPath: "\(directory)/\(name)")?.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ?? 0)
        }
    }

    /// The records of a JSON Lines file as (id, attempt), read without parsing whole reports.
    func records(in name: String) -> [(id: String, attempt: Int)] {
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { return [] }
        return data.split(separator: 0x0A).compactMap { line in
            // Our lines start {"id":"...","source":"...","attempt":N or {"id":"...","attempt":N.
            let text = String(decoding: line.prefix(600), as: UTF8.self)
            guard text.hasPrefix(#"{"id":""#), let idEnd = text.dropFirst(7).firstIndex(of: "\"") else { return nil }
            let id = String(text[text.index(text.startIndex, offsetBy: 7)..<idEnd])
            let attempt = text.range(of: #""attempt":"#).map { Int(text[$0.upperBound...].prefix(while: \.isNumber)) ?? 1 } ?? 1
            return (id, attempt)
        }
    }

    func idsIn(_ name: String) throws -> [String] {
        records(in: name).map(\.id)
    }

    func redeliveredCount() throws -> Int {
        records(in: "out.jsonl").filter { $0.attempt > 1 }.count
    }

    /// Sum of the sinks' "suppressed duplicates" log lines.
    func duplicatesSuppressed() -> Int {
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var total = 0
        for log in logs where log.hasPrefix("sink-") {
            let text = (try? String(contentsOfFile: "\(directory)/\(log)", encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.contains("suppressed duplicates") {
                if let range = line.range(of: "count=") {
                    total += Int(line[range.upperBound...].prefix(while: \.isNumber)) ?? 0
                }
            }
        }
        return total
    }
}
