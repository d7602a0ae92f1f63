import ArgumentParser
import Foundation

/// Every long option and flag of every command also reads `COPYDESK_<NAME>` when it is not on
/// the command line: `--lease-timeout` reads `COPYDESK_LEASE_TIMEOUT`, `--curve-dir`
/// `COPYDESK_CURVE_DIR`, so the same image runs anywhere with only environment settings. One
/// rule, applied to the arguments before they are parsed, over the options ArgumentParser
/// itself lists for the command; a flag is set by `1`, `true` or `yes`. The command line wins.
enum EnvironmentArguments {
    /// Variables that are not named after their option.
    static let aliases = ["submit --to": "COPYDESK_INTAKE"]

    /// Options no variable sets.
    static let excluded: Set<String> = ["help", "version", "experimental-dump-help", "generate-completion-script"]

    /// A command's long options and flags, and its subcommands, as ArgumentParser lists them.
    struct Command {
        var name: String
        var options: [(name: String, isFlag: Bool, short: String?)]
        var subcommands: [Command]
    }

    /// The tool as ArgumentParser describes it (its `--experimental-dump-help` JSON).
    static func describe(_ root: any ParsableCommand.Type) -> Command? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
              let command = json["command"] as? [String: Any] else { return nil }
        return Command(command)
    }

    /// The variable that stands for option `name` of the command at `path` ("bench analysis").
    static func variable(_ name: String, command path: String) -> String {
        aliases["\(path) --\(name)"] ?? "COPYDESK_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// `arguments` (without the program's name) with an option added for each variable in
    /// `environment` that names an option of the chosen command not given on the line.
    static func apply(_ environment: [String: String], to arguments: [String], root: any ParsableCommand.Type) -> [String] {
        guard environment.keys.contains(where: { $0.hasPrefix("COPYDESK_") }), var command = describe(root) else { return arguments }
        var path: [String] = []
        for argument in arguments {
            guard let next = command.subcommands.first(where: { $0.name == argument }) else { break }
            command = next
            path.append(argument)
        }
        let terminator = arguments.firstIndex(of: "--") ?? arguments.endIndex
        let given = arguments[..<terminator]
        var added: [String] = []
        for option in command.options where !excluded.contains(option.name) && !option.name.hasPrefix("no-") {
            let onLine = given.contains { argument in
                argument == "--\(option.name)" || argument.hasPrefix("--\(option.name)=") || option.short.map { argument == "-\($0)" } == true
            }
            guard !onLine, let value = environment[variable(option.name, command: path.joined(separator: " "))] else { continue }
            if option.isFlag {
                if ["1", "true", "yes"].contains(value.lowercased()) { added.append("--\(option.name)") }
            } else {
                added.append(contentsOf: ["--\(option.name)", value])
            }
        }
        return Array(arguments[..<terminator]) + added + Array(arguments[terminator...])
    }
}

extension EnvironmentArguments.Command {
    init?(_ json: [String: Any]) {
        guard let name = json["commandName"] as? String else { return nil }
        self.name = name
        options = (json["arguments"] as? [[String: Any]] ?? []).compactMap { argument in
            guard let kind = argument["kind"] as? String, kind == "option" || kind == "flag" else { return nil }
            let names = argument["names"] as? [[String: Any]] ?? []
            guard let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String else { return nil }
            let short = names.first(where: { $0["kind"] as? String == "short" })?["name"] as? String
            return (long, kind == "flag", short)
        }
        subcommands = (json["subcommands"] as? [[String: Any]] ?? []).compactMap(Self.init)
    }
}
