/// Something the alignment had to decide or leave out, for the user to know about.
///
/// - `duplicate`: two files are the same bureau, year and kind
///   (`甲市工业和信息化局 2024 final: a/city-a.txt and b/city-a.txt`); one was chosen.
/// - `unaligned`: a report whose text never named its bureau, fiscal year or kind cannot be
///   placed in a row, so it is read (its figures go to metrics.csv) but not compared.
///
/// Warnings are values, not printed lines: the command layer writes them to stderr and into
/// comparison.json, in the user's language.
public enum AlignmentWarning: Sendable, Hashable {
    /// A fact a report's text did not give.
    public enum MissingFact: String, Sendable, Hashable, CaseIterable {
        case bureau, fiscalYear = "fiscal_year", kind
    }

    case duplicate(key: ReportKey, chosen: String, ignored: [String])
    case unaligned(path: String, missing: [MissingFact])

    /// A stable code for machine readers: `duplicate_report`, `not_aligned`.
    public var code: String {
        switch self {
        case .duplicate: return "duplicate_report"
        case .unaligned: return "not_aligned"
        }
    }

    /// One line, without the tool's name: what happened and what was done about it.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.duplicate(let key, let chosen, let ignored), .zh):
            return "\(key.bureau.name) \(key.fiscalYear) 年\(key.kind.chinese)有 \(ignored.count + 1) 份报告：采用 \(chosen)，忽略 \(ignored.joined(separator: "、"))（取披露数字最多者，相同时取路径排序在前者）"
        case (.duplicate(let key, let chosen, let ignored), .en):
            return "\(ignored.count + 1) reports for \(key): using \(chosen), ignoring \(ignored.joined(separator: ", ")) (the one disclosing most figures; on a tie, the first path)"
        case (.unaligned(let path, let missing), .zh):
            let names = missing.map { fact -> String in
                switch fact {
                case .bureau: return "部门名称"
                case .fiscalYear: return "年度"
                case .kind: return "报告类型（决算/预算）"
                }
            }
            return "\(path)：正文未给出\(names.joined(separator: "、"))，不参与比较"
        case (.unaligned(let path, let missing), .en):
            return "\(path): the text does not give its \(missing.map { $0.rawValue.replacing("_", with: " ") }.joined(separator: ", ")); not compared"
        }
    }
}
