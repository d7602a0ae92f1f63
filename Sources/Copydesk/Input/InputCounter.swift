import Foundation

/// A quick count of the articles in some inputs, for progress and ETA: one per file, one per
/// non-blank line of a JSONL file. `nil` when standard input is among them.
public enum InputCounter {
    public static func count(_ inputs: [String]) -> Int? {
        guard !inputs.contains("-") else { return nil }
        var total = 0
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                total += ArticleSource.articleFiles(in: input).reduce(0) { $0 + countFile($1) }
            } else {
                total += countFile(input)
            }
        }
        return total
    }

    /// Lines are read only to tell blank from not; a long one is counted without being kept.
    private static func countFile(_ path: String) -> Int {
        guard (path as NSString).pathExtension.lowercased() == "jsonl" else { return 1 }
        guard let reader = try? LineReader(path: path, maximumLineBytes: 1 << 16) else { return 0 }
        var lines = 0
        while let line = try? reader.next() {
            if case .line(let bytes) = line, LineReader.isBlank(bytes) { continue }
            lines += 1
        }
        return lines
    }
}
