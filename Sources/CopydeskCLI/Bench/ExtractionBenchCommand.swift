import ArgumentParser
import Copydesk
import Foundation
import JSONOutput
import NewsAnalysis
import WebArticle

/// `copydesk bench extraction DIR`: one thread turns every web page in DIR into an article,
/// for a few interleaved rounds, and prints pages/s and MB/s for extraction alone and for
/// extraction with the full analysis; with `--peer-python` it runs trafilatura on the same
/// pages in each round (Sources/WebArticle/Tools/peers) and prints the ratio. With
/// `--predictions` it writes one `{"id","articleBody","title","authors","date"}` line a page,
/// the form `score_extraction.py` reads; `date` is the date the page shows (`shownDate`), as
/// a reader of the page would give it.
struct ExtractionBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Article extraction throughput on a folder of web pages, beside trafilatura; also writes predictions for score_extraction.py.",
        discussion: """
            DIR holds .html/.htm files (or a pages/ folder of them); a page's id is its file name without the extension. \
            Pages are read into memory first; only extraction (and analysis) is timed, on one thread. Build with -c release.
            """
    )

    @Argument(help: "A folder of web pages (or one with a pages/ folder inside).")
    var directory: String

    @Option(help: "Interleaved rounds; the medians are printed.")
    var rounds = 3

    @Option(help: "Write one prediction line per page here (extraction only, no timing).")
    var predictions: String?

    @Option(help: "A Python with trafilatura (Sources/WebArticle/Tools/peers/install_peers.sh makes one) to run beside ours in each round.")
    var peerPython: String?

    @Option(help: "The peer script.")
    var peerScript = "Sources/WebArticle/Tools/peers/peer_extract.py"

    @Flag(help: "Skip the extraction + full analysis rows.")
    var extractionOnly = false

    func run() throws {
        let pages = try Self.readPages(pagesFolder)
        guard !pages.isEmpty else { throw ValidationError("\(directory): no .html or .htm files") }
        let extractor = WebArticleExtractor()
        if let predictions {
            try writePredictions(pages, extractor, to: predictions)
            return
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count }) / 1e6
        let analyzer = extractionOnly ? nil : try Analyzer()
        print("extraction bench: \(pages.count) pages, \(String(format: "%.1f", megabytes)) MB, \(rounds) rounds, one thread")
        var times: [String: [Double]] = [:]
        var failures = 0
        for _ in 0..<rounds {
            times["extraction", default: []].append(Self.seconds {
                for page in pages where (try? extractor.extract(page.bytes)) == nil { failures += 1 }
            })
            if let analyzer {
                times["extraction + full analysis", default: []].append(Self.seconds {
                    for page in pages { _ = try? analyzer.analyze(html: page.bytes, id: page.id) }
                })
            }
            if let peerPython { times["trafilatura", default: []].append(try runPeer(peerPython)) }
        }
        let ours = Self.median(times["extraction"]!)
        for name in ["extraction", "extraction + full analysis", "trafilatura"] {
            guard let values = times[name] else { continue }
            let t = Self.median(values)
            var row = "\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", Double(pages.count) / t)) pages/s  \(String(format: "%7.2f", megabytes / t)) MB/s"
            if name == "trafilatura" { row += "   (extraction alone is \(String(format: "%.1f", t / ours))× trafilatura)" }
            print(row)
        }
        print("pages without an article: \(failures / rounds)")
    }

    private struct Page {
        var id: String
        var bytes: [UInt8]
    }

    /// DIR, or its pages/ folder when it has one.
    private var pagesFolder: String {
        var isDirectory: ObjCBool = false
        let inner = directory + "/pages"
        return FileManager.default.fileExists(atPath: inner, isDirectory: &isDirectory) && isDirectory.boolValue ? inner : directory
    }

    private static func readPages(_ folder: String) throws -> [Page] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { ["html", "htm"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
        return try names.map { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { throw ValidationError("\(name): cannot read") }
            return Page(id: (name as NSString).deletingPathExtension, bytes: Array(data))
        }
    }

    private func writePredictions(_ pages: [Page], _ extractor: WebArticleExtractor, to path: String) throws {
        var out: [UInt8] = []
        var empty = 0
        for page in pages {
            let article = try? extractor.extract(page.bytes)
            if article == nil { empty += 1 }
            var json = JSONWriter()
            json.beginObject()
            json.member("id", page.id)
            json.member("articleBody", article?.text ?? "")
            json.member("title", article?.title?.value ?? "")
            json.member("authors", article?.authors?.value ?? [])
            json.member("date", article?.shownDate?.value ?? "")
            json.endObject()
            out.append(contentsOf: json.bytes)
            out.append(0x0A)
        }
        try Data(out).write(to: URL(fileURLWithPath: path))
        print("wrote \(pages.count) predictions to \(path) (\(empty) without an article)")
    }

    /// One trafilatura pass over the same pages in its own process; its own timing of the extraction alone.
    private func runPeer(_ python: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-peer-\(getpid()).jsonl").path
        process.arguments = [peerScript, "trafilatura", pagesFolder, "-o", output]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: output)
        let lastLine = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard process.terminationStatus == 0,
              let summary = try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any],
              let seconds = summary["seconds"] as? Double else {
            throw ValidationError("the peer failed (status \(process.terminationStatus)): \(lastLine)")
        }
        return seconds
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try work()
        return (ContinuousClock.now - start).seconds
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
