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
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while let count = try? handle.readSome(into: chunk), count > 0 {
            let bytes = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
            let base = bytes.baseAddress!
            var start = 0
            while start < bytes.count {
                // memchr finds the line ends; a line only needs reading up to its first non-blank byte.
                let end: Int
                if let found = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: UnsafeRawPointer(found))
                } else {
                    end = bytes.count
                }
                var index = start
                while !lineHasContent, index < end {
                    let byte = bytes[index]
                    lineHasContent = byte != 0x20 && byte != 0x09 && byte != 0x0D
                    index += 1
                }
                guard end < bytes.count else { break }
                if lineHasContent { lines += 1 }
                lineHasContent = false
                start = end + 1
            }
        }
        return lines + (lineHasContent ? 1 : 0)
    }
}
