import Foundation
import SystemPackage

extension FileHandle {
    /// One `read(2)` into `buffer`, retried when a signal interrupts it: the bytes read, 0 at
    /// the end of input; a failure throws the system's `Errno`. `read(upToCount:)` splits a
    /// large read into 4 KB system calls and copies the bytes once more through `Data`; the
    /// input readers read megabytes at a time.
    func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        return try FileDescriptor(rawValue: fileDescriptor).read(into: buffer)
    }
}
