import Foundation

/// Articles from the command line's inputs, read lazily in order: `.txt` (or any named) files,
/// directories (recursively: `.txt`, `.text`, `.html`, `.htm`, `.jsonl`), `.jsonl` files with
/// one article object per line, and `-` for standard input (JSON Lines when it starts with `{`,
/// else one text article).
public final class ArticleSource {
    /// One thing read: an article, or an input that cannot become one.
    public enum Item: Sendable {
        case article(ArticleRecord)
        case failure(FailureRecord)
    }

    private var pending: [String]
    private let maximumBodyBytes: Int
    private var lines: (reader: LineReader, name: String, number: Int)?

    /// - Parameters:
    ///   - inputs: Paths and `-`, as given by the user.
    ///   - maximumBodyBytes: Longer articles become failure records.
    public init(inputs: [String], maximumBodyBytes: Int) {
        self.pending = inputs.reversed()
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Checks that every input exists, before any work starts.
    public static func validate(_ inputs: [String]) throws {
        for input in inputs where input != "-" {
            guard FileManager.default.fileExists(atPath: input) else { throw InputError.missing(input) }
        }
    }

    /// The next item, or `nil` when every input is read.
    public func next() -> Item? {
        while true {
            if let current = lines {
                let lineNumber = current.number + 1
                lines?.number = lineNumber
                let source = "\(current.name):\(lineNumber)"
                do {
                    switch try current.reader.next() {
                    case nil:
                        lines = nil
                    case .tooLong(let bytes):
                        return .failure(failure(source, ArticleJSONError.tooLarge(bytes: bytes, limit: maximumBodyBytes).description, raw: Array(source.utf8)))
                    case .line(let line):
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        switch ArticleJSON.parse(line, source: source, maximumBodyBytes: maximumBodyBytes) {
                        case .success(let article): return .article(article)
                        case .failure(let error): return .failure(failure(source, error.description, raw: line))
                        }
                    }
                } catch {
                    lines = nil
                    return .failure(failure(current.name, "could not read: \(error)", raw: Array(current.name.utf8)))
                }
                continue
            }
            guard let input = pending.popLast() else { return nil }
            if let item = open(input) { return item }
        }
    }

    /// Opens one input: queues a directory's files, starts a JSONL file, or reads a text file.
    private func open(_ path: String) -> Item? {
        if path == "-" {
            let stdin = FileHandle.standardInput
            let reader = LineReader(handle: stdin, maximumLineBytes: maximumBodyBytes * 2 + 65_536)
            // Peek: JSON Lines start with "{"; anything else is one text article.
            guard let first = try? reader.next() else { return nil }
            switch first {
            case .line(let line) where line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{"):
                reader.unread(line)
                lines = (reader, "stdin", 0)
                return nil
            default:
                var body: [UInt8] = []
                if case .line(let line) = first { body = line }
                while let next = try? reader.next(), case .line(let line) = next { body += [0x0A] + line }
                return textArticle(body, source: "stdin")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(failure(path, "no such file or directory", raw: Array(path.utf8)))
        }
        if isDirectory.boolValue {
            pending.append(contentsOf: Self.articleFiles(in: path).reversed())
            return nil
        }
        if (path as NSString).pathExtension.lowercased() == "jsonl" {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(failure(path, "could not open for reading", raw: Array(path.utf8)))
            }
            lines = (LineReader(handle: handle, maximumLineBytes: maximumBodyBytes * 2 + 65_536), path, 0)
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBodyBytes else {
            return .failure(failure(path, ArticleJSONError.tooLarge(bytes: size, limit: maximumBodyBytes).description, raw: Array(path.utf8)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(failure(path, "could not read the file", raw: Array(path.utf8)))
        }
        let format: ArticleRecord.BodyFormat = ["html", "htm"].contains((path as NSString).pathExtension.lowercased()) ? .html : .text
        var item = textArticle(Array(data), source: path)
        if case .article(var article) = item {
            article.format = format
            item = .article(article)
        }
        return item
    }

    private func textArticle(_ body: [UInt8], source: String) -> Item {
        .article(ArticleRecord(id: ArticleID.derive(url: "", body: body), source: source, body: body))
    }

    /// A failure record for input that never became an article; its id is derived from the raw bytes.
    private func failure(_ source: String, _ reason: String, raw: [UInt8]) -> FailureRecord {
        FailureRecord(id: ArticleID.derive(url: source, body: raw), attempt: 1, source: source, reason: reason, stage: .input)
    }

    static let articleExtensions: Set<String> = ["txt", "text", "html", "htm", "jsonl"]

    /// The article files under `directory`, recursively, in a stable order, as paths.
    static func articleFiles(in directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { articleExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}

/// What is wrong with the inputs as given.
public enum InputError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        }
    }
}
