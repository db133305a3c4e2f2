/// An HTML table with a header row, every cell escaped, numbers marked for right alignment:
///
/// ```
/// <table class="figures">
/// <thead><tr><th>部门</th><th class="num">项目支出占比</th></tr></thead>
/// <tbody>
/// <tr><td>丙市工业和信息化局</td><td class="num">87.61</td></tr>
/// </tbody>
/// </table>
/// ```
///
/// Why a type: a briefing page holds a dozen tables, and each must escape its cells and keep
/// its rows as wide as its header — a short row gets empty cells, cells beyond the last
/// column are dropped — exactly like `MarkdownTable`, so the two documents stay alike.
public struct HTMLTable: Sendable, Hashable {
    public typealias Alignment = TextTable.Alignment

    /// One column: its header text and alignment (right for numbers).
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
    /// The `class` of the `<table>` element, empty for none.
    public var className: String
    /// A caption above the table, empty for none.
    public var caption: String

    public init(columns: [Column], rows: [[String]] = [], className: String = "", caption: String = "") {
        self.columns = columns
        self.rows = rows
        self.className = className
        self.caption = caption
    }

    /// The table's markup, one line per row, ending in a line break; no columns, no text.
    public func render() -> String {
        guard !columns.isEmpty else { return "" }
        var text = "<table\(className.isEmpty ? "" : HTMLDocument.attributeText([("class", className)]))>\n"
        if !caption.isEmpty { text += "<caption>\(HTMLDocument.escape(caption))</caption>\n" }
        text += "<thead><tr>" + columns.map { cell("th", $0.title, $0.alignment) }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            text += "<tr>" + columns.indices.map { index in
                cell("td", index < row.count ? row[index] : "", columns[index].alignment)
            }.joined() + "</tr>\n"
        }
        return text + "</tbody>\n</table>\n"
    }

    private func cell(_ tag: String, _ text: String, _ alignment: Alignment) -> String {
        let attributes = alignment == .right ? " class=\"num\"" : ""
        return "<\(tag)\(attributes)>\(HTMLDocument.escape(text))</\(tag)>"
    }
}
