import ArgumentParser
import Copydesk
import Foundation
import Logging
import ZeroMQ

/// `copydesk ventilator`: reads inputs and the intake, leases articles to workers.
struct VentilatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ventilator",
        abstract: "Hand articles from files and the intake socket to workers, under leases.",
        discussion: """
            Workers and the sink connect to --tasks. Articles come from the INPUT files and from the intake socket, where other systems submit them (see Sources/Copydesk/Protocol/PROTOCOL.md). With inputs and no intake, it exits when every article is acknowledged by the sink; otherwise it runs until SIGINT or SIGTERM, then drains.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "Endpoint to bind for workers and the sink (env COPYDESK_TASKS; default \(DefaultEndpoints.tasksBind)).")
    var tasks: String?

    @Option(help: "The sink's results endpoint, for input failures (env COPYDESK_SINK; default \(DefaultEndpoints.resultsConnect)).")
    var sink: String?

    @Option(help: "Endpoint to bind for submissions, or none (env COPYDESK_INTAKE; default \(DefaultEndpoints.intakeBind), or none when inputs are given).")
    var intake: String?

    @Option(help: "SQLite journal of accepted intake articles, so a restart loses none, or none (env COPYDESK_JOURNAL; default intake-journal.sqlite).")
    var journal: String?

    @Option(help: "Deliveries before an article is given up (it then goes to the sink's dead-letter file).")
    var maxAttempts = 3

    @Option(help: "Seconds a lease lasts after its worker last said it holds the article (every heartbeat does), so a result lost on the way to the sink goes out again; slow work keeps its lease.")
    var leaseTimeout: Double = 60

    @Option(help: "Seconds a worker may stay silent before its articles go to others.")
    var workerTimeout: Double = 5

    @Option(help: "After SIGINT or SIGTERM, seconds to wait for the sink to acknowledge what is in flight; what is left is handed out again after a restart (from the journal or the inputs).")
    var drainTimeout: Double = 30

    @Option(help: "Articles waiting for workers beyond which the intake answers busy (submitters retry).")
    var intakeQueueLimit = 10_000

    @Option(help: "Articles longer than this many bytes become error records.")
    var maxArticleBytes: Int = Limits.defaultMaximumArticleBytes

    @Option(help: "Serve Prometheus metrics over HTTP at this endpoint, such as tcp://*:9570 (env COPYDESK_METRICS; default none).")
    var metrics: String?

    @OptionGroup var endpoints: EndpointsFileOption
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var security: SecurityOptions

    mutating func validate() throws {
        guard maxAttempts > 0, leaseTimeout > 0, workerTimeout > 0, intakeQueueLimit > 0, drainTimeout >= 0 else {
            throw ValidationError("--max-attempts, --lease-timeout, --worker-timeout and --intake-queue-limit must be positive, --drain-timeout not negative")
        }
        try ArticleSource.validate(inputs)
    }

    func run() throws {
        let logger = try logging.bootstrap("copydesk.ventilator", defaultLevel: .info)
        let intakeEndpoint = intake ?? (inputs.isEmpty ? DefaultEndpoints.intakeBind : "none")
        var configuration = Ventilator.Configuration(
            tasksEndpoint: tasks ?? DefaultEndpoints.tasksBind,
            sinkEndpoint: sink ?? DefaultEndpoints.resultsConnect,
            exitWhenDone: intakeEndpoint == "none"
        )
        configuration.intakeEndpoint = intakeEndpoint == "none" ? nil : intakeEndpoint
        configuration.inputs = inputs
        configuration.maximumAttempts = maxAttempts
        configuration.leaseTimeout = .milliseconds(Int(leaseTimeout * 1000))
        configuration.workerTimeout = .milliseconds(Int(workerTimeout * 1000))
        configuration.drainTimeout = .milliseconds(Int(drainTimeout * 1000))
        configuration.maximumArticleBytes = maxArticleBytes
        configuration.intakeQueueLimit = intakeQueueLimit
        let journalPath = journal ?? "intake-journal.sqlite"
        configuration.journalPath = journalPath == "none" ? nil : journalPath
        configuration.curve = try security.curve(needs: [.server, .client])
        let stop = StopSignal()
        let trap = SignalTrap(stop)
        let context = try Context()
        let ventilator = try Ventilator(configuration, logger: logger)
        let metricsServer = try MetricsOptions.start(metrics, metrics: ventilator.metrics, context: context, logger: logger)
        defer { metricsServer?.shutdown() }
        let endpointsFile = endpoints.endpointsFile, metricsEndpoint = metricsServer?.endpoint
        try ventilator.run(context: context, stop: stop) { bound in
            // One line on stdout that scripts (and tests) can wait for.
            FileHandle.standardOutput.write(Data("ventilator tasks=\(bound.tasks) intake=\(bound.intake ?? "none")\n".utf8))
            EndpointsFileOption.write(["tasks": bound.tasks, "intake": bound.intake, "metrics": metricsEndpoint], to: endpointsFile, logger: logger, stop: stop)
        }
        withExtendedLifetime(trap) {}
    }
}
