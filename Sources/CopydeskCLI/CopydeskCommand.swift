import ArgumentParser

/// `copydesk`: raw news articles in, structured JSON Lines out.
@main
struct CopydeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Turn raw news articles into structured JSON Lines, on one machine or many.",
        subcommands: [
            AnalyzeCommand.self, RunCommand.self, VentilatorCommand.self, WorkerCommand.self, SinkCommand.self,
            SubmitCommand.self, StatusCommand.self, KeygenCommand.self, BenchCommand.self, ChaosCommand.self,
        ]
    )
}
