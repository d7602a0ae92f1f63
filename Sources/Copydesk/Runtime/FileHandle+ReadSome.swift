import Foundation

extension FileHandle {
    /// A read that failed, with the system's reason.
    struct ReadError: LocalizedError {
        let code: Int32
        var errorDescription: String? { String(cString: strerror(code)) }
    }

    /// One `read(2)` into `buffer`, retried when a signal interrupts it: the bytes read, 0 at
    /// the end of input. `read(upToCount:)` splits a large read into 4 KB system calls and
    /// copies the bytes once more through `Data`; the input readers read megabytes at a time.
    func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(fileDescriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw ReadError(code: errno) }
        }
    }
}
