import ArgumentParser
import Foundation
import Logging
import ZeroMQ

/// `--endpoints-file`: what a role bound, written once it is ready, so that whoever starts it
/// with port `*` (`tcp://127.0.0.1:*`) learns the port the kernel chose. The same endpoints are
/// on the role's stdout line and in its "ready" log line; a file is what scripts and tests can
/// wait for without reading the role's output.
struct EndpointsFileOption: ParsableArguments {
    @Option(help: "Once ready, write the endpoints bound to this file as one JSON object ({\"tasks\":\"tcp://127.0.0.1:40123\",...}), replacing it whole: for binding port * and finding the port (env COPYDESK_ENDPOINTS_FILE).")
    var endpointsFile: String?

    mutating func validate() throws {
        guard let endpointsFile else { return }
        let directory = URL(fileURLWithPath: endpointsFile).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--endpoints-file: no directory \(directory)")
        }
    }

    /// Writes `endpoints` (name to endpoint; `nil` ones left out) to the file, if one was asked
    /// for: to a temporary file first, then renamed, so a reader never sees half of it. If that
    /// fails the role is told to stop, saying why: whoever waits for the file would wait forever.
    static func write(_ endpoints: [String: String?], to path: String?, logger: Logger, stop: StopSignal) {
        guard let path else { return }
        do {
            let json = try JSONSerialization.data(withJSONObject: endpoints.compactMapValues { $0 }, options: [.sortedKeys, .withoutEscapingSlashes])
            try (json + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            logger.error("could not write the endpoints file; stopping", metadata: ["path": "\(path)", "error": "\(error)"])
            stop.request()
        }
    }
}
