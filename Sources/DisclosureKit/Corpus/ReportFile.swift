/// One report file found among the given paths, e.g. `Datasets/city-a-2024-final.txt`.
///
/// Why only a path: reading is deferred to `ReportLoader.load` (the bytes through `Corpus.readBytes`, a PDF through
/// `pdftotext`, which needs the path) so that a failure is reported per file and the remaining files are
/// still processed. Two values are equal when their paths are equal.
public struct ReportFile: Sendable, Hashable {
    /// The path as the user gave it, or the given folder joined with the file's place inside it.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The last path component, e.g. `city-a-2024-final.txt`: the `document` column of the output.
    public var name: String {
        var end = path.endIndex
        // Ignore trailing slashes so `dir/x.txt/` still names `x.txt`.
        while end > path.startIndex, path[path.index(before: end)] == "/" {
            end = path.index(before: end)
        }
        guard end > path.startIndex else { return path }
        let trimmed = path[path.startIndex..<end]
        if let slash = trimmed.lastIndex(of: "/") {
            return String(trimmed[trimmed.index(after: slash)...])
        }
        return String(trimmed)
    }
}
