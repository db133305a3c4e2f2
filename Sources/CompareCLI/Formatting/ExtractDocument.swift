import DisclosureKit
import Rendering

/// The text `extract` writes, built report by report in one output format.
///
/// CSV, TSV and tables are written as each report is extracted (`add` returns its rows),
/// so output streams; JSON is one array and is rendered once at the `end`.
struct ExtractDocument {
    /// The CSV/TSV header row.
    static var header: [String] { ExtractedReport.longHeader }

    let format: OutputFormat
    let terminal: Terminal
    private var jsonReports: [JSONValue] = []
    private var reportCount = 0

    init(format: OutputFormat, terminal: Terminal) {
        self.format = format
        self.terminal = terminal
    }

    /// What comes before the first report: the header row for CSV and TSV. Written even
    /// when no report can be read, so a pipe always gets a well-formed document.
    func begin() -> String {
        switch format {
        case .csv: return CSVWriter.csv.row(Self.header)
        case .tsv: return CSVWriter.tsv.row(Self.header)
        case .table, .json: return ""
        }
    }

    /// The text for one more report (empty for JSON, which waits for `end`).
    mutating func add(_ report: ExtractedReport) -> String {
        defer { reportCount += 1 }
        switch format {
        case .csv: return CSVWriter.csv.document(header: [], rows: report.longRows)
        case .tsv: return CSVWriter.tsv.document(header: [], rows: report.longRows)
        case .json:
            jsonReports.append(report.jsonValue)
            return ""
        case .table:
            let heading = terminal.colorAllowed ? "\u{1B}[1m\(report.tableHeading)\u{1B}[0m" : report.tableHeading
            let table = report.textTable.render(maxWidth: terminal.columns)
            return (reportCount > 0 ? "\n" : "") + heading + "\n" + table.endingInNewline
        }
    }

    /// What comes after the last report: the whole array for JSON.
    func end() -> String {
        switch format {
        case .json: return JSONValue.array(jsonReports).rendered(pretty: true).endingInNewline
        case .csv, .tsv, .table: return ""
        }
    }
}

extension String {
    /// The string with exactly one trailing newline added when it has none.
    var endingInNewline: String {
        isEmpty || hasSuffix("\n") ? self : self + "\n"
    }
}
