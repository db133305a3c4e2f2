#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written piece by piece into a hidden temporary file beside its destination, until it
/// is renamed over the destination (`AtomicFileBatch.commit`) or removed (`discard`).
///
/// Why: `compare`'s metrics.csv and comparison.json grow with the number of reports (about
/// 6.5 MB and 5 MB per 1,000); built whole in memory they would set the process's peak. Written
/// as they are produced, through one fixed buffer, they cost the buffer. The temporary file is
/// `AtomicFile`'s — `.name.tmp-XXXXXX` in the destination's folder, so the rename stays on one
/// file system; the destination's permissions (0644 for a new file); flushed to disk before it
/// is renamed — so a killed run leaves at most that hidden file.
///
/// A write that fails (no space left) is remembered, later writes are dropped, and `finish`
/// throws it. A class, because the descriptor and the buffer belong to one writer: a copy must
/// not write or close them a second time.
final class StagedFile: UTF8OutputStream {
    /// Bytes collected before one `write(2)`.
    static let bufferLimit = 64 * 1024

    /// The destination.
    let path: String
    /// The temporary file beside it.
    let temporary: String
    /// -1 once closed.
    private var fd: Int32
    private var buffer: [UInt8] = []
    /// The first failed write; nothing more is written after it.
    private var failure: AtomicFileError?

    /// Creates the temporary file for `path`, whose folder must exist.
    init(for path: String) throws(AtomicFileError) {
        let (folder, name) = AtomicFile.split(path)
        var template = Array((folder + "/." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw AtomicFileError(step: .createTemporary, path: folder, code: errno) }
        self.path = path
        self.fd = fd
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        buffer.reserveCapacity(Self.bufferLimit)
    }

    deinit {
        if fd >= 0 { _ = close(fd) }
    }

    func write(_ string: String) {
        guard failure == nil, fd >= 0 else { return }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.bufferLimit { flush() }
    }

    /// Appends `bytes` through the buffer, as `write(_:)` does a string's.
    func write(utf8 bytes: [UInt8]) {
        guard failure == nil, fd >= 0 else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { flush() }
    }

    func write(_ bytes: [UInt8]) {
        guard failure == nil, fd >= 0 else { return }
        flush()
        if failure == nil, let error = FileDescriptorIO.writeAll(fd, bytes) {
            failure = AtomicFileError(step: .write, path: temporary, code: error)
        }
    }

    /// Sends the buffered bytes to the file.
    private func flush() {
        guard failure == nil, fd >= 0, !buffer.isEmpty else { return }
        if let error = FileDescriptorIO.writeAll(fd, buffer) {
            failure = AtomicFileError(step: .write, path: temporary, code: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, gives the file the destination's permissions, flushes it to
    /// disk and closes it: ready to be renamed. Throws the first failed step (an earlier
    /// failed write included); the temporary file is then left for `discard`.
    func finish() throws(AtomicFileError) {
        flush()
        defer { buffer = [] }
        guard fd >= 0 else { return }
        let fd = self.fd
        self.fd = -1
        if let failure {
            _ = close(fd)
            throw failure
        }
        _ = fchmod(fd, AtomicFile.mode(of: path) ?? 0o644)
        guard fsync(fd) == 0 else {
            let error = AtomicFileError(step: .sync, path: temporary, code: errno)
            _ = close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw AtomicFileError(step: .write, path: temporary, code: errno) }
    }

    /// Closes and removes the temporary file: the destination stays as it was.
    func discard() {
        if fd >= 0 {
            _ = close(fd)
            fd = -1
        }
        buffer = []
        _ = unlink(temporary)
    }
}
