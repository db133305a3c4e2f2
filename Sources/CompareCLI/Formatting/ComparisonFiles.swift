import Analytics
import DisclosureKit
import Rendering

/// The four files `compare` writes into `--out`, as names and bytes, built before anything
/// is written so that all of them can be staged and committed together.
///
/// - `comparison.csv`: wide, one row per compared report (bureau × year × kind), metadata
///   columns then one column per metric ID;
/// - `rankings.csv`: long, one row per ranked table entry (`metric,rank,bureau,region,
///   fiscal_year,kind,scope,value,…`);
/// - `metrics.csv`: the `extract` CSV of every report read, with provenance (source line,
///   sentence, flags);
/// - `comparison.json`: the whole comparison, as `--format json` prints it.
///
/// The CSV files start with a UTF-8 BOM unless `bom` is false, so Excel and WPS read the
/// Chinese as UTF-8. The JSON file never does: RFC 8259 forbids it and common parsers
/// (Python's `json.loads`) reject it.
struct ComparisonFiles {
    static let names = ["comparison.csv", "rankings.csv", "metrics.csv", "comparison.json"]

    /// (file name, bytes), in `names` order.
    let files: [(name: String, bytes: [UInt8])]

    init(comparison: Comparison, extracted: [ExtractedReport], labels: ComparisonLabels, bom: Bool) {
        let prefix = bom ? CSVWriter.utf8BOM : ""
        let csv = CSVWriter.csv
        let metricRows = extracted.flatMap(\.longRows)
        files = [
            ("comparison.csv", Array((prefix + csv.document(header: Comparison.wideHeader, rows: comparison.wideRows)).utf8)),
            ("rankings.csv", Array((prefix + csv.document(header: Comparison.rankingHeader, rows: comparison.rankingRows(labels))).utf8)),
            ("metrics.csv", Array((prefix + csv.document(header: ExtractedReport.longHeader, rows: metricRows)).utf8)),
            ("comparison.json", Array(comparison.jsonValue(labels).rendered(pretty: true).endingInNewline.utf8)),
        ]
    }
}
