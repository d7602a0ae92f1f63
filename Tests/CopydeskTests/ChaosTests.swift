import Foundation
import Testing

/// The short form of `copydesk chaos`: workers, the sink and the ventilator killed mid-run,
/// and every accepted article still exactly once. Sized for a debug build, where a worker
/// takes about two seconds to load the analyzer after each kill: about a minute alone, four
/// to six when the rest of the suite (the container and namespace tests among it) shares the
/// two cores with it.
@Suite(.serialized, .timeLimit(.minutes(11)))
struct ChaosTests {
    @Test func killsMidRunLoseNothingAndWriteNothingTwice() async throws {
        let workspace = try Workspace()
        let chaos = try ChildProcess("chaos", ["chaos", "--articles", "2000", "--rate", "800", "--kill-every", "0.7", "--dir", workspace.path("run")], in: workspace.url)
        let status = try await chaos.waitForExit(timeout: .seconds(600))
        #expect(status == 0, "\(chaos.stdout)")
        #expect(chaos.stdout.contains("lost:                    0"))
        #expect(chaos.stdout.contains("written twice:           0"))
        #expect(chaos.stdout.contains(" 1 sink, 1 ventilator"))
        #expect(!chaos.stdout.contains("kills:                   0 workers"))
    }
}
