import Analytics
import DisclosureKit
import Rendering

extension Comparison {
    /// The whole comparison as one JSON object — what comparison.json holds and
    /// `--format json` prints:
    ///
    /// ```
    /// {"selection": {"year": null, "kind": "final", "order": "desc", "metrics": [...], "lang": "zh"},
    ///  "reports": [{"bureau": ..., "figures": {"sangong_total": 7.50, ...}}, ...],
    ///  "rankings": [{"metric": "sangong_total", "entries": [{"rank": 1, "value": 7.50, "context": {...}}, ...]}],
    ///  "budget_vs_final": [{"metric": "sangong_total", "rows": [{"budget": 3.77, "final": 0.97, "execution": 25.73}]}],
    ///  "notes": [{"code": "not_like_for_like", "text": "..."}], "warnings": [...]}
    /// ```
    ///
    /// Numbers are the printed decimals as raw JSON numbers (never a `Double`); a figure not
    /// disclosed is `null`.
    func jsonValue(_ labels: ComparisonLabels) -> JSONValue {
        let selection = options.selection
        return .object([
            ("selection", .object([
                ("year", selection.year.map { .number(String($0)) } ?? .null),
                ("kind", .string(selection.kinds.rawValue)),
                ("order", .string(options.order.rawValue)),
                ("metrics", .array(options.rankedMetrics.map { .string($0.rawValue) })),
                ("lang", .string(labels.language.rawValue)),
            ])),
            ("reports", .array(reports.map { Self.json($0) })),
            ("rankings", .array(tables.map { Self.json($0, labels) })),
            ("budget_vs_final", .array(budgetExecution.map { Self.json($0, labels) })),
            ("notes", .array(notes.map { note in
                .object([("code", .string(note.code)), ("text", .string(note.text(labels.language)))])
            })),
            ("warnings", .array(warnings.map { warning in
                .object([("code", .string(warning.code)), ("text", .string(warning.text(labels.language)))])
            })),
        ])
    }

    /// A figure's value as a JSON number, or null.
    static func json(_ figure: Figure) -> JSONValue {
        let value = figure.formattedValue
        return value.isEmpty ? .null : .number(value)
    }

    static func metadata(_ report: AlignedReport) -> [(String, JSONValue)] {
        [
            ("bureau", .string(report.bureau.name)),
            ("region", .string(report.region)),
            ("fiscal_year", .number(String(report.fiscalYear))),
            ("kind", .string(report.kind.rawValue)),
            ("scope", .optionalString(report.scope?.rawValue)),
            ("units", report.unitCount.map { .number(String($0)) } ?? .null),
            ("completeness", .number(String(report.completeness))),
            ("audit_errors", .number(String(report.findingCount(.error)))),
            ("audit_warnings", .number(String(report.findingCount(.warning)))),
            ("document", .string(report.document)),
        ]
    }

    static func json(_ report: AlignedReport) -> JSONValue {
        .object(metadata(report) + [
            ("figures", .object(MetricID.allCases.map { ($0.rawValue, json(report[$0])) })),
        ])
    }

    static func json(_ table: MetricTable, _ labels: ComparisonLabels) -> JSONValue {
        .object([
            ("metric", .string(table.metric.rawValue)),
            ("label", .string(labels.name(table.metric))),
            ("unit", .string(labels.unit(table.metric))),
            ("order", .string(table.order.rawValue)),
            ("context", .array(table.context.map { .string($0.rawValue) })),
            ("entries", .array(table.entries.map { entry in
                .object([("rank", entry.rank.map { .number(String($0)) } ?? .null)]
                    + metadata(entry.report)
                    + [
                        ("value", json(entry.figure)),
                        ("source_line", entry.figure.source.map { .number(String($0.line)) } ?? .null),
                        ("source_page", JSONValue.page(of: entry.figure.source?.line, in: entry.report.source.report.pages)),
                        ("context", .object(zip(table.context, entry.context).map { ($0.rawValue, json($1)) })),
                    ])
            })),
            ("not_disclosed", .number(String(table.notDisclosed.count))),
        ])
    }

    static func json(_ table: BudgetExecution, _ labels: ComparisonLabels) -> JSONValue {
        .object([
            ("metric", .string(table.metric.rawValue)),
            ("label", .string(labels.name(table.metric))),
            ("unit", .string(labels.unit(table.metric))),
            ("rows", .array(table.rows.map { row in
                let pair = row.pair
                return .object([
                    ("bureau", .string(pair.bureau.name)),
                    ("region", .string(pair.final.region)),
                    ("fiscal_year", .number(String(pair.fiscalYear))),
                    ("budget", json(row.budget)),
                    ("final", json(row.final)),
                    ("execution", row.execution.map { .number($0.formatted(decimals: 2)) } ?? .null),
                    ("budget_document", .string(pair.budget.document)),
                    ("final_document", .string(pair.final.document)),
                    ("budget_scope", .optionalString(pair.budget.scope?.rawValue)),
                    ("final_scope", .optionalString(pair.final.scope?.rawValue)),
                    ("budget_units", pair.budget.unitCount.map { .number(String($0)) } ?? .null),
                    ("final_units", pair.final.unitCount.map { .number(String($0)) } ?? .null),
                    ("scopes_differ", .bool(pair.scopesDiffer)),
                ])
            })),
        ])
    }
}
