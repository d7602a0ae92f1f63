@testable import Copydesk
import Foundation
import Logging
import Testing
import ZeroMQ

/// A worker in this process, its ventilator and sink played by the test over real inproc sockets.
@Suite struct WorkerTests {
    /// The name of the thread that calls it (Linux).
    static func currentThreadName() -> String {
        ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let logger = {
        var logger = Logger(label: "worker-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Delivers `count` articles to a one-thread worker and returns the results it sends on.
    static func results(count: Int, linesOnIOThread: Bool) async throws -> [ResultRecord] {
        try await SocketThread.run(name: "test-peers") {
            let context = try Context()
            defer { context.shutdown() }
            let ventilator = try Socket(context, type: .router)
            _ = try ventilator.bind("inproc://worker-test-tasks")
            let sink = try Socket(context, type: .pull)
            _ = try sink.bind("inproc://worker-test-results")

            var configuration = Worker.Configuration(ventilatorEndpoint: "inproc://worker-test-tasks", sinkEndpoint: "inproc://worker-test-results")
            configuration.threads = 1
            configuration.writesLinesOnIOThread = linesOnIOThread
            // Each line names the thread that wrote it.
            let worker = Worker(configuration, processor: { article in
                ProcessedArticle(id: article.id, attempt: article.attempt, status: .ok) {
                    Array(#"{"id":"\#(article.id)","writer":"\#(Self.currentThreadName())"}"#.utf8)
                }
            }, logger: Self.logger)
            let stop = StopSignal()
            let io = SocketThread(name: "worker-io-test") { _ = try? worker.run(context: context, stop: stop) }
            defer {
                stop.request()
                io.join()
            }

            guard let credit = try ventilator.receive(wait: .timeout(.seconds(10))) else { throw WorkerTestError.noCredit }
            let articles = (0..<count).map { ArticleRecord(id: "a-\($0)", source: "test", body: Array("Text \($0).".utf8)) }
            _ = try ventilator.send([credit[0]] + WireMessage.tasks(ventilator: "test", articles).frames)
            var results: [ResultRecord] = []
            while results.count < count, let frames = try sink.receive(wait: .timeout(.seconds(10))) {
                guard case .results(let records) = try WireMessage(frames: frames[...]) else { continue }
                results += records
            }
            return results
        }
    }

    @Test(arguments: [true, false])
    func writesLinesOnTheThreadItIsToldTo(linesOnIOThread: Bool) async throws {
        let results = try await Self.results(count: 40, linesOnIOThread: linesOnIOThread)
        #expect(Set(results.map(\.id)) == Set((0..<40).map { "a-\($0)" }))
        let writers = Set(results.map { String(decoding: $0.line, as: UTF8.self).components(separatedBy: "\"writer\":\"").last ?? "" })
        #expect(writers == [linesOnIOThread ? "worker-io-test\"}" : "analysis-0\"}"])
    }

    @Test func aPendingLineIsWrittenWhenItsResultIsAskedFor() {
        let pending = ProcessedArticle(id: "x", attempt: 2, status: .ok) { Array("{}".utf8) }
        #expect(pending.isPending)
        #expect(pending.result() == ResultRecord(id: "x", attempt: 2, status: .ok, line: Array("{}".utf8)))
        let written = ProcessedArticle(pending.result())
        #expect(!written.isPending)
        #expect(written.result() == pending.result())
    }

    @Test func analysisThreadsWriteTheirOwnLinesWhileTheIOThreadIsBehind() {
        let queue = ResultQueue(batchSize: 2)
        let pending = ProcessedArticle(id: "x", attempt: 1, status: .ok) { [] }
        #expect(queue.acceptsPendingLines)
        #expect(!queue.add(pending, nothingQueued: false))
        #expect(queue.add(ProcessedArticle(pending.result()), nothingQueued: false), "a full batch wakes the I/O thread")
        #expect(queue.acceptsPendingLines, "a written line does not count")
        #expect(!queue.add(pending, nothingQueued: false), "one wake-up until the I/O thread takes the batch")
        #expect(!queue.acceptsPendingLines, "a batch of lines waits for the I/O thread")
        #expect(queue.takeAll().count == 3)
        #expect(queue.acceptsPendingLines)
    }
}

enum WorkerTestError: Error {
    case noCredit
}
