import Foundation
import JSONOutput
import WebArticle

/// The intake requests for some files, read lazily: each non-blank line of a `.jsonl` file as
/// it is, `.html`/`.htm` files as `{"html": ...}`, decoded from the page's own encoding as a
/// browser would, and other files as `{"text": ...}` (bytes that are not UTF-8 are replaced,
/// so the text differs from the file's).
public struct SubmissionReader: Sequence {
    public let files: [String]

    public init(files: [String]) {
        self.files = files
    }

    public func makeIterator() -> Iterator {
        Iterator(pending: files.reversed())
    }

    public struct Iterator: IteratorProtocol {
        var pending: [String]
        var lines: LineReader?

        public mutating func next() -> [UInt8]? {
            while true {
                if let reader = lines {
                    switch try? reader.next() {
                    case .line(let line)?:
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        return line
                    case .tooLong?:
                        return Array(#"{"text":""}"#.utf8)  // The intake rejects it; the line is too long to send.
                    case nil:
                        lines = nil
                    }
                    continue
                }
                guard let path = pending.popLast() else { return nil }
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    pending.append(contentsOf: ArticleSource.articleFiles(in: path).reversed())
                } else if (path as NSString).pathExtension.lowercased() == "jsonl", let handle = FileHandle(forReadingAtPath: path) {
                    lines = LineReader(handle: handle, maximumLineBytes: 64 << 20)
                } else if let data = FileManager.default.contents(atPath: path) {
                    let isHTML = ["html", "htm"].contains((path as NSString).pathExtension.lowercased())
                    var object: [UInt8] = Array((isHTML ? #"{"html":"# : #"{"text":"#).utf8)
                    let text = isHTML ? PageDecoder.decode(Array(data)).utf8 : Array(data)
                    JSONText.appendString(String(decoding: text, as: UTF8.self), to: &object)
                    object.append(UInt8(ascii: "}"))
                    return object
                }
            }
        }
    }
}
