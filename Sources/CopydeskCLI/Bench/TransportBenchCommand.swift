import ArgumentParser
import CZMQBench
import Foundation
import ZeroMQ

/// `copydesk bench transport`: PUSH→PULL over tcp loopback through the Swift wrapper, side by
/// side with the same loop written in C against libzmq, to show what the wrapper costs.
struct TransportBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport",
        abstract: "PUSH→PULL over tcp loopback: the Swift wrapper against the same loop in C."
    )

    @Option(help: "Messages per round.")
    var messages = 200_000

    @Option(help: "Bytes per message (an article is about 3 KB).")
    var size = 3_072

    @Option(help: "Rounds of each; the best and the median are shown.")
    var rounds = 5

    mutating func validate() throws {
        guard messages > 0, size > 0, rounds > 0 else {
            throw ValidationError("--messages, --size and --rounds must be positive")
        }
    }

    func run() throws {
        print("PUSH→PULL, tcp loopback, \(messages) messages of \(size) bytes, \(rounds) rounds, libzmq \(ZMQLibrary.versionString)")
        var swiftRates: [Double] = []
        var cRates: [Double] = []
        // Interleave the two so drift in machine load hits both alike.
        for round in 1...rounds {
            let c = czmq_bench_push_pull(CInt(messages), CInt(size))
            guard c > 0 else { throw ValidationError("the C loop failed") }
            let swift = try PushPullLoop(messages: messages, size: size).run()
            cRates.append(c)
            swiftRates.append(swift)
            print("round \(round): C \(Int(c)) msg/s, Swift \(Int(swift)) msg/s")
        }
        let cMedian = cRates.sorted()[rounds / 2]
        let swiftMedian = swiftRates.sorted()[rounds / 2]
        let cost = (1 - swiftMedian / cMedian) * 100
        print("median: C \(Int(cMedian)) msg/s, Swift \(Int(swiftMedian)) msg/s; wrapper cost \(String(format: "%.1f", cost))%")
        print("best:   C \(Int(cRates.max()!)) msg/s, Swift \(Int(swiftRates.max()!)) msg/s")
    }
}
