#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never a mix.
///
/// Steps: create the destination's folder (and its parents) if needed, write to a
/// temporary file in that same folder (a rename is atomic only within one file system),
/// `fsync` it, `rename` it over the destination, then `fsync` the folder so the rename
/// itself survives a crash. On any failure the temporary file is removed and the error
/// thrown, leaving a previous file at the destination untouched.
///
/// The new file gets the previous file's permissions, or 0644 for a new file (a report is
/// meant to be read by others; `mkstemp` alone would give 0600).
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let (folder, _) = split(path)
        try createFolder(folder)
        let temporary = try stage(bytes, for: path)
        guard rename(temporary, path) == 0 else {
            let error = AtomicFileError(step: .rename, path: path, code: errno)
            _ = unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// Writes `bytes` to a new temporary file beside `path` (whose folder must exist), with
    /// `path`'s permissions, flushed to disk; returns the temporary file's path. The caller
    /// renames it over `path` or unlinks it. On failure nothing is left behind.
    static func stage(_ bytes: [UInt8], for path: String) throws(AtomicFileError) -> String {
        let file = try StagedFile(for: path)
        file.write(bytes)
        do throws(AtomicFileError) {
            try file.finish()
        } catch {
            file.discard()
            throw error
        }
        return file.temporary
    }

    /// Replaces the file at `path` with the UTF-8 bytes of `text`.
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path)
    }

    /// (`Reports/x`, `a.csv`) for `Reports/x/a.csv`; (`.`, `a.csv`) for `a.csv`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// `mkdir -p`: creates `folder` and any missing parent; an existing folder is fine.
    static func createFolder(_ folder: String) throws(AtomicFileError) {
        if isFolder(folder) { return }
        let (parent, _) = split(folder)
        if parent != folder && !parent.isEmpty {
            try createFolder(parent)
        }
        if mkdir(folder, 0o755) != 0 {
            let error = errno
            if error == EEXIST && isFolder(folder) { return }
            throw AtomicFileError(step: .createFolder, path: folder, code: error)
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The permission bits of an existing file, nil when there is none.
    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Makes the rename durable; a folder that cannot be opened or synced is not an error
    /// (some file systems refuse it, and the file itself is already safe).
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}
