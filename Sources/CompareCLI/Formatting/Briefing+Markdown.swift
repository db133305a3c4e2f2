import Analytics
import Rendering

extension Briefing {
    /// The briefing as Markdown (briefing.md), to read on a code host or paste into a document:
    ///
    /// ```
    /// # 2024 年度部门决算与预算简报
    ///
    /// 本简报依据 2 份决算、1 份预算报告（…）。…
    ///
    /// ## 一、主要指标：决算
    ///
    /// | 部门 | 地区 | 口径 | 三公合计 | 出国 | … |
    /// | --- | --- | --- | ---: | ---: | … |
    /// | 甲市工业和信息化局 | 甲市 | 本级 | 0.97 | 0.00 | … |
    /// ```
    ///
    /// The headline is one wide table; charts are left to the HTML page. Notes are bullet lists.
    func markdown(_ labels: BriefingLabels) -> String {
        let layout = BriefingLayout(self, labels: labels, splitHeadline: false, charts: false)
        var parts: [String] = []
        for block in layout.blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: max(1, min(6, level))) + " " + Self.inline(text) + "\n")
            case .metricHeading(let title, let id):
                parts.append("#### \(Self.inline(title)) `\(id)`\n")
            case .paragraph(let text):
                parts.append(Self.inline(text) + "\n")
            case .table(let table):
                parts.append(MarkdownTable(columns: table.columns.map { .init($0.title, alignment: $0.alignment) }, rows: table.rows).render())
            case .chart:
                continue
            case .notes(let notes):
                parts.append(notes.map { "- " + Self.inline($0) + "\n" }.joined())
            }
        }
        return parts.joined(separator: "\n")
    }

    /// Text outside a table on one line: line breaks become spaces, so a sentence from a report
    /// cannot start a heading or a list of its own.
    static func inline(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return out
    }
}
