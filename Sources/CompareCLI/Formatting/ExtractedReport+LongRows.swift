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
    /// Written by `writer` into UTF-8, the six leading fields (the same in every row) encoded
    /// once: what `extract` prints and compare's metrics.csv holds.
    func longRowsText(_ writer: CSVWriter) -> [UInt8] {
        var leading: [UInt8] = []
        writer.appendFields(longLeading, to: &leading)
        leading += String(writer.separator).utf8
        var bytes: [UInt8] = []
        for id in MetricID.allCases {
            bytes += leading
            writer.appendFields(longFields(id), to: &bytes)
            bytes += writer.lineEnding.utf8
        }
        return bytes
    }

    /// The report's columns of a long row: document, bureau, region, fiscal year, kind, scope.
    private var longLeading: [String] {
        [
            document,
            metadata.bureau ?? "",
            metadata.region ?? "",
            metadata.fiscalYear.map(String.init) ?? "",
            metadata.kind?.rawValue ?? "",
            metadata.scope?.rawValue ?? "",
        ]
    }

    /// The metric's columns of a long row, from `metric` to `label`.
    private func longFields(_ id: MetricID) -> [String] {
        let figure = self[id]
        return [
            id.rawValue,
            figure.formattedValue,
            figure.reported?.description ?? "",
            figure.source.map { String($0.line) } ?? "",
            figure.source.flatMap { page(ofLine: $0.line) }.map(String.init) ?? "",
            figure.source?.snippet ?? "",
            figure.flags.map(\.rawValue).joined(separator: ";"),
            id.metric.unit.rawValue,
            id.metric.chinese,
        ]
    }
}
