import ArgumentParser
import Copydesk
import Foundation

/// `--curve-dir`, shared by every command that talks over tcp.
struct SecurityOptions: ParsableArguments {
    @Option(help: "Directory of CURVE certificates from `copydesk keygen`; turns on encryption and client allowlisting (env COPYDESK_CURVE_DIR).")
    var curveDir: String?

    /// The CURVE keys this role needs, or `nil` when CURVE is off.
    func curve(needs: CurveSetup.Needs) throws -> CurveSetup? {
        guard let directory = curveDir, !directory.isEmpty else { return nil }
        return try CurveSetup.load(directory: directory, needs: needs)
    }
}
