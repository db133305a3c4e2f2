import Analytics
import DisclosureKit
import Rendering

extension MetricTable {
    /// The widest a bar may be: enough to tell 0.68 from 0.97, short enough to leave room.
    static let maxBarColumns = 24
    /// The narrowest bar drawn before other columns are shrunk instead.
    static let minBarColumns = 8

    /// The ranked table for a terminal `width` columns wide:
    ///
    /// ```
    /// 名次  部门                  地区      年度  类型  口径  数值                          出国  用车  接待  执行率%
    ///    1  丙市工业和信息化局  丙市    2024  决算  部门  7.50  ████████████████████  0.00  7.50  0.00   100.00
    ///    4  甲市丁区工业…  丁区  2020  决算  部门  0.68  █▉                    0.00  0.68  0.00    51.13
    /// ```
    ///
    /// Values are right-aligned with the metric's decimals (`—` when not disclosed, with
    /// `未公开` where the bar would be); the bar beside each value is scaled to the largest
    /// absolute value of this table. The bar gets the room the other columns leave (between
    /// 8 and 24 columns); when even 8 do not fit, `TextTable` shrinks the names, never a number.
    func textTable(_ labels: ComparisonLabels, width: Int) -> TextTable {
        let titles = labels.rankColumns
        let leading: [TextTable.Column] = [
            .init(titles.rank, alignment: .right),
            .init(titles.bureau),
            .init(titles.region),
            .init(titles.year, alignment: .right),
            .init(titles.kind),
            .init(titles.scope),
            .init(titles.completeness, alignment: .right),
            .init(titles.value, alignment: .right),
        ]
        let contextColumns = context.map { TextTable.Column(labels.short($0), alignment: .right) }
        let leadingCells = entries.map { entry -> [String] in
            let report = entry.report
            let value = entry.figure.formattedValue
            return [
                entry.rank.map(String.init) ?? "",
                report.bureau.name,
                report.region,
                String(report.fiscalYear),
                labels.kind(report.kind),
                labels.scope(report.scope),
                String(report.completeness),
                value.isEmpty ? "—" : value,
            ]
        }
        let contextCells = entries.map { entry in
            entry.context.map { figure in figure.formattedValue.isEmpty ? "—" : figure.formattedValue }
        }

        // The bar takes what the other columns leave, within its bounds.
        let others = leading + contextColumns
        var natural = others.map { EastAsianWidth.columns(of: $0.title) }
        for cells in zip(leadingCells, contextCells).map({ $0 + $1 }) {
            for (index, cell) in cells.enumerated() where index < natural.count {
                natural[index] = max(natural[index], EastAsianWidth.columns(of: cell))
            }
        }
        let used = natural.reduce(0, +) + TextTable.gap.count * others.count
        let floor = max(Self.minBarColumns, notDisclosed.isEmpty ? 0 : EastAsianWidth.columns(of: labels.notDisclosed))
        let barWidth = max(floor, min(Self.maxBarColumns, width - used))
        let chart = BarChart(width: barWidth)
        let largest = largestMagnitude

        let rows = entries.indices.map { index -> [String] in
            let entry = entries[index]
            let bar = entry.value.map { chart.bar($0.magnitude, largest: largest) } ?? labels.notDisclosed
            // Padded here to the full bar width: the column is marked right-aligned only so
            // that fitting never cuts a bar (TextTable shrinks left-aligned text only).
            let padded = EastAsianWidth.padding(bar, toColumns: barWidth, alignRight: false)
            return leadingCells[index] + [padded] + contextCells[index]
        }
        let barColumn = TextTable.Column("", alignment: .right)
        return TextTable(columns: leading + [barColumn] + contextColumns, rows: rows,
                         notes: notes.map { $0.text(labels.language) })
    }
}
