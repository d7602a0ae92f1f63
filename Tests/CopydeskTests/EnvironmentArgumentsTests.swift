@testable import CopydeskCLI
import Foundation
import Testing

/// Every option of every command reads its `COPYDESK_*` variable; the command line wins.
@Suite(.timeLimit(.minutes(2)))
struct EnvironmentArgumentsTests {
    /// Each command's path ("bench analysis") and its options, walked from the tool's own description.
    static func commands() throws -> [(path: [String], command: EnvironmentArguments.Command)] {
        var out: [(path: [String], command: EnvironmentArguments.Command)] = []
        func walk(_ command: EnvironmentArguments.Command, _ path: [String]) {
            out.append((path, command))
            for sub in command.subcommands { walk(sub, path + [sub.name]) }
        }
        walk(try #require(EnvironmentArguments.describe(CopydeskCommand.self)), [])
        return out
    }

    @Test func everyOptionOfEveryCommandReadsItsVariable() throws {
        var checked = 0
        for (path, command) in try Self.commands() {
            for option in command.options where !EnvironmentArguments.excluded.contains(option.name) && !option.name.hasPrefix("no-") {
                let variable = EnvironmentArguments.variable(option.name, command: path.joined(separator: " "))
                #expect(variable.hasPrefix("COPYDESK_"))
                let applied = EnvironmentArguments.apply([variable: option.isFlag ? "true" : "7"], to: path, root: CopydeskCommand.self)
                #expect(applied == path + (option.isFlag ? ["--\(option.name)"] : ["--\(option.name)", "7"]), "\(path) --\(option.name) from \(variable)")
                checked += 1
            }
        }
        // Every role's timing, limit and capacity flags among them.
        #expect(checked > 80)
        let ventilator = try #require(try Self.commands().first { $0.path == ["ventilator"] }).command.options.map(\.name)
        #expect(Set(["max-attempts", "lease-timeout", "worker-timeout", "intake-queue-limit"]).isSubset(of: ventilator))
    }

    @Test func theCommandLineWinsAndFlagsNeedATrueValue() {
        let environment = ["COPYDESK_LEASE_TIMEOUT": "9", "COPYDESK_OUTPUT": "env.jsonl", "COPYDESK_HTML": "0"]
        #expect(EnvironmentArguments.apply(environment, to: ["ventilator", "--lease-timeout", "3"], root: CopydeskCommand.self) == ["ventilator", "--lease-timeout", "3"])
        #expect(EnvironmentArguments.apply(environment, to: ["ventilator", "--lease-timeout=3"], root: CopydeskCommand.self) == ["ventilator", "--lease-timeout=3"])
        #expect(EnvironmentArguments.apply(environment, to: ["sink", "-o", "flag.jsonl"], root: CopydeskCommand.self) == ["sink", "-o", "flag.jsonl"])
        #expect(EnvironmentArguments.apply(environment, to: ["analyze", "a.txt"], root: CopydeskCommand.self) == ["analyze", "a.txt"])
        #expect(EnvironmentArguments.apply(["COPYDESK_INTAKE": "tcp://h:1"], to: ["submit", "x.jsonl"], root: CopydeskCommand.self) == ["submit", "x.jsonl", "--to", "tcp://h:1"])
    }

    @Test func theProgramReadsTheVariables() async throws {
        let workspace = try Workspace()
        let seeds = Workspace.seeds.path
        let run = try ChildProcess("run", ["run", seeds], in: workspace.url, environment: ["COPYDESK_OUTPUT": "from-env.jsonl", "COPYDESK_WORKERS": "1"])
        #expect(try await run.waitForExit() == 0, "\(run.stderr)")
        #expect(workspace.lineCount("from-env.jsonl") == 1)
        let refused = try ChildProcess("ventilator", ["ventilator", seeds], in: workspace.url, environment: ["COPYDESK_MAX_ATTEMPTS": "many"])
        #expect(try await refused.waitForExit() != 0)
        #expect(refused.stderr.contains("--max-attempts"))
    }
}
