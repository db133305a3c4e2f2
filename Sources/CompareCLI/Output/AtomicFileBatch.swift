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
/// `rename(2)` each. A destination that is a folder is refused before anything is staged.
///
/// Files can be staged whole (`write`) or piece by piece: `open` gives one `StagedFile` per
/// destination, the caller writes into them as its data is produced (compare writes
/// metrics.csv while reports are still being read), then `commit` renames them all or
/// `discard` removes them.
///
/// What remains possible: a rename failing after others succeeded (the folder's permissions
/// changed mid-run, or the process is killed between renames); the window is a few system
/// calls. A run killed while staging leaves only hidden `.name.tmp-XXXXXX` files, never a
/// half-written destination.
enum AtomicFileBatch {
    /// Replaces each `path` with its `bytes`, all or (nearly always) none.
    static func write(_ files: [(path: String, bytes: [UInt8])]) throws(AtomicFileError) {
        let staged = try open(files.map(\.path))
        for (file, entry) in zip(staged, files) {
            file.write(entry.bytes)
        }
        try commit(staged)
    }

    /// Creates the destinations' folders, refuses a destination that is a folder, and opens
    /// one staged file per path, in order. On failure the files already opened are removed.
    static func open(_ paths: [String]) throws(AtomicFileError) -> [StagedFile] {
        for path in paths {
            let (folder, _) = AtomicFile.split(path)
            try AtomicFile.createFolder(folder)
            if AtomicFile.isFolder(path) {
                throw AtomicFileError(step: .rename, path: path, code: EISDIR)
            }
        }
        var staged: [StagedFile] = []
        do throws(AtomicFileError) {
            for path in paths {
                staged.append(try StagedFile(for: path))
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    /// Finishes every staged file (flushed to disk), then renames each over its destination.
    /// If any file cannot be finished, all are removed and no destination changes.
    static func commit(_ files: [StagedFile]) throws(AtomicFileError) {
        do throws(AtomicFileError) {
            for file in files {
                try file.finish()
            }
        } catch {
            discard(files)
            throw error
        }
        for (index, file) in files.enumerated() {
            guard rename(file.temporary, file.path) != 0 else { continue }
            let error = AtomicFileError(step: .rename, path: file.path, code: errno)
            discard(Array(files[index...]))
            throw error
        }
        for folder in Set(files.map { AtomicFile.split($0.path).folder }) {
            AtomicFile.syncFolder(folder)
        }
    }

    /// Removes the staged files: their destinations stay as they were.
    static func discard(_ files: [StagedFile]) {
        for file in files { file.discard() }
    }
}
