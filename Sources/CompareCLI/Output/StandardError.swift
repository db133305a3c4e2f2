#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard error: every write goes out at once, unbuffered.
///
/// Diagnostics must appear when they happen and in order with whatever else the terminal
/// shows, and there is nowhere left to report a failure to write them, so errors are
/// ignored (a closed stderr must not stop the work whose result goes to stdout).
public struct StandardError: TextOutputStream {
    private let fd: Int32

    /// A writer on `fd` (standard error unless a test says otherwise).
    public init(fd: Int32 = STDERR_FILENO) {
        self.fd = fd
    }

    public mutating func write(_ string: String) {
        guard !string.isEmpty else { return }
        _ = FileDescriptorIO.writeAll(fd, Array(string.utf8))
    }
}
