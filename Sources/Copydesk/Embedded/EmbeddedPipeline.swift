import Foundation
import Logging
import Synchronization
import ZeroMQ

/// `copydesk run`: ventilator, workers and sink in one process over inproc sockets, the same
/// roles and protocol as the multi-process form, nothing else to start.
///
/// Running it again with the same output resumes: the sink reads back the ids it holds and the
/// ventilator skips them.
public struct EmbeddedPipeline {
    public var inputs: [String]
    public var outputPath: String
    public var errorsPath: String
    public var deadLetterPath: String
    /// Analysis threads.
    public var workers: Int
    public var maximumArticleBytes = Limits.defaultMaximumArticleBytes
    public var leaseTimeout: Duration = .seconds(120)

    public init(inputs: [String], outputPath: String, workers: Int) {
        self.inputs = inputs
        self.outputPath = outputPath
        self.errorsPath = Sink.Configuration.defaultErrorsPath(for: outputPath)
        self.deadLetterPath = Sink.Configuration.defaultDeadLetterPath(for: outputPath)
        self.workers = workers
    }

    /// Runs to the end of the inputs (or until `stop`, after draining) and returns the tally.
    /// Blocks the calling thread, which must not be one of Swift's cooperative pool.
    public func run(processor: @escaping ArticleProcessor, stop: StopSignal, logger: Logger, onProgress: ((PipelineProgress) -> Void)? = nil) throws -> PipelineProgress {
        let context = try Context()
        let name = "copydesk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let tasks = "inproc://\(name)-tasks"
        let results = "inproc://\(name)-results"

        var sinkConfiguration = Sink.Configuration(resultsEndpoint: results, ventilatorEndpoint: tasks, outputPath: outputPath, errorsPath: errorsPath)
        sinkConfiguration.deadLetterPath = deadLetterPath
        let sink = try Sink(sinkConfiguration, logger: logger)
        var ventilatorConfiguration = Ventilator.Configuration(tasksEndpoint: tasks, sinkEndpoint: results, exitWhenDone: true)
        ventilatorConfiguration.inputs = inputs
        ventilatorConfiguration.skip = sink.writtenIDs
        ventilatorConfiguration.maximumArticleBytes = maximumArticleBytes
        ventilatorConfiguration.leaseTimeout = leaseTimeout
        let ventilator = try Ventilator(ventilatorConfiguration, logger: logger)
        var workerConfiguration = Worker.Configuration(ventilatorEndpoint: tasks, sinkEndpoint: results)
        workerConfiguration.threads = workers
        let worker = Worker(workerConfiguration, processor: processor, logger: logger)

        // The sink and the worker run until the ventilator has seen every article acknowledged.
        let finish = StopSignal()
        let failure = Mutex<(any Error)?>(nil)
        let roles = [
            SocketThread(name: "sink") { [sink] in
                do { try sink.run(context: context, stop: finish) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    stop.request()
                }
            },
            SocketThread(name: "worker-io") { [worker] in
                do { try worker.run(context: context, stop: finish) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    stop.request()
                }
            },
        ]
        let progress: PipelineProgress
        do {
            progress = try ventilator.run(context: context, stop: stop, onProgress: onProgress)
        } catch {
            finish.request()
            roles.forEach { $0.join() }
            throw error
        }
        finish.request()
        roles.forEach { $0.join() }
        if let error = failure.withLock({ $0 }) { throw error }
        return progress
    }
}
