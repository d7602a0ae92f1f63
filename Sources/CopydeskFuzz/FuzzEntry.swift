import Foundation

// Two ways to run:
// - built with `-sanitize=fuzzer -DFUZZING` (see README.md here), libFuzzer drives
//   `LLVMFuzzerTestOneInput` and supplies `main`;
// - built normally, `CopydeskFuzz TARGET FILE...` replays inputs (a corpus, or crashes kept as
//   regressions) through a target once each.

/// The fuzz target libFuzzer calls, chosen by the COPYDESK_FUZZ_TARGET environment variable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch ProcessInfo.processInfo.environment["COPYDESK_FUZZ_TARGET"] ?? "protocols" {
    case "analysis": FuzzTargets.analysis(bytes)
    case "webpage": FuzzTargets.webPage(bytes)
    default: FuzzTargets.protocols(bytes)
    }
    return 0
}

#if !FUZZING
/// Replays files through a target.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let targets: [String: ([UInt8]) -> Void] = [
            "analysis": FuzzTargets.analysis, "protocols": FuzzTargets.protocols, "webpage": FuzzTargets.webPage,
        ]
        guard let name = arguments.first, let target = targets[name] else {
            FileHandle.standardError.write(Data("usage: CopydeskFuzz analysis|protocols|webpage FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            target(Array(data))
        }
        print("replayed \(arguments.count - 1) inputs through \(name)")
    }
}
#endif

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point under this name; hand it to libFuzzer's driver.
@_cdecl("CopydeskFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
        runFuzzerDriver(&count, UnsafeMutableRawPointer(argumentsPointer).assumingMemoryBound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self)) { data, size in
            fuzzOneInput(data, size)
        }
    }
}
#endif
