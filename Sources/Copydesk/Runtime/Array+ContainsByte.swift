import Foundation

extension [UInt8] {
    /// Whether `byte` occurs, by `memchr`, which looks at many bytes at a time: `contains(_:)`
    /// goes one by one, and the pipeline asks this of every 17 KB report line.
    public func containsByte(_ byte: UInt8) -> Bool {
        withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
