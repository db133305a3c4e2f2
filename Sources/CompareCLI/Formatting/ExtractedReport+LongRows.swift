import DisclosureKit
import Rendering

extension ExtractedReport {
    /// The long-format columns: the contract's twelve, in the contract's order, with
    /// `source_page` beside `source_line` (the page of a PDF input, empty for text without
    /// page breaks), then `unit` and `label` so a reader of the CSV needs no catalog to read a row.
    static let longHeader = [
        "document", "bureau", "region", "fiscal_year", "kind", "scope",
        "metric", "value", "reported", "source_line", "source_page", "source_text", "flags",
        "unit", "label",
    ]

    /// One row per catalog metric, in catalog order, whatever the extractor returned:
    /// a metric it left out is an undisclosed row, so every report has exactly
    /// `MetricID.allCases.count` rows.
    ///
    /// `report.txt,某市某局,某市,2023,final,unit,sangong_reception,0.97,,212,,公务接待费支出决算0.97万元…,,万元,公务接待费`
    /// (`report.pdf,…,0.97,,212,9,公务接待费…` for a PDF: line 212 of pdftotext's text, on page 9)
    ///
    /// Written by `writer` into UTF-8 field by field (`CSVRowBuilder`), the six leading fields
    /// (the same in every row) encoded once: what `extract` prints and compare's metrics.csv holds.
    func longRowsText(_ writer: CSVWriter) -> [UInt8] {
        var leading = CSVRowBuilder(writer)
        leading.field(document)
        leading.field(metadata.bureau ?? "")
        leading.field(metadata.region ?? "")
        leading.field(metadata.fiscalYear)
        leading.field(metadata.kind?.rawValue ?? "")
        leading.field(metadata.scope?.rawValue ?? "")
        let ids = MetricID.allCases
        var rows = CSVRowBuilder(writer, capacity: ids.count * (leading.bytes.count + 256))
        // The extractor returns the figures in catalog order: read by position, not searched for.
        let inCatalogOrder = figures.count == ids.count && zip(figures, ids).allSatisfy { $0.metric == $1 }
        for (index, id) in ids.enumerated() {
            rows.encodedFields(leading.bytes)
            appendLongFields(inCatalogOrder ? figures[index] : self[id], to: &rows)
            rows.endRow()
        }
        return rows.bytes
    }

    /// The metric's columns of a long row, from `metric` to `label`.
    private func appendLongFields(_ figure: Figure, to rows: inout CSVRowBuilder) {
        let metric = figure.metric.metric
        rows.field(figure.metric.rawValue)
        rows.field(figure.formattedValue)
        rows.field(figure.reported?.description ?? "")
        rows.field(figure.source?.line)
        rows.field(figure.source.flatMap { page(ofLine: $0.line) })
        rows.field(figure.source?.snippet ?? "")
        switch figure.flags.count {
        case 0: rows.field("")
        case 1: rows.field(figure.flags[0].rawValue)
        default: rows.field(figure.flags.map(\.rawValue).joined(separator: ";"))
        }
        rows.field(metric.unit.rawValue)
        rows.field(metric.chinese)
    }
}
