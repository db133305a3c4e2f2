#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard output: one buffered writer on fd 1 through `write(2)`.
///
/// Why not `print` or `FileHandle`: with SIGPIPE ignored, `FileHandle.write` crashes on a
/// closed pipe and `print` silently keeps writing, so `bureau-compare extract | head -1`
/// would either crash or waste work. This writer checks every `write(2)`: on EPIPE the
/// reader has gone and nothing we print can matter any more, so the process ends quietly
/// with status 0; any other error (a full disk, `> /dev/full`) is remembered in
/// `failure`, further output is dropped, and the caller exits with status 3.
///
/// Call `StandardOutput.ignoreSIGPIPE()` once at start-up, before the first write, or the
/// kernel kills the process with SIGPIPE before `write(2)` can return EPIPE. Never mix this
/// writer with `print` on the same stream: their buffers would interleave.
public struct StandardOutput: UTF8OutputStream {
    /// Bytes collected before one `write(2)`: large enough that a table or CSV goes out in
    /// few system calls, small enough that `| head` sees the first rows early.
    public static let bufferLimit = 64 * 1024

    private let fd: Int32
    private var buffer: [UInt8] = []
    /// The `errno` of the first failed write other than EPIPE; nil while all is well.
    public private(set) var failure: Int32?

    /// A writer on `fd` (standard output unless a test says otherwise).
    public init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        buffer.reserveCapacity(Self.bufferLimit)
    }

    /// Makes a write to a closed pipe return EPIPE instead of killing the process.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    public mutating func write(_ string: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.bufferLimit {
            flush()
        }
    }

    /// Appends bytes through the buffer, as `write(_:)` does a string's UTF-8.
    public mutating func write(utf8 bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit {
            flush()
        }
    }

    /// Sends the buffered bytes; on EPIPE ends the process with status 0.
    public mutating func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        let error = FileDescriptorIO.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
        switch error {
        case nil:
            break
        case EPIPE:
            exit(ExitCode.success.rawValue)
        case let error?:
            failure = error
        }
    }

    /// The failure as a line for stderr, or nil when every write succeeded.
    public var failureMessage: String? {
        failure.map { "cannot write to standard output: " + FileDescriptorIO.describe($0) }
    }
}
