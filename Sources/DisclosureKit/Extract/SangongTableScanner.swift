/// Reads the template's “三公”经费 table, whose columns are fixed by the Ministry of Finance.
///
/// ```
/// 预算数 …                                   决算数 …
/// 合计 因公出国(境)费 小计 购置费 运行维护费 公务接待费 | 合计 … (same six)
/// 1	2	3	4	5	6	7	8	9	10	11	12
/// 7.50		7.50		7.50		7.50		7.50		7.50
/// ```
/// The column-number row (栏次: 1 … 6 or 1 … 12) identifies the layout: twelve columns are
/// budget then final figures, six are the report's own figures. An empty cell states
/// nothing (it is not read as 0). The table is recognised by `三公` in the lines above it.
struct SangongTableScanner: Sendable {
    static let columns: [MetricID] = [
        .sangongTotal, .sangongOutbound, .sangongVehicle, .sangongVehiclePurchase, .sangongVehicleOperation, .sangongReception,
    ]
    /// How far above the column-number row the table's title or header may stand.
    static let headerReach = 12

    func scan(_ lines: NormalizedText.Lines, contexts: [LineContext], defaultUnit: AmountUnit) -> [Observation] {
        var out: [Observation] = []
        for index in lines.indices where index < contexts.count && contexts[index].kind == .tableRow {
            let line = lines[index]
            // The column-number row holds digits (`Int` also takes a `+`), tabs and spaces only: other rows are passed
            // over before any cell is built.
            guard line.scalars.allSatisfy({ ScalarFolding.isDigit($0) || $0 == "\t" || $0 == "+" || ScalarFolding.isSpace($0) }) else { continue }
            let cells = TableCell.split(line.scalars)
            let nonEmpty = cells.filter { !$0.isEmpty }
            guard nonEmpty.count == 6 || nonEmpty.count == 12,
                  nonEmpty.enumerated().allSatisfy({ Int($0.element.text(in: line.scalars)) == $0.offset + 1 }) else { continue }
            let above = (max(0, index - Self.headerReach)..<index).map { lines[$0].text }.joined()
            guard above.utf8Contains("三公") else { continue }
            // The first row below with a number is the data row.
            var k = index + 1
            while k < lines.count, k < contexts.count, k <= index + 3, contexts[k].kind != .tableRow || !TableCell.split(lines[k].scalars).contains(where: { FixedDecimal(scalars: lines[k].scalars[$0.range]) != nil }) {
                k += 1
            }
            guard k < lines.count, k < contexts.count, k <= index + 3 else { continue }
            let data = TableCell.split(lines[k].scalars)
            let unit = contexts[k].tableUnit ?? defaultUnit
            for (column, cell) in data.enumerated() where column < nonEmpty.count {
                let text = cell.text(in: lines[k].scalars)
                guard let number = FixedDecimal(text), let amount = Amount(number, unit: unit) else { continue }
                let role: Observation.Role = nonEmpty.count == 12 && column < 6 ? .budget : .value
                let metric = Self.columns[column % 6]
                out.append(Observation(
                    metric: metric, role: role, stated: number, unit: unit, amount: amount,
                    line: lines[k].line(at: cell.range.lowerBound),
                    snippet: "“三公”经费支出表 第\(column + 1)栏: \(text)", place: .table,
                    label: metric.metric.chinese))
            }
        }
        return out
    }
}
