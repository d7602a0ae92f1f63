import ArgumentParser
import Copydesk
import Foundation
import Logging
import ZeroMQ

/// `copydesk submit`: feeds a running ventilator's intake.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Send articles to a running ventilator's intake and wait for each answer.",
        discussion: "Text files become {\"text\": ...} articles; each non-blank line of a .jsonl file is sent as it is. Prints a summary; exits 2 when any article was rejected."
    )

    @Argument(help: "Text files, .jsonl files or directories.")
    var files: [String]

    @Option(help: "The intake endpoint (env COPYDESK_INTAKE; default \(DefaultEndpoints.intakeConnect)).")
    var to: String?

    @Option(help: "Requests in flight at once.")
    var window = 64

    @Option(help: "Seconds to wait for an answer before giving up.")
    var timeout: Double = 30

    @OptionGroup var logging: LoggingOptions
    @OptionGroup var security: SecurityOptions

    mutating func validate() throws {
        try ArticleSource.validate(files)
        guard window > 0, timeout > 0 else { throw ValidationError("--window and --timeout must be positive") }
    }

    func run() throws {
        _ = try logging.bootstrap("copydesk.submit", defaultLevel: .warning)
        let endpoint = to ?? DefaultEndpoints.intakeConnect
        let context = try Context()
        let client = try IntakeClient(context: context, endpoint: endpoint, window: window, timeout: .milliseconds(Int(timeout * 1000)), curve: security.curve(needs: .client))
        var accepted = 0
        var duplicates = 0
        var rejected = 0
        _ = try client.submit(SubmissionReader(files: files)) { reply in
            if reply.accepted {
                accepted += 1
                if reply.duplicate { duplicates += 1 }
            } else {
                rejected += 1
                FileHandle.standardError.write(Data("rejected \(reply.id ?? "-"): \(reply.reason ?? "no reason given")\n".utf8))
            }
        }
 print("\(accepted) accepted (\(duplicates) of them duplicates), \(rejected) rejected by \(endpoint)" + (client.busyRetries > 0 ? " (\(client.busyRetries) busy answers retried)" : ""))
        if rejected > 0 { throw ExitCode(2) }
    }
}
