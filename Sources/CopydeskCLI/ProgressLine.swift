import Copydesk
import Foundation

/// The one-line progress display of `copydesk run` on a terminal: done/total, rate, errors, ETA.
struct ProgressLine {
    let enabled = isatty(STDERR_FILENO) != 0

    func show(_ progress: PipelineProgress, total: Int?) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text(progress, total: total)).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    func text(_ progress: PipelineProgress, total: Int?) -> String {
        let seconds = max(0.001, progress.elapsed.seconds)
        let rate = Double(progress.done) / seconds
        var line = "\(progress.done)"
        let known = total.map { $0 - progress.skipped }
        if let known { line += "/\(known)" }
        line += " articles · \(Int(rate))/s · \(progress.failed) errors"
        if progress.skipped > 0 { line += " · \(progress.skipped) already done" }
        if let known, rate > 0, known > progress.done {
            let remaining = Int(Double(known - progress.done) / rate)
            line += String(format: " · ETA %d:%02d", remaining / 60, remaining % 60)
        }
        return line
    }
}
