import Analytics
import DisclosureKit
import Rendering

/// The four files `compare` writes into `--out`, written as their content is produced and
/// committed together (`AtomicFileBatch`: all four renamed, or none changed):
///
/// - `comparison.csv`: wide, one row per compared report (bureau × year × kind), metadata
///   columns then one column per metric ID;
/// - `rankings.csv`: long, one row per ranked table entry (`metric,rank,bureau,region,
///   fiscal_year,kind,scope,value,…`);
/// - `metrics.csv`: the `extract` CSV of every report read, with provenance (source line,
///   sentence, flags);
/// - `comparison.json`: the whole comparison, as `--format json` prints it.
///
/// Why streamed: metrics.csv holds every sentence of every report read, which the comparison
/// does not keep (`SourceReport` is compact), so its rows are written as each report arrives
/// (`add(metricsRows:)`; `metricsRows` builds them on the worker that extracted the report); the
/// other three need every report and are written at the end (`commit`), a row or a JSON element
/// at a time. The staged files are opened when the first report arrives, so a run
/// that reads nothing creates nothing; a failure to open or write them is kept and thrown by
/// `commit`, after the whole input has been read, and nothing on disk changes.
///
/// The CSV files start with a UTF-8 BOM unless `bom` is false, so Excel and WPS read the
/// Chinese as UTF-8. The JSON file never does: RFC 8259 forbids it and common parsers
/// (Python's `json.loads`) reject it. A class: it owns the staged files until they are
/// committed or discarded.
final class ComparisonFiles {
    static let names = ["comparison.csv", "rankings.csv", "metrics.csv", "comparison.json"]

    /// The destinations, in `names` order.
    private let paths: [String]
    /// The BOM the CSV files start with, or "".
    private let prefix: String
    private let csv = CSVWriter.csv
    /// The staged files, in `names` order, once the first report has arrived.
    private var staged: [StagedFile] = []
    /// Why the files could not be opened, if they could not.
    private var failure: AtomicFileError?

    /// The files at `path(name)` for each of `names`; nothing is created yet.
    init(path: (String) -> String, bom: Bool) {
        paths = Self.names.map(path)
        prefix = bom ? CSVWriter.utf8BOM : ""
    }

    /// `report`'s metrics.csv rows, as UTF-8: pure, so it is built on the worker that extracted the report.
    static func metricsRows(_ report: ExtractedReport) -> [UInt8] {
        report.longRowsText(.csv)
    }

    /// Appends rows made by `metricsRows` to metrics.csv (opening the four files on the first report).
    func add(metricsRows: [UInt8]) {
        open()?.write(utf8: metricsRows)
    }

    /// Writes comparison.csv, rankings.csv and comparison.json from `comparison`, then renames
    /// all four over their destinations; on failure none changes and the staged files are gone.
    func commit(_ comparison: Comparison, labels: ComparisonLabels) throws(AtomicFileError) {
        _ = open()
        if let failure { throw failure }
        guard staged.count == 4 else { return }
        var wide = staged[0], rankings = staged[1], json = staged[3]
        comparison.writeWide(csv, prefix: prefix, to: &wide)
        comparison.writeRankings(csv, labels, prefix: prefix, to: &rankings)
        comparison.writeJSON(labels, to: &json)
        try AtomicFileBatch.commit(staged)
        staged = []
    }

    /// Removes whatever was staged: the destinations stay as they were.
    func discard() {
        AtomicFileBatch.discard(staged)
        staged = []
    }

    /// The staged metrics.csv, opening the four files and writing metrics.csv's header the
    /// first time; nil when they could not be opened.
    private func open() -> StagedFile? {
        if failure != nil { return nil }
        if staged.isEmpty {
            do throws(AtomicFileError) {
                staged = try AtomicFileBatch.open(paths)
            } catch {
                failure = error
                return nil
            }
            staged[2].write(prefix + csv.row(ExtractedReport.longHeader))
        }
        return staged[2]
    }
}
