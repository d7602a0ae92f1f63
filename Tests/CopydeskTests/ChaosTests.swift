import Foundation
import Testing

/// The short form of `copydesk chaos`: workers, the sink and the ventilator killed mid-run,
/// and every accepted article still exactly once. On the release build when it is fresh (as
/// in CI): 6,000 articles in about 25 s alone, a dozen worker kills. On the debug build a worker
/// takes about two seconds to load the analyzer after each kill, so it gets 2,000: about a
/// minute alone, four when the rest of the suite shares the two cores with it.
@Suite(.serialized, .timeLimit(.minutes(11)))
struct ChaosTests {
    @Test func killsMidRunLoseNothingAndWriteNothingTwice() async throws {
        let workspace = try Workspace()
        let release = ReleaseBuild.fresh
        let articles = release == nil ? 2000 : 6000
        print("chaos on the \(release == nil ? "debug" : "release") build, \(articles) articles")
        let chaos = try ChildProcess("chaos", ["chaos", "--articles", "\(articles)", "--rate", "800", "--kill-every", "0.7", "--dir", workspace.path("run")],
                                     in: workspace.url, executable: release ?? ChildProcess.executable)
        let status = try await chaos.waitForExit(timeout: .seconds(600))
        #expect(status == 0, "\(chaos.stdout)")
        #expect(chaos.stdout.contains("lost:                    0"))
        #expect(chaos.stdout.contains("written twice:           0"))
        #expect(chaos.stdout.contains(" 1 sink, 1 ventilator"))
        #expect(!chaos.stdout.contains("kills:                   0 workers"))
    }
}
