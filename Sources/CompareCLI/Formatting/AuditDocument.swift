import DisclosureKit
import Rendering

/// The text `audit` writes: findings or completeness rows, in one output format.
///
/// `source_pages` holds the page of each of `source_lines`, in the same order (`175;177` → `4;4`), so
/// each line can be paired with its page; it is empty (JSON: null) for a text input without pages.
struct AuditDocument {
    static let findingHeader = ["document", "severity", "check", "metric", "stated", "expected", "source_lines", "source_pages", "message"]
    static let completenessHeader = ["document", "bureau", "fiscal_year", "kind", "score", "disclosed", "required", "missing"]

    let format: OutputFormat
    let terminal: Terminal
    let completeness: Bool
    let english: Bool
    private var completenessRows: [[String]] = []
    private var reportCount = 0
    /// The JSON array, written one report at a time so memory stays flat over any number of reports.
    private var json = JSONStream()

    init(format: OutputFormat, terminal: Terminal, completeness: Bool, english: Bool) {
        self.format = format
        self.terminal = terminal
        self.completeness = completeness
        self.english = english
    }

    var header: [String] { completeness ? Self.completenessHeader : Self.findingHeader }

    func begin() -> String {
        format == .csv ? CSVWriter.csv.row(header) : ""
    }

    mutating func add(_ report: ExtractedReport) -> String {
        defer { reportCount += 1 }
        let rows = completeness ? [completenessRow(report)] : report.findings.map { findingRow($0, in: report) }
        switch format {
        case .csv, .tsv:
            return CSVWriter.csv.document(header: [], rows: rows)
        case .json:
            var text = ""
            if reportCount == 0 { json.beginArray(to: &text) }
            json.value(jsonValue(report), to: &text)
            return text
        case .table:
            if completeness {
                completenessRows += rows
                return ""
            }
            let heading = "\(report.document) — \(report.metadata.bureau ?? "—") · \(report.metadata.fiscalYear.map(String.init) ?? "—") · "
                + "\(report.metadata.kind?.rawValue ?? "—") · completeness \(report.completeness.score)"
            // The message is the finding: it goes on its own line under the row, never cut. Pages
            // only for a paged input: an empty column for every text file would only take room.
            let paged = report.pages != nil
            let table = TextTable(
                columns: [.init("severity"), .init("check"), .init("metric"), .init("stated", alignment: .right),
                          .init("expected", alignment: .right), .init("lines")] + (paged ? [.init("pages")] : []),
                rows: report.findings.map { Array(findingRow($0, in: report).dropFirst().prefix(paged ? 7 : 6)) },
                notes: report.findings.isEmpty ? [english ? "no findings" : "未发现问题"] : [])
            var lines = table.render(maxWidth: terminal.columns).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, finding) in report.findings.enumerated().reversed() where index + 3 <= lines.count {
                lines.insert("    " + finding.message(english: english), at: index + 3)
            }
            let body = lines.joined(separator: "\n")
            return (reportCount > 0 ? "\n" : "") + heading + "\n" + body.endingInNewline
        }
    }

    mutating func end() -> String {
        switch format {
        case .json:
            var text = ""
            if reportCount == 0 { json.beginArray(to: &text) }
            json.end(to: &text)
            return text + "\n"
        case .table where completeness:
            let table = TextTable(
                columns: [.init("document"), .init("bureau"), .init("year", alignment: .right), .init("kind"),
                          .init("score", alignment: .right), .init("disclosed", alignment: .right),
                          .init("required", alignment: .right), .init("missing")],
                rows: completenessRows)
            return table.render(maxWidth: terminal.columns).endingInNewline
        default: return ""
        }
    }

    func findingRow(_ f: Finding, in report: ExtractedReport) -> [String] {
        [report.document, f.severity.rawValue, f.check.rawValue, f.metric?.rawValue ?? "", f.stated, f.expected,
         f.lines.map(String.init).joined(separator: ";"),
         report.pages(ofLines: f.lines).map(String.init).joined(separator: ";"), f.message(english: english)]
    }

    func completenessRow(_ r: ExtractedReport) -> [String] {
        [r.document, r.metadata.bureau ?? "", r.metadata.fiscalYear.map(String.init) ?? "", r.metadata.kind?.rawValue ?? "",
         String(r.completeness.score), String(r.completeness.disclosed), String(r.completeness.required),
         r.completeness.missing.joined(separator: ";")]
    }

    func jsonValue(_ r: ExtractedReport) -> JSONValue {
        let c = r.completeness
        return .object([
            ("document", .string(r.document)),
            ("bureau", r.metadata.bureau.map(JSONValue.string) ?? .null),
            ("fiscal_year", r.metadata.fiscalYear.map { .number(String($0)) } ?? .null),
            ("kind", r.metadata.kind.map { .string($0.rawValue) } ?? .null),
            ("completeness", .object([
                ("score", .number(String(c.score))), ("disclosed", .number(String(c.disclosed))),
                ("required", .number(String(c.required))), ("missing", .array(c.missing.map(JSONValue.string))),
            ])),
            ("findings", .array(r.findings.map { f in
                .object([
                    ("severity", .string(f.severity.rawValue)), ("check", .string(f.check.rawValue)),
                    ("metric", f.metric.map { .string($0.rawValue) } ?? .null), ("stated", .string(f.stated)),
                    ("expected", .string(f.expected)), ("source_lines", .array(f.lines.map { .number(String($0)) })),
                    ("source_pages", r.pages == nil ? .null : .array(r.pages(ofLines: f.lines).map { .number(String($0)) })),
                    ("message", .string(f.message(english: english))),
                ])
            })),
        ])
    }
}
