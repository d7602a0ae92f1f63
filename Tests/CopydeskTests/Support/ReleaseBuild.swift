import Foundation

/// The release build beside the debug one `swift test` makes: what Deploy/Dockerfile's build
/// stage builds, built on the host by `.ci/run` before the tests (the build stage needs a
/// registry, which CI does not have). The container test needs it, and the chaos test runs on
/// it when it is there, at the speed users get.
enum ReleaseBuild {
    static let command = "swift build -c release --product copydesk --static-swift-stdlib"
    static let directory = PythonProcess.repository.appendingPathComponent(".build/release")
    static let binary = directory.appendingPathComponent("copydesk")

    /// When the binary was built; `nil` when there is none.
    static var built: Date? { modified(binary) }

    /// Whether some file under `Sources/` changed after the binary was built (the tree is
    /// walked once per test run).
    static let isStale: Bool = {
        guard let built else { return true }
        let sources = PythonProcess.repository.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey])
        return (files?.allObjects as? [URL] ?? []).compactMap(modified).contains { $0 > built }
    }()

    /// The binary, when it is newer than every source; `nil` otherwise.
    static let fresh: URL? = isStale ? nil : binary

    private static func modified(_ url: URL) -> Date? {
        try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
    }
}
