import Analytics
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
    /// (the same in every row) encoded once per report and each metric's own fixed columns once
    /// per process (`MetricColumns`): what `extract` prints and compare's metrics.csv holds.
    func longRowsText(_ writer: CSVWriter) -> [UInt8] {
        var leading = CSVRowBuilder(writer)
        leading.field(document)
        leading.field(metadata.bureau ?? "")
        leading.field(metadata.region ?? "")
        leading.field(metadata.fiscalYear)
        leading.field(metadata.kind?.rawValue ?? "")
        leading.field(metadata.scope?.rawValue ?? "")
        let columns = MetricColumns.encoded(by: writer)
        var rows = CSVRowBuilder(writer, capacity: columns.count * (leading.bytes.count + 256))
        for (figure, fixed) in zip(catalogFigures, columns) {
            rows.encodedFields(leading.bytes)
            rows.encodedFields(fixed.id)
            appendLongFields(figure, to: &rows)
            rows.encodedFields(fixed.unitAndLabel)
            rows.endRow()
        }
        return rows.bytes
    }

    /// The figure's columns of a long row, from `value` to `flags`.
    private func appendLongFields(_ figure: Figure, to rows: inout CSVRowBuilder) {
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
    }
}

/// A metric's columns of a long row that no report changes — its ID, and its unit and label —
/// encoded by a writer: the same 22 × 3 fields were encoded again for every report.
private struct MetricColumns {
    /// The `metric` field.
    let id: [UInt8]
    /// The `unit` and `label` fields, with the separator between them.
    let unitAndLabel: [UInt8]

    /// Every catalog metric's columns in catalog order, for CSV and TSV encoded once per process.
    static func encoded(by writer: CSVWriter) -> [MetricColumns] {
        if writer == .csv { return csv }
        if writer == .tsv { return tsv }
        return catalog(writer)
    }

    private static let csv = catalog(.csv)
    private static let tsv = catalog(.tsv)

    private static func catalog(_ writer: CSVWriter) -> [MetricColumns] {
        MetricID.allCases.map { id in
            var idField = CSVRowBuilder(writer)
            idField.field(id.rawValue)
            var unitAndLabel = CSVRowBuilder(writer)
            unitAndLabel.field(id.metric.unit.rawValue)
            unitAndLabel.field(id.metric.chinese)
            return MetricColumns(id: idField.bytes, unitAndLabel: unitAndLabel.bytes)
        }
    }
}
