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

    private static func countFile(_ path: String) -> Int {
        guard (path as NSString).pathExtension.lowercased() == "jsonl" else { return 1 }
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var lines = 0
        var lineHasContent = false
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if lineHasContent { lines += 1 }
                    lineHasContent = false
                } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                    lineHasContent = true
                }
            }
        }
        return lines + (lineHasContent ? 1 : 0)
    }
}
