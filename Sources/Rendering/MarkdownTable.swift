/// A GitHub-flavoured Markdown pipe table:
///
/// ```
/// | 单位 | 支出合计 |
/// | --- | ---: |
/// | 甲市 | 3332.37 |
/// ```
///
/// Why escape: a cell such as `一般公共预算|政府性基金` would otherwise split into two cells,
/// and a line break inside a cell would end the row, so `|` becomes `\|` and each line break
/// (CR LF, CR or LF) becomes `<br>`. Rows with fewer cells than columns get empty cells;
/// cells beyond the last column are dropped. Every line ends with `\n`; no columns, no text.
public struct MarkdownTable: Sendable, Hashable {
    /// The same two alignments as the terminal table; right gives a `---:` marker.
    public typealias Alignment = TextTable.Alignment

    /// One column: its header text and alignment.
    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as Markdown text: header row, alignment row, then one line per row.
    public func render() -> String {
        guard !columns.isEmpty else { return "" }
        var text = Self.line(columns.map { Self.escaped($0.title) })
        text += Self.line(columns.map { $0.alignment == .right ? "---:" : "---" })
        for row in rows {
            text += Self.line(columns.indices.map { $0 < row.count ? Self.escaped(row[$0]) : "" })
        }
        return text
    }

    /// `| a | b |` and a line break.
    static func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// The cell with `|` escaped and line breaks as `<br>`: `"收入|支出\n合计"` gives `收入\|支出<br>合计`.
    static func escaped(_ cell: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "\n" where afterCR:
                afterCR = false // the LF of a CR LF: its <br> is already written
            case "\r", "\n":
                out += "<br>"
                afterCR = scalar == "\r"
            case "|":
                out += "\\|"
                afterCR = false
            default:
                out.unicodeScalars.append(scalar)
                afterCR = false
            }
        }
        return out
    }
}
