import DisclosureKit
import Rendering

/// The text `extract` writes, built report by report in one output format.
///
/// Every format is written as each report is extracted (`add` writes its bytes), so output
/// streams and memory does not grow with the number of reports: JSON is one array whose
/// elements are written one by one, byte for byte as rendering the whole array at once would.
struct ExtractDocument {
    /// The CSV/TSV header row.
    static var header: [String] { ExtractedReport.longHeader }

    let format: OutputFormat
    let terminal: Terminal
    private var reportCount = 0
    /// The JSON array, written one report at a time so memory stays flat over any number of reports.
    private var json = JSONStream()

    init(format: OutputFormat, terminal: Terminal) {
        self.format = format
        self.terminal = terminal
    }

    /// Whether the document holds what the checks find: JSON gives each report's completeness
    /// and audit counts; the rows and the table give figures only, so their reports need not
    /// be audited (`ReportExtractor(audits:)`).
    var printsAudit: Bool { format == .json }

    /// What comes before the first report: the header row for CSV and TSV. Written even
    /// when no report can be read, so a pipe always gets a well-formed document.
    func begin() -> String {
        switch format {
        case .csv: return CSVWriter.csv.row(Self.header)
        case .tsv: return CSVWriter.tsv.row(Self.header)
        case .table, .json: return ""
        }
    }

    /// The text for one more report.
    mutating func add(_ report: ExtractedReport) -> String {
        var text = ""
        add(rendered: render(report), to: &text)
        return text
    }

    /// What `add` writes for `report` apart from what joins it to the reports before it (the
    /// JSON array's comma, the blank line between tables), as UTF-8: pure, so the workers that
    /// extract the reports render them too (`ReportInput.forEach(prepare:)`). Bytes, not a
    /// `String`: made into one, every byte of well-formed text was checked again.
    func render(_ report: ExtractedReport) -> [UInt8] {
        switch format {
        case .csv: return report.longRowsText(.csv)
        case .tsv: return report.longRowsText(.tsv)
        case .json:
            // An element of the top-level array: it stands at depth 1.
            var element = JSONStream(indent: json.indent, depth: 1)
            var bytes: [UInt8] = []
            report.writeJSON(&element, to: &bytes)
            return bytes
        case .table:
            let heading = terminal.colorAllowed ? "\u{1B}[1m\(report.tableHeading)\u{1B}[0m" : report.tableHeading
            let table = report.textTable.render(maxWidth: terminal.columns)
            return Array((heading + "\n" + table.endingInNewline).utf8)
        }
    }

    /// Writes one more report to `out`, given `render(report)`.
    mutating func add(rendered: [UInt8], to out: inout some UTF8OutputStream) {
        defer { reportCount += 1 }
        switch format {
        case .csv, .tsv:
            out.write(utf8: rendered)
        case .json:
            var joint: [UInt8] = []
            if reportCount == 0 { json.beginArray(to: &joint) }
            json.element(to: &joint)
            out.write(utf8: joint)
            out.write(utf8: rendered)
        case .table:
            if reportCount > 0 { out.write("\n") }
            out.write(utf8: rendered)
        }
    }

    /// What comes after the last report: the end of the JSON array (`[]` when there was no report).
    mutating func end() -> String {
        switch format {
        case .json:
            var text = ""
            if reportCount == 0 { json.beginArray(to: &text) }
            json.end(to: &text)
            return text + "\n"
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
