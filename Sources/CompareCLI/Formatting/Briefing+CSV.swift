import Analytics
import DisclosureKit
import Rendering

extension Briefing {
    /// briefing.csv's columns: one long table for every part of the briefing, told apart by
    /// `section` and `measure`.
    static let csvHeader = [
        "section", "measure", "bureau", "region", "fiscal_year", "kind", "scope", "metric", "label",
        "value", "unit", "rank", "note", "document", "source_lines", "source_pages", "source_text",
    ]

    /// The rows of briefing.csv, in the briefing's reading order:
    ///
    /// - `figure` / `value`: every catalog figure of every report (final accounts, then budgets),
    ///   empty with the note 未公开 when not disclosed, with its lines and sentence;
    /// - `ranking` / `value`: each ranked table's entries with their rank;
    /// - `budget_vs_final` / `budget`, `final`, `execution`: three rows per amount and bureau;
    /// - `year_on_year` / `change_amount`, `change_percent`: the change each report states, signed
    ///   (`-0.01`, `-1.02` for 减少 0.01 万元, 下降 1.02%), the wording in `note`;
    /// - `audit` / `findings`, `errors`, `warnings`, `infos`, `completeness`, `disclosed`, `required`;
    /// - `note` / its code: the notes, the text in `note`.
    ///
    /// `source_pages` gives the page of each of `source_lines`, in the same order, for a report read
    /// from a PDF (or text with page breaks); it is empty for a text report.
    ///
    /// ```
    /// figure,value,甲市工业和信息化局,甲市,2024,final,unit,project_share,项目支出占比,52.31,%,,,city-a-2024-final.txt,172;174,,…
    /// year_on_year,change_percent,甲市工业和信息化局,甲市,2024,final,unit,sangong_reception,公务接待费,-1.02,%,,下降 1.02%,city-a-2024-final.pdf,287,7,…
    /// ```
    func csvRows(_ labels: BriefingLabels) -> [[String]] {
        var rows: [[String]] = []
        func lead(_ report: AlignedReport) -> [String] {
            [report.bureau.name, report.region, String(report.fiscalYear), report.kind.rawValue, report.scope?.rawValue ?? ""]
        }
        func lines(_ list: [Int]) -> String { list.map(String.init).joined(separator: ";") }
        func pages(_ report: AlignedReport, _ list: [Int]) -> String { lines(report.pages(ofLines: list)) }
        func page(_ report: AlignedReport, _ line: Int?) -> String {
            line.flatMap { report.page(ofLine: $0) }.map(String.init) ?? ""
        }

        for entry in reports {
            let report = entry.report
            for metric in MetricID.allCases {
                let figure = report[metric]
                let source = BriefingSource(report: report, metric: metric)
                rows.append(["figure", "value"] + lead(report) + [
                    metric.rawValue, labels.comparison.name(metric), figure.formattedValue, metric.metric.unit.rawValue, "",
                    figure.isDisclosed ? "" : labels.comparison.notDisclosed, report.document,
                    lines(source?.lines ?? []), pages(report, source?.lines ?? []), entry.sourceTexts[metric] ?? "",
                ])
            }
        }
        for table in tables {
            for entry in table.entries {
                let sourceLines = BriefingSource(report: entry.report, metric: table.metric)?.lines ?? []
                rows.append(["ranking", "value"] + lead(entry.report) + [
                    table.metric.rawValue, labels.comparison.name(table.metric), entry.figure.formattedValue,
                    table.metric.metric.unit.rawValue, entry.rank.map(String.init) ?? "",
                    entry.isDisclosed ? "" : labels.comparison.notDisclosed, entry.report.document,
                    lines(sourceLines), pages(entry.report, sourceLines), "",
                ])
            }
        }
        for table in budgetExecution {
            for row in table.rows {
                let pair = row.pair
                let name = labels.comparison.name(table.metric)
                let note = pair.scopesDiffer ? ComparisonNote.scopesDiffer(ComparisonNote.ScopeDifference(pair)).code : ""
                rows.append(["budget_vs_final", "budget"] + lead(pair.budget) + [
                    table.metric.rawValue, name, row.budget.formattedValue, "万元", "", note, pair.budget.document,
                    row.budget.source.map { String($0.line) } ?? "", page(pair.budget, row.budget.source?.line), sourceText(pair.budget, table.metric) ?? "",
                ])
                rows.append(["budget_vs_final", "final"] + lead(pair.final) + [
                    table.metric.rawValue, name, row.final.formattedValue, "万元", "", note, pair.final.document,
                    row.final.source.map { String($0.line) } ?? "", page(pair.final, row.final.source?.line), sourceText(pair.final, table.metric) ?? "",
                ])
                rows.append(["budget_vs_final", "execution"] + lead(pair.final) + [
                    table.metric.rawValue, name, row.execution.map { $0.formatted(decimals: 2) } ?? "", "%", "", note,
                    pair.budget.document + ";" + pair.final.document, "", "", "",
                ])
            }
        }
        for entry in reports {
            for change in entry.changes {
                let name = labels.comparison.name(change.metric)
                let amountSource = change.amountStatement
                let amountLine = (amountSource ?? change.unchangedStatement)?.line
                rows.append(["year_on_year", "change_amount"] + lead(entry.report) + [
                    change.metric.rawValue, name, change.amount.map { $0.wanYuan() } ?? "", "万元", "",
                    change.isStated ? (amountSource == nil && !change.isUnchanged ? "—" : labels.amountChange(change)) : labels.notStated,
                    entry.report.document, amountLine.map(String.init) ?? "", page(entry.report, amountLine),
                    (amountSource ?? change.unchangedStatement)?.snippet ?? "",
                ])
                let percentSource = change.percentStatement
                rows.append(["year_on_year", "change_percent"] + lead(entry.report) + [
                    change.metric.rawValue, name, change.percent?.description ?? "", "%", "",
                    change.isStated ? (percentSource == nil ? "—" : labels.percentChange(change)) : labels.notStated,
                    entry.report.document, percentSource.map { String($0.line) } ?? "", page(entry.report, percentSource?.line),
                    percentSource?.snippet ?? "",
                ])
            }
        }
        for entry in reports {
            let a = entry.audit
            let measures: [(String, String, String)] = [
                ("findings", String(a.findings), ""), ("errors", String(a.errors), ""), ("warnings", String(a.warnings), ""),
                ("infos", String(a.infos), ""), ("completeness", String(a.completeness.score), "%"),
                ("disclosed", String(a.completeness.disclosed), ""), ("required", String(a.completeness.required), ""),
            ]
            for (measure, value, unit) in measures {
                let note = measure == "completeness" ? a.completeness.missing.joined(separator: ";") : ""
                rows.append(["audit", measure] + lead(entry.report) + ["", "", value, unit, "", note, entry.report.document, "", "", ""])
            }
        }
        for note in notes {
            rows.append(["note", note.code, "", "", String(fiscalYear), "", "", "", "", "", "", "", note.text(labels.language), "", "", "", ""])
        }
        return rows
    }

    /// briefing.csv as text (without a BOM; the file writer adds it).
    func csv(_ labels: BriefingLabels) -> String {
        CSVWriter.csv.document(header: Self.csvHeader, rows: csvRows(labels))
    }
}
