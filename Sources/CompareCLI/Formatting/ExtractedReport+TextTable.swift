import DisclosureKit
import Rendering

extension ExtractedReport {
    /// The line above a report's table: `report.txt — 某市某局 · 2023 · 决算 final · 单位 unit`.
    /// A fact the text did not give is shown as `?`, so its absence is visible.
    var tableHeading: String {
        let metadata = self.metadata
        let parts = [
            metadata.bureau ?? "?",
            metadata.fiscalYear.map(String.init) ?? "?",
            metadata.kind.map { "\($0.chinese) \($0.rawValue)" } ?? "?",
            metadata.scope.map { "\($0.chinese) \($0.rawValue)" } ?? "?",
        ]
        return document + " — " + parts.joined(separator: " · ")
    }

    /// The report's figures for people: Chinese label, value (right-aligned, `—` when
    /// not disclosed), unit, the report's own stated value, source line, source page (only
    /// for a paged input: a column of blanks for every text file would only take room) and flags.
    var textTable: TextTable {
        let paged = pages != nil
        let rows = MetricID.allCases.map { id -> [String] in
            let figure = self[id]
            let value = figure.formattedValue
            var row = [
                id.metric.chinese,
                value.isEmpty ? "—" : value,
                id.metric.unit.rawValue,
                figure.reported?.description ?? "",
                figure.source.map { String($0.line) } ?? "",
            ]
            if paged { row.append(figure.source.flatMap { page(ofLine: $0.line) }.map(String.init) ?? "") }
            row.append(figure.flags.map(\.rawValue).joined(separator: ";"))
            return row
        }
        let disclosed = MetricID.allCases.filter { self[$0].isDisclosed }.count
        var columns: [TextTable.Column] = [
            .init("metric", alignment: .left),
            .init("value", alignment: .right),
            .init("unit", alignment: .left),
            .init("reported", alignment: .right),
            .init("line", alignment: .right),
        ]
        if paged { columns.append(.init("page", alignment: .right)) }
        columns.append(.init("flags", alignment: .left))
        return TextTable(
            columns: columns,
            rows: rows,
            notes: [
                "\(disclosed) of \(MetricID.allCases.count) figures disclosed (— = not disclosed); \(observations.count) statements found.",
            ]
        )
    }
}
