import ArgumentParser
import Foundation

/// `copydesk`: raw news articles in, structured JSON Lines out.
@main
struct CopydeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Turn raw news articles into structured JSON Lines, on one machine or many.",
        discussion: "Every option also reads the variable COPYDESK_<OPTION> when it is not on the command line: --lease-timeout reads COPYDESK_LEASE_TIMEOUT, --curve-dir COPYDESK_CURVE_DIR (submit --to reads COPYDESK_INTAKE). A flag is set by 1, true or yes.",
        subcommands: [
            AnalyzeCommand.self, RunCommand.self, VentilatorCommand.self, WorkerCommand.self, SinkCommand.self,
            SubmitCommand.self, StatusCommand.self, KeygenCommand.self, BenchCommand.self, ChaosCommand.self, ReportCommand.self,
        ]
    )

    /// Parses the command line with the `COPYDESK_*` variables standing in for options not
    /// given (``EnvironmentArguments``), and runs the command.
    static func main() {
        main(EnvironmentArguments.apply(ProcessInfo.processInfo.environment, to: Array(CommandLine.arguments.dropFirst()), root: Self.self))
    }
}
