import Analytics
import DisclosureKit
import Rendering

extension ExtractedReport {
    /// Writes the report as a JSON object: the file name, the metadata, how many statements were
    /// found, and one object per catalog metric.
    ///
    /// Numbers are written as the same decimals the CSV shows (`0.97`, `68.85`), as raw
    /// JSON numbers, so no binary floating point ever touches a figure; a figure that is
    /// not disclosed is `null`, never 0. Written member by member into `out` (`JSONStream`),
    /// without a `JSONValue` tree: building one per report cost more than rendering it.
    func writeJSON(_ json: inout JSONStream, to out: inout [UInt8]) {
        let metadata = self.metadata
        json.beginObject(to: &out)
        json.string(document, key: "document", to: &out)
        json.string(metadata.bureau, key: "bureau", to: &out)
        json.string(metadata.region, key: "region", to: &out)
        json.number(metadata.fiscalYear, key: "fiscal_year", to: &out)
        json.string(metadata.kind?.rawValue, key: "kind", to: &out)
        json.string(metadata.scope?.rawValue, key: "scope", to: &out)
        json.string(metadata.amountUnit.rawValue, key: "amount_unit", to: &out)
        json.number(metadata.unitCount, key: "units", to: &out)
        json.number(observations.count, key: "observations", to: &out)
        json.number(completeness.score, key: "completeness", to: &out)
        json.number(findings.count(where: { $0.severity == .error }), key: "audit_errors", to: &out)
        json.number(findings.count(where: { $0.severity == .warning }), key: "audit_warnings", to: &out)
        json.beginArray("figures", to: &out)
        for figure in catalogFigures { figure.writeJSON(pages: pages, &json, to: &out) }
        json.end(to: &out)
        json.end(to: &out)
    }
}

extension Figure {
    /// `{"metric": "sangong_reception", "label": "公务接待费", "unit": "万元", "value": 0.97, …}`;
    /// `source_page` (and each other statement's `page`) is null unless the report has `pages`.
    func writeJSON(pages: PageMap?, _ json: inout JSONStream, to out: inout [UInt8]) {
        let value = formattedValue
        let metric = self.metric.metric
        json.beginObject(to: &out)
        json.string(self.metric.rawValue, key: "metric", to: &out)
        json.string(metric.chinese, key: "label", to: &out)
        json.string(metric.unit.rawValue, key: "unit", to: &out)
        if value.isEmpty { json.null(key: "value", to: &out) } else { json.number(value, key: "value", to: &out) }
        if let reported { json.number(reported.description, key: "reported", to: &out) } else { json.null(key: "reported", to: &out) }
        json.number(source?.line, key: "source_line", to: &out)
        json.number(PageMap.page(of: source?.line, in: pages), key: "source_page", to: &out)
        json.string(source?.snippet, key: "source_text", to: &out)
        json.beginArray("flags", to: &out)
        for flag in flags { json.string(flag.rawValue, to: &out) }
        json.end(to: &out)
        // Every other statement of the figure, so a reader can see what was not chosen.
        json.beginArray("other_statements", to: &out)
        for statement in alternatives { statement.writeJSONStatement(pages: pages, &json, to: &out) }
        json.end(to: &out)
        json.end(to: &out)
    }
}

extension Observation {
    /// `{"value": 1.38, "role": "value", "place": "own_section", "line": 485, "page": null, "text": "…"}`;
    /// nothing for a percentage (the shares and rates are under `reported`).
    func writeJSONStatement(pages: PageMap?, _ json: inout JSONStream, to out: inout [UInt8]) {
        guard let amount else { return }
        json.beginObject(to: &out)
        json.number(amount.wanYuan(decimals: max(2, min(6, unit == .yuan ? stated.scale + 4 : stated.scale))),
                    key: "value", to: &out)
        json.string(role.rawValue, key: "role", to: &out)
        json.string(place.rawValue, key: "place", to: &out)
        json.number(line, key: "line", to: &out)
        json.number(PageMap.page(of: line, in: pages), key: "page", to: &out)
        json.string(snippet, key: "text", to: &out)
        json.end(to: &out)
    }
}

extension PageMap {
    /// The page of `line`, or nil when there is no line or the input has no pages: what the JSON
    /// writes as a page number or `null`.
    static func page(of line: Int?, in pages: PageMap?) -> Int? {
        guard let line, let pages else { return nil }
        return pages.page(ofLine: line)
    }
}
