import ArgumentParser
import Copydesk
import Foundation
import Logging
import ZeroMQ

/// `copydesk worker`: analyses what the ventilator leases it.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Take articles from a ventilator, analyse them, send reports to a sink.",
        discussion: "Stateless: start as many as you like, anywhere, and stop or kill them at will; their unfinished articles go to other workers. SIGINT or SIGTERM finishes what it holds, then exits."
    )

    @Option(help: "The ventilator's task endpoint (env COPYDESK_VENTILATOR; default \(DefaultEndpoints.tasksConnect)).")
    var ventilator: String?

    @Option(help: "The sink's results endpoint (env COPYDESK_SINK; default \(DefaultEndpoints.resultsConnect)).")
    var sink: String?

    @Option(help: "Analysis threads (env COPYDESK_THREADS; default: the number of cores).")
    var threads: Int?

    @Option(help: "Articles held at once, queued and in analysis (default: 32 per thread, at least 256). More keeps fast workers busy across slow links; fewer means less work to redo if the worker dies.")
    var capacity: Int?

    @Option(help: "After SIGINT or SIGTERM, seconds to finish what it holds before leaving the rest to other workers (default 25, inside Kubernetes' 30 s grace period).")
    var drainTimeout: Double = 25

    @Option(help: ArgumentHelp("What each article goes through.", visibility: .hidden))
    var processor: ProcessorChoice = .analysis

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var security: SecurityOptions

    func run() throws {
        let logger = try logging.bootstrap("copydesk.worker", defaultLevel: .info)
        var configuration = Worker.Configuration(
            ventilatorEndpoint: ventilator ?? DefaultEndpoints.tasksConnect,
            sinkEndpoint: sink ?? DefaultEndpoints.resultsConnect
        )
        let threadText = threads.map(String.init) ?? String(configuration.threads)
        guard let threadCount = Int(threadText), threadCount > 0 else { throw ValidationError("threads must be a positive number, not \(threadText)") }
        configuration.threads = threadCount
        configuration.curve = try security.curve(needs: .client)
        if let capacity {
            guard capacity > 0 else { throw ValidationError("--capacity must be at least 1") }
            configuration.capacity = capacity
        }
        guard drainTimeout >= 0 else { throw ValidationError("--drain-timeout must not be negative") }
        configuration.drainTimeout = .milliseconds(Int(drainTimeout * 1000))
        let stop = StopSignal()
        let trap = SignalTrap(stop)
        let context = try Context()
        let abandoned = try Worker(configuration, processor: processor.makeProcessor(), logger: logger).run(context: context, stop: stop)
        // An analysis thread may still be in one of them, holding its socket, and the context
        // would wait for it: leave now; the ventilator hands them to other workers.
        if abandoned > 0 { Foundation.exit(0) }
        withExtendedLifetime(trap) {}
    }
}
