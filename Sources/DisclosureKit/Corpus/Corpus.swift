#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the report files among the paths a user gives and reads each one into text.
///
/// `bureau-compare extract Datasets extra/city-b.pdf` hands this the two paths: a folder is walked for
/// `*.txt`, `*.md` and `*.pdf` reports; a file is taken as given (and recognised as a PDF by its `%PDF`
/// header, not its name). Problems are returned per path, never thrown, so one bad input does not
/// stop the others (exit status 1 with the rest processed).
public enum Corpus {
    /// Extensions, lower-cased, that a folder walk takes.
    static let reportExtensions: Set<String> = ["txt", "md", "pdf"]

    /// Lists the report files under `paths`, in argument order, each folder's files in byte order of their path.
    ///
    /// - a path that does not exist → `.missingPath`; a folder that cannot be listed → `.unreadable`
    /// - a file given explicitly is taken whatever its extension (`notes.csv` too: the reader decides)
    /// - a folder is walked recursively for `.txt`, `.md` and `.pdf` (any case: `A.TXT`), skipping names that
    ///   start with `.`; symbolic links are followed, but each folder is entered once, so a link loop ends
    /// - a folder that yields no file → `.noReportsInFolder`
    /// - the same file reached twice (given twice, `a.txt` and `./a.txt`, or through a link) is taken once,
    ///   under the first path that reached it
    public static func collect(_ paths: [String]) -> (files: [ReportFile], failures: [InputFailure]) {
        var files: [ReportFile] = []
        var failures: [InputFailure] = []
        var taken = Set<FileIdentity>()

        for path in paths {
            let status: FileStatus
            switch FileStatus.of(path) {
            case .success(let found): status = found
            case .failure(let failure):
                failures.append(InputFailure(path: path, problem: problem(forErrno: failure.code)))
                continue
            }

            guard status.isDirectory else {
                if taken.insert(status.identity).inserted {
                    files.append(ReportFile(path: path))
                }
                continue
            }

            let walk = walkFolder(path, identity: status.identity)
            failures.append(contentsOf: walk.failures)
            if walk.found.isEmpty {
                if walk.listed { failures.append(InputFailure(path: path, problem: .noReportsInFolder)) }
                continue
            }
            for entry in walk.found where taken.insert(entry.identity).inserted {
                files.append(ReportFile(path: entry.path))
            }
        }
        return (files, failures)
    }

    /// Reads one file and decodes it as text; a failure carries the file's path, e.g. `x.txt: empty file`.
    ///
    /// A PDF fails here with `.pdf`: converting it takes a subprocess and a choice of mode that depends on
    /// what the extractor makes of the result, which is `ReportLoader`'s job.
    public static func read(_ file: ReportFile) -> Result<DecodedText, InputFailure> {
        readBytes(file).flatMap { bytes in
            TextDecoder.decode(bytes).mapError { InputFailure(path: file.path, problem: $0) }
        }
    }

    /// The bytes of one file, whole; a failure names the file (`.missingPath`, `.unreadable`).
    ///
    /// `open`, `fstat` and `read` straight into the array: through `FileHandle` and `Data` each report was
    /// copied twice more, which showed in the profile of a 10,000-report run.
    public static func readBytes(_ file: ReportFile) -> Result<[UInt8], InputFailure> {
        guard !file.path.isEmpty else {
            return .failure(InputFailure(path: file.path, problem: .missingPath))
        }
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(InputFailure(path: file.path, problem: problem(forErrno: errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(InputFailure(path: file.path, problem: problem(forErrno: errno))) }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            return .failure(InputFailure(path: file.path, problem: problem(forErrno: EISDIR)))
        }
        // The size is a hint (a file may grow or shrink meanwhile, or be a pipe that says 0): read to EOF.
        // The first reads go straight into the array's uninitialised room, the size and a byte more
        // (the read that finds the end): zero-filling the room first cost more than reading.
        var failure: Int32 = 0
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(0, Int(info.st_size)) + 1) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = Glibc.read(fd, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 {
                    reachedEnd = true
                    return
                }
                initialized += count
            }
        }
        if failure != 0 { return .failure(InputFailure(path: file.path, problem: problem(forErrno: failure))) }
        if reachedEnd { return .success(bytes) }
        // The file grew since fstat (or said 0): on in chunks to its end.
        var chunk = 64 * 1024
        while true {
            let start = bytes.count
            var count = 0
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            bytes.withUnsafeMutableBufferPointer { buffer in
                count = Glibc.read(fd, buffer.baseAddress.map { $0 + start }, chunk)
                if count < 0 { failure = errno }
            }
            if count < 0 {
                if failure == EINTR { bytes.removeLast(chunk); continue }
                return .failure(InputFailure(path: file.path, problem: problem(forErrno: failure)))
            }
            bytes.removeLast(chunk - count)
            if count == 0 { return .success(bytes) }
            // Into the room the array already has before it grows by another chunk.
            let room = bytes.capacity - bytes.count
            chunk = room > 0 ? room : 64 * 1024
        }
    }

    // MARK: - Walking a folder

    /// What walking one given folder produced.
    struct FolderWalk {
        /// Report files found, sorted by the bytes of their path.
        var found: [(path: String, identity: FileIdentity)] = []
        /// Subfolders that could not be listed.
        var failures: [InputFailure] = []
        /// False when the given folder itself could not be listed (its failure is then in `failures`).
        var listed = true
    }

    /// Walks `root` depth-first with an explicit stack, so a deep tree cannot overflow the call stack.
    ///
    /// Subfolders are visited in sorted order and marked when first seen, so which path reaches a folder that
    /// is also linked from elsewhere does not depend on the order the system lists names in.
    static func walkFolder(_ root: String, identity: FileIdentity) -> FolderWalk {
        var walk = FolderWalk()
        var visited: Set<FileIdentity> = [identity]
        var pending = [root]

        while let folder = pending.popLast() {
            let names: [String]
            switch listFolder(folder) {
            case .success(let listed): names = listed
            case .failure(let failure):
                walk.failures.append(InputFailure(path: folder, problem: problem(forErrno: failure.code)))
                if folder == root { walk.listed = false }
                continue
            }

            var subfolders: [String] = []
            for name in names where !name.hasPrefix(".") {
                let path = join(folder, name)
                // A broken link or a file removed meanwhile is simply not a report.
                guard case .success(let status) = FileStatus.of(path) else { continue }
                if status.isDirectory {
                    if visited.insert(status.identity).inserted { subfolders.append(path) }
                } else if status.isRegularFile && hasReportExtension(name) {
                    walk.found.append((path, status.identity))
                }
            }
            subfolders.sort(by: precedesInByteOrder)
            pending.append(contentsOf: subfolders.reversed())
        }

        walk.found.sort { precedesInByteOrder($0.path, $1.path) }
        return walk
    }

    /// The names in `folder` but `.` and `..`, in the order the system lists them, or the
    /// `errno` of the failed `opendir`/`readdir`.
    static func listFolder(_ folder: String) -> Result<[String], FileStatus.Failure> {
        guard let directory = opendir(folder) else { return .failure(FileStatus.Failure(code: errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            // readdir returns nil at the end and on an error, which only errno tells apart.
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(FileStatus.Failure(code: errno)) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// `folder` + `/` + `name`, without doubling a slash the user typed (`Datasets/`).
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// True for `x.txt`, `x.MD`, `x.pdf`; false for `x.csv`, `README`, `x.`.
    static func hasReportExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return reportExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Byte order of the UTF-8 path: stable across locales, and `C.TXT` sorts before `a.md` as `ls` in C does.
    static func precedesInByteOrder(_ a: String, _ b: String) -> Bool {
        ScalarOrder.precedes(a, b)
    }

    // MARK: - Reasons

    /// The problem for a failed `stat`/`open`: a missing file is `.missingPath`, anything else `.unreadable`.
    static func problem(forErrno code: Int32) -> InputProblem {
        if code == ENOENT || code == ENOTDIR { return .missingPath }
        return .unreadable(describe(errno: code))
    }

    /// `strerror` text such as `Permission denied` or `Is a directory`.
    static func describe(errno code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

/// A file's identity on disk (device and inode): two paths to one file compare equal.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
}

/// What `stat` (which follows symbolic links) says about a path.
struct FileStatus: Sendable {
    let identity: FileIdentity
    let isDirectory: Bool
    let isRegularFile: Bool

    /// The `errno` of a failed `stat`.
    struct Failure: Error, Sendable {
        let code: Int32
    }

    /// The status of `path`, or the `errno` of the failed `stat` (ENOENT for a missing path or a broken link,
    /// ELOOP for a link that points at itself).
    static func of(_ path: String) -> Result<FileStatus, Failure> {
        guard !path.isEmpty else { return .failure(Failure(code: ENOENT)) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(code: errno)) }
        let kind = info.st_mode & S_IFMT
        return .success(FileStatus(
            identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
            isDirectory: kind == S_IFDIR,
            isRegularFile: kind == S_IFREG))
    }
}
