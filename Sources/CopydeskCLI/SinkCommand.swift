import ArgumentParser
import Copydesk
import Foundation
import Logging
import ZeroMQ

/// `copydesk sink`: writes results once and acknowledges them.
struct SinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Write reports to a JSON Lines file, once each, and acknowledge them to the ventilator.",
        discussion: "Restart it with the same output at any time: it reads back what it wrote (cutting a torn last line) and never writes an id twice. SIGINT or SIGTERM syncs and exits."
    )

    @Option(name: .shortAndLong, help: "The JSON Lines output (env COPYDESK_OUTPUT; default results.jsonl in the working directory, as the ventilator's journal is).")
    var output = "results.jsonl"

    @Option(help: "Failures, one JSON object per line (env COPYDESK_ERRORS; default: OUTPUT with .errors.jsonl).")
    var errors: String?

    @Option(help: "Articles given up after their last attempt (env COPYDESK_DEAD_LETTERS; default: OUTPUT with .dead-letters.jsonl).")
    var deadLetters: String?

    @Option(help: "Endpoint to bind for results (env COPYDESK_RESULTS; default \(DefaultEndpoints.resultsBind)).")
    var results: String?

    @Option(help: "The ventilator's task endpoint, for acknowledgements (env COPYDESK_VENTILATOR; default \(DefaultEndpoints.tasksConnect)).")
    var ventilator: String?

    @Option(help: "Serve Prometheus metrics over HTTP at this endpoint, such as tcp://*:9571 (env COPYDESK_METRICS; default none).")
    var metrics: String?

    @OptionGroup var endpoints: EndpointsFileOption
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var security: SecurityOptions

    func run() throws {
        let logger = try logging.bootstrap("copydesk.sink", defaultLevel: .info)
        var configuration = Sink.Configuration(
            resultsEndpoint: results ?? DefaultEndpoints.resultsBind,
            ventilatorEndpoint: ventilator ?? DefaultEndpoints.tasksConnect,
            outputPath: output,
            errorsPath: errors ?? Sink.Configuration.defaultErrorsPath(for: output)
        )
        configuration.deadLetterPath = deadLetters ?? Sink.Configuration.defaultDeadLetterPath(for: output)
        configuration.curve = try security.curve(needs: [.server, .client])
        let stop = StopSignal()
        let trap = SignalTrap(stop)
        let context = try Context()
        let sink = try Sink(configuration, logger: logger)
        let metricsServer = try MetricsOptions.start(metrics, metrics: sink.metrics, context: context, logger: logger)
        defer { metricsServer?.shutdown() }
        let endpointsFile = endpoints.endpointsFile, metricsEndpoint = metricsServer?.endpoint
        try sink.run(context: context, stop: stop) { endpoint in
            FileHandle.standardOutput.write(Data("sink results=\(endpoint)\n".utf8))
            EndpointsFileOption.write(["results": endpoint, "metrics": metricsEndpoint], to: endpointsFile, logger: logger, stop: stop)
        }
        withExtendedLifetime(trap) {}
    }
}
