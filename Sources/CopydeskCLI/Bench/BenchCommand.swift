import ArgumentParser

/// `copydesk bench`: the project's own benchmarks (release builds only give real figures).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Copydesk's speed (build with -c release for real figures).",
        subcommands: [TransportBenchCommand.self, PipelineBenchCommand.self, AnalysisBenchCommand.self, ExtractionBenchCommand.self, SummaryBenchCommand.self, QuotesBenchCommand.self, InputBenchCommand.self]
    )
}
