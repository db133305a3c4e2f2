import DisclosureKit
import Rendering

extension ExtractedReport {
    /// The report as a JSON object: the file name, the metadata, how many statements were
    /// found, and one object per catalog metric.
    ///
    /// Numbers are written as the same decimals the CSV shows (`0.97`, `68.85`), as raw
    /// JSON numbers, so no binary floating point ever touches a figure; a figure that is
    /// not disclosed is `null`, never 0.
    var jsonValue: JSONValue {
        let metadata = self.metadata
        return .object([
            ("document", .string(document)),
            ("bureau", .optionalString(metadata.bureau)),
            ("region", .optionalString(metadata.region)),
            ("fiscal_year", metadata.fiscalYear.map { .number(String($0)) } ?? .null),
            ("kind", .optionalString(metadata.kind?.rawValue)),
            ("scope", .optionalString(metadata.scope?.rawValue)),
            ("amount_unit", .string(metadata.amountUnit.rawValue)),
            ("units", metadata.unitCount.map { .number(String($0)) } ?? .null),
            ("observations", .number(String(observations.count))),
            ("completeness", .number(String(completeness.score))),
            ("audit_errors", .number(String(findings.filter { $0.severity == .error }.count))),
            ("audit_warnings", .number(String(findings.filter { $0.severity == .warning }.count))),
            ("figures", .array(MetricID.allCases.map { self[$0].jsonValue(pages: pages) })),
        ])
    }
}

extension Figure {
    /// `{"metric": "sangong_reception", "label": "公务接待费", "unit": "万元", "value": 0.97, …}`;
    /// `source_page` (and each other statement's `page`) is null unless the report has `pages`.
    func jsonValue(pages: PageMap?) -> JSONValue {
        let value = formattedValue
        return .object([
            ("metric", .string(metric.rawValue)),
            ("label", .string(metric.metric.chinese)),
            ("unit", .string(metric.metric.unit.rawValue)),
            ("value", value.isEmpty ? .null : .number(value)),
            ("reported", reported.map { .number($0.description) } ?? .null),
            ("source_line", source.map { .number(String($0.line)) } ?? .null),
            ("source_page", JSONValue.page(of: source?.line, in: pages)),
            ("source_text", .optionalString(source?.snippet)),
            ("flags", .array(flags.map { .string($0.rawValue) })),
            // Every other statement of the figure, so a reader can see what was not chosen.
            ("other_statements", .array(alternatives.compactMap { $0.jsonStatement(pages: pages) })),
        ])
    }
}

extension Observation {
    /// `{"value": 1.38, "role": "value", "place": "own_section", "line": 485, "page": null, "text": "…"}`;
    /// nil for a percentage (the shares and rates are under `reported`).
    func jsonStatement(pages: PageMap?) -> JSONValue? {
        guard let amount else { return nil }
        return .object([
            ("value", .number(amount.wanYuan(decimals: max(2, min(6, unit == .yuan ? stated.scale + 4 : stated.scale))))),
            ("role", .string(role.rawValue)),
            ("place", .string(place.rawValue)),
            ("line", .number(String(line))),
            ("page", JSONValue.page(of: line, in: pages)),
            ("text", .string(snippet)),
        ])
    }
}

extension JSONValue {
    /// A string, or `null` when there is none.
    static func optionalString(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// The page of `line` as a number, or `null` when there is no line or the input has no pages.
    static func page(of line: Int?, in pages: PageMap?) -> JSONValue {
        guard let line, let pages else { return .null }
        return .number(String(pages.page(ofLine: line)))
    }
}
