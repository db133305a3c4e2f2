#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes several files so that a failure leaves every one of them as it was.
///
/// Why not `AtomicFile.write` in a loop: `compare` writes four files that belong together
/// (comparison.csv, rankings.csv, metrics.csv, comparison.json); if the third could not be
/// written, the first two would already be new and the set inconsistent. Here every file is
/// first *staged* — written in full to a temporary file beside its destination and flushed
/// to disk — and only when all are staged are they renamed over their destinations, one
/// `rename(2)` each. A destination that is a folder is refused before anything is renamed.
///
/// What remains possible: a rename failing after others succeeded (the folder's permissions
/// changed mid-run, or the process is killed between renames); the window is a few system
/// calls. A run killed while staging leaves only hidden `.name.tmp-XXXXXX` files, never a
/// half-written destination.
enum AtomicFileBatch {
    /// Replaces each `path` with its `bytes`, all or (nearly always) none.
    static func write(_ files: [(path: String, bytes: [UInt8])]) throws(AtomicFileError) {
        for file in files {
            let (folder, _) = AtomicFile.split(file.path)
            try AtomicFile.createFolder(folder)
            if AtomicFile.isFolder(file.path) {
                throw AtomicFileError(step: .rename, path: file.path, code: EISDIR)
            }
        }
        var staged: [(temporary: String, path: String)] = []
        do throws(AtomicFileError) {
            for file in files {
                staged.append((try AtomicFile.stage(file.bytes, for: file.path), file.path))
            }
        } catch {
            for entry in staged { _ = unlink(entry.temporary) }
            throw error
        }
        for (index, entry) in staged.enumerated() {
            guard rename(entry.temporary, entry.path) != 0 else { continue }
            let error = AtomicFileError(step: .rename, path: entry.path, code: errno)
            for rest in staged[index...] { _ = unlink(rest.temporary) }
            throw error
        }
        for folder in Set(files.map { AtomicFile.split($0.path).folder }) {
            AtomicFile.syncFolder(folder)
        }
    }
}
