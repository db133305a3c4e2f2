import Analytics
import DisclosureKit
import Rendering

extension Comparison {
    /// The long ranking columns: the contract's eight (`metric,rank,bureau,region,fiscal_year,
    /// kind,scope,value`), then the unit, the metric's name, a note (`未公开` for a figure not
    /// disclosed) and the file the figure comes from.
    static let rankingHeader = [
        "metric", "rank", "bureau", "region", "fiscal_year", "kind", "scope", "value",
        "unit", "label", "note", "document", "completeness",
    ]

    /// The metadata columns of comparison.csv, before one column per metric ID.
    static let wideMetadataHeader = [
        "bureau", "region", "fiscal_year", "kind", "scope", "units", "completeness", "audit_errors", "audit_warnings", "document",
    ]

    /// comparison.csv's header: metadata, then every catalog metric ID in catalog order.
    static var wideHeader: [String] { wideMetadataHeader + MetricID.allCases.map(\.rawValue) }

    /// One row per table entry, tables in order, entries in rank order:
    /// `sangong_total,1,丙市工业和信息化局,丙市,2024,final,department,7.50,万元,“三公”经费合计,,city-c-2024-final.txt`.
    /// An undisclosed figure has an empty rank and value and the note `未公开`.
    func rankingRows(_ labels: ComparisonLabels) -> [[String]] {
        tables.flatMap { table in table.entries.map { Self.rankingRow(table, $0, labels) } }
    }

    /// One entry's row of `rankingRows`; the files and stdout write the rows one at a time.
    static func rankingRow(_ table: MetricTable, _ entry: RankedEntry, _ labels: ComparisonLabels) -> [String] {
        let report = entry.report
        return [
            table.metric.rawValue,
            entry.rank.map(String.init) ?? "",
            report.bureau.name,
            report.region,
            String(report.fiscalYear),
            report.kind.rawValue,
            report.scope?.rawValue ?? "",
            entry.figure.formattedValue,
            labels.unit(table.metric),
            labels.name(table.metric),
            entry.isDisclosed ? "" : labels.notDisclosed,
            report.document,
            String(report.completeness),
        ]
    }

    /// One row per compared report (bureau × year × kind), in key order, every catalog
    /// figure in its own column; empty when not disclosed.
    var wideRows: [[String]] {
        reports.map(Self.wideRow)
    }

    /// One report's row of `wideRows`.
    static func wideRow(_ report: AlignedReport) -> [String] {
        [
            report.bureau.name,
            report.region,
            String(report.fiscalYear),
            report.kind.rawValue,
            report.scope?.rawValue ?? "",
            report.unitCount.map(String.init) ?? "",
            String(report.completeness),
            String(report.findingCount(.error)),
            String(report.findingCount(.warning)),
            report.document,
        ] + MetricID.allCases.map { report[$0].formattedValue }
    }
}

extension Comparison {
    /// comparison.csv's text (`prefix`, the header, `wideRows`), written a row at a time.
    func writeWide(_ writer: CSVWriter, prefix: String = "", to out: inout some TextOutputStream) {
        out.write(prefix + writer.row(Self.wideHeader))
        for report in reports { out.write(writer.row(Self.wideRow(report))) }
    }

    /// rankings.csv's text (`prefix`, the header, `rankingRows`), written a row at a time: the
    /// file, and stdout for `--format csv|tsv`.
    func writeRankings(_ writer: CSVWriter, _ labels: ComparisonLabels, prefix: String = "",
                       to out: inout some TextOutputStream) {
        out.write(prefix + writer.row(Self.rankingHeader))
        for table in tables {
            for entry in table.entries { out.write(writer.row(Self.rankingRow(table, entry, labels))) }
        }
    }
}
