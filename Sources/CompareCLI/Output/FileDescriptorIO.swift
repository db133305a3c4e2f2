#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)` until every byte is out, the one place that loops over short writes.
///
/// Retries on `EINTR`, waits with `poll(2)` on `EAGAIN` (a non-blocking stdout), and returns
/// the `errno` of the first real failure so each caller decides what it means: EPIPE on
/// stdout ends the process quietly, anything on a file fails the atomic write.
enum FileDescriptorIO {
    /// Writes all of `bytes` to `fd`; nil on success, else the failing `errno`.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(fd, next, remaining)
            if written > 0 {
                next += written
                remaining -= written
                continue
            }
            let error = written == 0 ? EIO : errno
            switch error {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 1000)
            default:
                return error
            }
        }
        return nil
    }

    /// Writes all of `bytes` to `fd`; nil on success, else the failing `errno`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// The text for an `errno`: `Broken pipe`, `No space left on device`.
    static func describe(_ error: Int32) -> String {
        guard let text = strerror(error) else { return "error \(error)" }
        return String(cString: text)
    }
}
