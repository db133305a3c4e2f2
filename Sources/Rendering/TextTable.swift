/// A plain-text table for a terminal, measured in display columns:
///
/// ```
/// 单位        支出合计
/// ──────────  ────────
/// 甲市       3332.37
/// Ordos City    146.00
/// ```
///
/// Why display columns: a Chinese character is two columns wide on a terminal, so padding by
/// `count` would make a right-aligned amount after `甲市` end three columns further right
/// than after `Ordos City`. Here every cell of a right-aligned column ends in the same column.
///
/// Layout: a header line, a rule of `─` under each column (one per display column), then one
/// line per row, then the notes; columns are two spaces apart; no line has trailing spaces
/// and every line ends with `\n`. Rows with fewer cells than columns get empty cells; cells
/// beyond the last column are dropped. Tabs and line breaks inside a cell or title become
/// spaces, since they would break the grid.
public struct TextTable: Sendable, Hashable {
    /// Which edge of its column a cell touches: text reads best on the left, amounts on the right.
    public enum Alignment: Sendable, Hashable {
        case left, right
    }

    /// One column: its title, alignment, and an optional cap on its width.
    public struct Column: Sendable, Hashable {
        /// The header text, such as `单位` or `支出合计（万元）`.
        public var title: String
        public var alignment: Alignment
        /// The most display columns this column may take; longer cells are cut with `…`.
        /// Values below 1 count as 1.
        public var maxColumns: Int?

        public init(_ title: String, alignment: Alignment = .left, maxColumns: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.maxColumns = maxColumns
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Lines printed under the table, such as `注：金额单位为万元。`.
    public var notes: [String]

    /// The narrowest a column is shrunk to when fitting the table into `maxWidth`.
    static let minimumShrunkWidth = 4
    /// What separates two columns.
    public static let gap = "  "

    public init(columns: [Column], rows: [[String]] = [], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The table as text, every line ended by `\n`.
    ///
    /// When `maxWidth` is given and the table is wider, the widest left-aligned columns are
    /// shrunk one column at a time (their cells cut with `…`) until it fits, never below 4
    /// columns; right-aligned columns hold numbers and are never cut. So the result can still
    /// be wider than `maxWidth` when that is impossible. Notes are not cut.
    public func render(maxWidth: Int? = nil) -> String {
        var lines: [String] = []
        if !columns.isEmpty {
            let titles = columns.map { Self.flattened($0.title) }
            let body = rows.map { row in
                columns.indices.map { $0 < row.count ? Self.flattened(row[$0]) : "" }
            }
            let widths = fittedWidths(titles: titles, body: body, maxWidth: maxWidth)
            lines.append(line(titles, widths: widths))
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: Self.gap)
            lines.append(Self.withoutTrailingSpaces(rule))
            for cells in body { lines.append(line(cells, widths: widths)) }
        }
        for note in notes {
            for part in note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                lines.append(Self.withoutTrailingSpaces(String(part)))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Each column's width: its widest cell or title (at least 1, so that even an empty
    /// column shows in the rule), capped by `maxColumns`, then shrunk to fit `maxWidth`.
    func fittedWidths(titles: [String], body: [[String]], maxWidth: Int?) -> [Int] {
        var widths = titles.map { max(1, EastAsianWidth.columns(of: $0)) }
        for cells in body {
            for (index, cell) in cells.enumerated() where index < widths.count {
                widths[index] = max(widths[index], EastAsianWidth.columns(of: cell))
            }
        }
        for (index, column) in columns.enumerated() where index < widths.count {
            if let cap = column.maxColumns { widths[index] = min(widths[index], max(1, cap)) }
        }
        guard let maxWidth else { return widths }
        let total = widths.reduce(0, +) + Self.gap.count * (widths.count - 1)
        return shrunk(widths, by: total - max(0, maxWidth))
    }

    /// `widths` with `excess` columns taken from the widest left-aligned columns, none going
    /// below `minimumShrunkWidth`: widths `[20, 12, 8]` (all left) shrunk by 10 give `[11, 11, 8]`.
    ///
    /// Works level by level (the widest group down to the next width) rather than one column
    /// per step, so a cell a million columns wide costs no more than a short one.
    func shrunk(_ widths: [Int], by excess: Int) -> [Int] {
        var widths = widths
        var excess = excess
        while excess > 0 {
            let candidates = widths.indices.filter { index in
                index < columns.count && columns[index].alignment == .left
                    && widths[index] > Self.minimumShrunkWidth
            }
            guard let top = candidates.map({ widths[$0] }).max() else { break }
            let group = candidates.filter { widths[$0] == top }
            let next = max(Self.minimumShrunkWidth, candidates.map { widths[$0] }.filter { $0 < top }.max() ?? 0)
            let room = (top - next) * group.count
            if room >= excess {
                let each = excess / group.count
                let extra = excess % group.count
                for (rank, index) in group.enumerated() {
                    widths[index] = top - each - (rank < extra ? 1 : 0)
                }
                excess = 0
            } else {
                for index in group { widths[index] = next }
                excess -= room
            }
        }
        return widths
    }

    /// One line: each cell cut and padded to its width, separated by the gap, no trailing spaces.
    func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() where index < widths.count && index < columns.count {
            let cut = EastAsianWidth.truncated(cell, toColumns: widths[index])
            let right = columns[index].alignment == .right
            parts.append(EastAsianWidth.padding(cut, toColumns: widths[index], alignRight: right))
        }
        return Self.withoutTrailingSpaces(parts.joined(separator: Self.gap))
    }

    /// The text with tabs and line breaks (CR LF, CR, LF) replaced by single spaces.
    static func flattened(_ text: String) -> String {
        var out = ""
        for c in text {
            out.append(c.isNewline || c == "\t" ? " " : c)
        }
        return out
    }

    /// The text without the spaces at its end: `"甲市   "` gives `"甲市"`.
    static func withoutTrailingSpaces(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard text[before] == " " else { break }
            end = before
        }
        return String(text[..<end])
    }
}
