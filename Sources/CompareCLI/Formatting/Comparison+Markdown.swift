import Analytics
import DisclosureKit
import Rendering

extension Comparison {
    /// The comparison as Markdown, to paste into a report or an issue: a heading and a pipe
    /// table per ranked metric (no bars: proportional fonts would distort them), the notes as
    /// paragraphs, then the budget-against-final tables.
    ///
    /// ```
    /// ## “三公”经费合计（万元） `sangong_total`
    ///
    /// | 名次 | 部门 | 地区 | 年度 | 类型 | 口径 | 数值 | 出国 | 用车 | 接待 | 执行率% | 备注 |
    /// | ---: | --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
    /// | 1 | 丙市工业和信息化局 | 丙市 | 2024 | 决算 | 部门 | 7.50 | 0.00 | 7.50 | 0.00 | 100.00 |  |
    /// ```
    func markdown(_ labels: ComparisonLabels) -> String {
        var text = "# " + labels.summary(self) + "\n"
        let titles = labels.rankColumns
        let remark = labels.language == .zh ? "备注" : "note"
        for table in tables {
            text += "\n## \(labels.withUnit(table.metric)) `\(table.metric.rawValue)`\n\n"
            let columns: [MarkdownTable.Column] = [
                .init(titles.rank, alignment: .right), .init(titles.bureau), .init(titles.region),
                .init(titles.year, alignment: .right), .init(titles.kind), .init(titles.scope),
                .init(titles.completeness, alignment: .right), .init(titles.value, alignment: .right),
            ] + table.context.map { .init(labels.short($0), alignment: .right) } + [.init(remark)]
            let rows = table.entries.map { entry -> [String] in
                let report = entry.report
                return [
                    entry.rank.map(String.init) ?? "",
                    report.bureau.name, report.region, String(report.fiscalYear),
                    labels.kind(report.kind), labels.scope(report.scope), String(report.completeness),
                    BudgetExecution.cell(entry.figure.formattedValue),
                ] + entry.context.map { BudgetExecution.cell($0.formattedValue) }
                    + [entry.isDisclosed ? "" : labels.notDisclosed]
            }
            text += MarkdownTable(columns: columns, rows: rows).render()
            for note in table.notes {
                text += "\n" + note.text(labels.language) + "\n"
            }
        }
        for note in rankingNotes {
            text += "\n" + note.text(labels.language) + "\n"
        }
        for table in budgetExecution {
            text += "\n## \(labels.budgetTitle(table))\n\n"
            let t = labels.budgetColumns
            let rows = table.rows.map { row -> [String] in
                [row.pair.bureau.name, row.pair.final.region, String(row.pair.fiscalYear),
                 BudgetExecution.cell(row.budget.formattedValue), BudgetExecution.cell(row.final.formattedValue),
                 row.execution.map { $0.formatted(decimals: 2) } ?? "—"]
            }
            text += MarkdownTable(columns: [
                .init(t.bureau), .init(t.region), .init(t.year, alignment: .right),
                .init(t.budget, alignment: .right), .init(t.final, alignment: .right), .init(t.execution, alignment: .right),
            ], rows: rows).render()
        }
        for note in budgetNotes {
            text += "\n" + note.text(labels.language) + "\n"
        }
        return text
    }
}
