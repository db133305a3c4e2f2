import Analytics
import DisclosureKit
import Rendering

extension Comparison {
    /// The whole comparison as one JSON object, followed by a line break — what comparison.json
    /// holds and `--format json` prints:
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
    /// disclosed is `null`. Written piece by piece (`JSONStream`), straight into UTF-8 and sent a
    /// chunk at a time, so a comparison of thousands of reports is never one tree, and no member
    /// is ever a `JSONValue` (one per member, built only to be rendered, cost more than the bytes).
    func writeJSON(_ labels: ComparisonLabels, to out: inout some UTF8OutputStream) {
        let selection = options.selection
        var json = JSONStream()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.outputChunk + 4096)
        /// Sends the bytes written so far once they fill a chunk.
        func send() {
            guard bytes.count >= Self.outputChunk else { return }
            out.write(utf8: bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        json.beginObject(to: &bytes)
        json.beginObject("selection", to: &bytes)
        json.number(selection.year, key: "year", to: &bytes)
        json.string(selection.kinds.rawValue, key: "kind", to: &bytes)
        json.string(options.order.rawValue, key: "order", to: &bytes)
        json.beginArray("metrics", to: &bytes)
        for metric in options.rankedMetrics { json.string(metric.rawValue, to: &bytes) }
        json.end(to: &bytes)
        json.string(labels.language.rawValue, key: "lang", to: &bytes)
        json.end(to: &bytes)
        json.beginArray("reports", to: &bytes)
        for report in reports {
            Self.writeJSON(report, &json, to: &bytes)
            send()
        }
        json.end(to: &bytes)
        json.beginArray("rankings", to: &bytes)
        for table in tables {
            json.beginObject(to: &bytes)
            Self.writeJSONHead(table.metric, labels, &json, to: &bytes)
            json.string(table.order.rawValue, key: "order", to: &bytes)
            json.beginArray("context", to: &bytes)
            for metric in table.context { json.string(metric.rawValue, to: &bytes) }
            json.end(to: &bytes)
            json.beginArray("entries", to: &bytes)
            for entry in table.entries {
                Self.writeJSON(entry, of: table, &json, to: &bytes)
                send()
            }
            json.end(to: &bytes)
            json.number(table.entries.count(where: { !$0.isDisclosed }), key: "not_disclosed", to: &bytes)
            json.end(to: &bytes)
        }
        json.end(to: &bytes)
        json.beginArray("budget_vs_final", to: &bytes)
        for table in budgetExecution {
            json.beginObject(to: &bytes)
            Self.writeJSONHead(table.metric, labels, &json, to: &bytes)
            json.beginArray("rows", to: &bytes)
            for row in table.rows {
                Self.writeJSON(row, &json, to: &bytes)
                send()
            }
            json.end(to: &bytes)
            json.end(to: &bytes)
        }
        json.end(to: &bytes)
        json.beginArray("notes", to: &bytes)
        for note in notes { Self.writeJSONNote(code: note.code, text: note.text(labels.language), &json, to: &bytes) }
        json.end(to: &bytes)
        json.beginArray("warnings", to: &bytes)
        for warning in warnings {
            Self.writeJSONNote(code: warning.code, text: warning.text(labels.language), &json, to: &bytes)
        }
        json.end(to: &bytes)
        json.end(to: &bytes)
        bytes.append(0x0A)
        out.write(utf8: bytes)
    }

    /// A figure's value as a JSON number, or null.
    static func writeJSON(_ figure: CompactFigure, key: String, _ json: inout JSONStream, to out: inout [UInt8]) {
        let value = figure.formattedValue
        if value.isEmpty {
            json.null(key: key, to: &out)
        } else {
            json.number(value, key: key, to: &out)
        }
    }

    /// The members that say which report a row is: bureau, region, year, kind, scope, units,
    /// completeness, audit counts, file.
    static func writeJSONMetadata(_ report: AlignedReport, _ json: inout JSONStream, to out: inout [UInt8]) {
        json.string(report.bureau.name, key: "bureau", to: &out)
        json.string(report.region, key: "region", to: &out)
        json.number(report.fiscalYear, key: "fiscal_year", to: &out)
        json.string(report.kind.rawValue, key: "kind", to: &out)
        json.string(report.scope?.rawValue, key: "scope", to: &out)
        json.number(report.unitCount, key: "units", to: &out)
        json.number(report.completeness, key: "completeness", to: &out)
        json.number(report.findingCount(.error), key: "audit_errors", to: &out)
        json.number(report.findingCount(.warning), key: "audit_warnings", to: &out)
        json.string(report.document, key: "document", to: &out)
    }

    /// One compared report: its metadata and every catalog figure.
    static func writeJSON(_ report: AlignedReport, _ json: inout JSONStream, to out: inout [UInt8]) {
        json.beginObject(to: &out)
        writeJSONMetadata(report, &json, to: &out)
        json.beginObject("figures", to: &out)
        // One figure per catalog metric, in catalog order: read in place, not looked up by metric.
        for figure in report.source.figures { writeJSON(figure, key: figure.metric.rawValue, &json, to: &out) }
        json.end(to: &out)
        json.end(to: &out)
    }

    /// A table's first members: the metric, its name and its unit.
    static func writeJSONHead(_ metric: MetricID, _ labels: ComparisonLabels, _ json: inout JSONStream,
                              to out: inout [UInt8]) {
        json.string(metric.rawValue, key: "metric", to: &out)
        json.string(labels.name(metric), key: "label", to: &out)
        json.string(labels.unit(metric), key: "unit", to: &out)
    }

    /// One entry of a ranked table: rank, the report, the value, its line and the context figures.
    static func writeJSON(_ entry: RankedEntry, of table: MetricTable, _ json: inout JSONStream, to out: inout [UInt8]) {
        let report = entry.report
        let figure = entry.figure
        json.beginObject(to: &out)
        json.number(entry.rank, key: "rank", to: &out)
        writeJSONMetadata(report, &json, to: &out)
        writeJSON(figure, key: "value", &json, to: &out)
        json.number(figure.source?.line, key: "source_line", to: &out)
        json.number(PageMap.page(of: figure.source?.line, in: report.source.pages), key: "source_page", to: &out)
        json.beginObject("context", to: &out)
        for (metric, shown) in zip(table.context, entry.contextMetrics) {
            writeJSON(report[shown], key: metric.rawValue, &json, to: &out)
        }
        json.end(to: &out)
        json.end(to: &out)
    }

    /// One bureau-year of a budget-against-final table.
    static func writeJSON(_ row: BudgetExecutionRow, _ json: inout JSONStream, to out: inout [UInt8]) {
        let pair = row.pair
        json.beginObject(to: &out)
        json.string(pair.bureau.name, key: "bureau", to: &out)
        json.string(pair.final.region, key: "region", to: &out)
        json.number(pair.fiscalYear, key: "fiscal_year", to: &out)
        writeJSON(row.budget, key: "budget", &json, to: &out)
        writeJSON(row.final, key: "final", &json, to: &out)
        if let execution = row.execution {
            json.number(execution.formatted(decimals: 2), key: "execution", to: &out)
        } else {
            json.null(key: "execution", to: &out)
        }
        json.string(pair.budget.document, key: "budget_document", to: &out)
        json.string(pair.final.document, key: "final_document", to: &out)
        json.string(pair.budget.scope?.rawValue, key: "budget_scope", to: &out)
        json.string(pair.final.scope?.rawValue, key: "final_scope", to: &out)
        json.number(pair.budget.unitCount, key: "budget_units", to: &out)
        json.number(pair.final.unitCount, key: "final_units", to: &out)
        json.bool(pair.scopesDiffer, key: "scopes_differ", to: &out)
        json.end(to: &out)
    }

    /// A note or a warning: its code and its text.
    static func writeJSONNote(code: String, text: String, _ json: inout JSONStream, to out: inout [UInt8]) {
        json.beginObject(to: &out)
        json.string(code, key: "code", to: &out)
        json.string(text, key: "text", to: &out)
        json.end(to: &out)
    }
}
