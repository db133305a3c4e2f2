/// What a logical line is, and which template section it stands in.
public struct LineContext: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An ordinal heading at `level` (0 = 第X部分, 1 = 一、, 2 = （一）).
        case heading(level: Int)
        /// A table row: cells separated by tabs.
        case tableRow
        /// Narrative text.
        case text
    }

    public let kind: Kind
    /// The family of the innermost enclosing heading that names one, if any.
    public let family: Metric.Family?
    /// True inside the table of contents (目录), where headings are listed, not written.
    public let inContents: Bool
    /// The amount unit a table header declared (`金额单位：万元`, `单位：元`), if any is in force.
    public let tableUnit: AmountUnit?
}
