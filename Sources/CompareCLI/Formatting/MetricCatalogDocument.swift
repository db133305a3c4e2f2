import DisclosureKit
import Rendering

/// The metric catalog as `metrics` prints it, in every output format.
enum MetricCatalogDocument {
    /// The columns, in order, for every format.
    static let header = ["metric", "chinese", "english", "unit", "origin", "decimals", "definition"]

    /// The columns a terminal table shows: the ID must stay whole and the definition gets
    /// the room left, so the English name and the decimals are left to the data formats.
    static let tableColumns = ["metric", "chinese", "unit", "origin", "definition"]

    /// `sangong_reception, 公务接待费, Official hospitality, 万元, reported, 2, 公务接待费`
    static func row(_ metric: Metric) -> [String] {
        [metric.id.rawValue, metric.chinese, metric.english, metric.unit.rawValue,
         metric.origin.rawValue, String(metric.decimals), metric.definition]
    }

    /// The whole document for `format`; tables fit `terminal.columns`.
    static func render(_ catalog: [Metric], format: OutputFormat, terminal: Terminal) -> String {
        switch format {
        case .csv:
            return CSVWriter.csv.document(header: header, rows: catalog.map(row))
        case .tsv:
            return CSVWriter.tsv.document(header: header, rows: catalog.map(row))
        case .json:
            let objects = catalog.map { metric in
                JSONValue.object(zip(header, row(metric)).map { key, value in
                    (key, key == "decimals" ? .number(value) : .string(value))
                })
            }
            return JSONValue.array(objects).rendered(pretty: true).endingInNewline
        case .table:
            let indices = tableColumns.compactMap { header.firstIndex(of: $0) }
            let table = TextTable(
                columns: tableColumns.map { TextTable.Column($0) },
                rows: catalog.map { metric in
                    let fields = row(metric)
                    return indices.map { fields[$0] }
                },
                notes: ["\(catalog.count) metrics; amounts in 万元, shares in %. English names and decimals: --format csv."]
            )
            return table.render(maxWidth: terminal.columns).endingInNewline
        }
    }
}
