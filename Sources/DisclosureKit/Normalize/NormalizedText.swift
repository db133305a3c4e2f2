/// A report as the later stages see it: logical lines of canonical text with a map back
/// to the file's line numbers.
public struct NormalizedText: Sendable {
    public let lines: [LogicalLine]
    /// The number of physical lines in the original file.
    public let physicalLineCount: Int
    /// True when the text was recognised as hard-wrapped at a fixed width (PDF text).
    public let wasHardWrapped: Bool

    public init(lines: [LogicalLine], physicalLineCount: Int, wasHardWrapped: Bool) {
        self.lines = lines
        self.physicalLineCount = physicalLineCount
        self.wasHardWrapped = wasHardWrapped
    }
}
