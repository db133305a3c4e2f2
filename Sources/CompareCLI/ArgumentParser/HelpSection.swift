/// A titled block of a help text whose entries line up in two columns:
///
/// ```
/// OPTIONS:
///   --format FORMAT   table, csv, tsv or json
///   -h, --help        Show this help.
/// ```
///
/// Names are ASCII, so their width is their character count; the descriptions may hold
/// Chinese and sit after the names, so they never disturb the alignment.
public struct HelpSection: Sendable {
    public let title: String
    /// (name, description) pairs; a description may span several lines.
    public let entries: [(String, String)]

    public init(title: String, entries: [(String, String)]) {
        self.title = title
        self.entries = entries
    }

    /// The section as lines ending in `\n`, or nothing when it has no entries.
    public var rendered: String {
        guard !entries.isEmpty else { return "" }
        let width = (entries.map { $0.0.count }.max() ?? 0) + 3
        var text = title + ":\n"
        for (name, description) in entries {
            let lines = description.split(separator: "\n", omittingEmptySubsequences: false)
            let pad = String(repeating: " ", count: max(1, width - name.count))
            text += "  " + name + pad + (lines.first.map(String.init) ?? "") + "\n"
            for line in lines.dropFirst() {
                text += "  " + String(repeating: " ", count: width) + line + "\n"
            }
        }
        return text
    }
}
