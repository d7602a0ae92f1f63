import Foundation

/// Tools some suites need beyond the Swift toolchain and libzmq. `.ci/run` installs them all,
/// so CI runs every suite; on a machine without them those suites are skipped, saying why.
enum TestTools {
    /// The Python modules the pyzmq client and the deploy lint import.
    static func pythonHas(_ modules: String...) -> Bool {
        run("/usr/bin/env", ["python3", "-c", modules.map { "import \($0)" }.joined(separator: "; ")])
    }

    static func commandExists(_ name: String) -> Bool {
        run("/usr/bin/env", ["sh", "-c", "command -v \(name)"])
    }

    static let hasPyzmq = pythonHas("zmq")
    static let canLintDeploy = pythonHas("yaml", "kubernetes_validate") && commandExists("systemd-analyze")
    static let skipReason = "needs what .ci/run installs (python3 -m pip install -r .ci/requirements.txt; apt-get install systemd)"

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
