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

    /// One entry's row of rankings.csv, tables in order, entries in rank order:
    /// `sangong_total,1,丙市工业和信息化局,丙市,2024,final,department,7.50,万元,“三公”经费合计,,city-c-2024-final.txt`.
    /// An undisclosed figure has an empty rank and value and the note `未公开`. `table` holds the
    /// table's own columns, encoded once for all its rows.
    static func appendRankingRow(_ table: RankingColumns, _ entry: RankedEntry, _ labels: ComparisonLabels,
                                 to rows: inout CSVRowBuilder) {
        let report = entry.report
        let figure = entry.figure
        rows.encodedFields(table.metric)
        rows.field(entry.rank)
        appendKeyFields(report, to: &rows)
        rows.field(figure.formattedValue)
        rows.encodedFields(table.unitAndLabel)
        rows.field(figure.isDisclosed ? "" : labels.notDisclosed)
        rows.field(report.document)
        rows.field(report.completeness)
        rows.endRow()
    }

    /// A ranked table's columns of rankings.csv, the same in each of its rows: the metric ID,
    /// and its unit and name.
    struct RankingColumns {
        let metric: [UInt8]
        let unitAndLabel: [UInt8]

        init(_ table: MetricTable, _ labels: ComparisonLabels, _ writer: CSVWriter) {
            var metric = CSVRowBuilder(writer)
            metric.field(table.metric.rawValue)
            var unitAndLabel = CSVRowBuilder(writer)
            unitAndLabel.field(labels.unit(table.metric))
            unitAndLabel.field(labels.name(table.metric))
            self.metric = metric.bytes
            self.unitAndLabel = unitAndLabel.bytes
        }
    }

    /// One compared report's row of comparison.csv (bureau × year × kind, in key order), every
    /// catalog figure in its own column; empty when not disclosed.
    static func appendWideRow(_ report: AlignedReport, to rows: inout CSVRowBuilder) {
        appendKeyFields(report, to: &rows)
        rows.field(report.unitCount)
        rows.field(report.completeness)
        rows.field(report.findingCount(.error))
        rows.field(report.findingCount(.warning))
        rows.field(report.document)
        // One figure per catalog metric, in catalog order: read in place, not looked up by metric.
        for figure in report.source.figures { rows.field(figure.formattedValue) }
        rows.endRow()
    }

    /// The columns that say which report a row is, in both files: bureau, region, fiscal year,
    /// kind, scope.
    private static func appendKeyFields(_ report: AlignedReport, to rows: inout CSVRowBuilder) {
        rows.field(report.bureau.name)
        rows.field(report.region)
        rows.field(report.fiscalYear)
        rows.field(report.kind.rawValue)
        rows.field(report.scope?.rawValue ?? "")
    }
}

extension Comparison {
    /// Bytes collected before they are sent to the stream.
    static var outputChunk: Int { 64 * 1024 }

    /// comparison.csv's text (`prefix`, the header, a row per compared report), written a
    /// chunk of rows at a time.
    func writeWide(_ writer: CSVWriter, prefix: String = "", to out: inout some UTF8OutputStream) {
        out.write(prefix + writer.row(Self.wideHeader))
        var rows = CSVRowBuilder(writer, capacity: Self.outputChunk + 4096)
        for report in reports {
            Self.appendWideRow(report, to: &rows)
            Self.send(&rows, to: &out, atLeast: Self.outputChunk)
        }
        Self.send(&rows, to: &out, atLeast: 1)
    }

    /// rankings.csv's text (`prefix`, the header, a row per table entry), written a chunk of
    /// rows at a time: the file, and stdout for `--format csv|tsv`.
    func writeRankings(_ writer: CSVWriter, _ labels: ComparisonLabels, prefix: String = "",
                       to out: inout some UTF8OutputStream) {
        out.write(prefix + writer.row(Self.rankingHeader))
        var rows = CSVRowBuilder(writer, capacity: Self.outputChunk + 4096)
        for table in tables {
            let columns = RankingColumns(table, labels, writer)
            for entry in table.entries {
                Self.appendRankingRow(columns, entry, labels, to: &rows)
                Self.send(&rows, to: &out, atLeast: Self.outputChunk)
            }
        }
        Self.send(&rows, to: &out, atLeast: 1)
    }

    /// Writes the rows built so far to `out` and empties the builder, once they are `count` bytes or more.
    private static func send(_ rows: inout CSVRowBuilder, to out: inout some UTF8OutputStream, atLeast count: Int) {
        guard rows.bytes.count >= count else { return }
        out.write(utf8: rows.bytes)
        rows.removeAll()
    }
}
