import DisclosureKit

/// What the audit says about one report, in the few numbers a briefing shows:
/// `city-a-2024-final.txt`: 3 findings (1 error, 1 warning, 1 info), completeness 72
/// (23 of 32 items).
///
/// Why a summary: a reader of a briefing needs to know how far a bureau's figures can be
/// trusted and how much of the template it fills, not every finding; `audit` lists those.
public struct AuditSummary: Sendable, Hashable {
    public let errors: Int
    public let warnings: Int
    public let infos: Int
    public let completeness: Completeness

    public init(errors: Int, warnings: Int, infos: Int, completeness: Completeness) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.completeness = completeness
    }

    /// The summary of `report`'s findings and completeness.
    public init(_ report: ExtractedReport) {
        self.init(errors: report.findings.filter { $0.severity == .error }.count,
                  warnings: report.findings.filter { $0.severity == .warning }.count,
                  infos: report.findings.filter { $0.severity == .info }.count,
                  completeness: report.completeness)
    }

    /// Every finding, whatever its severity.
    public var findings: Int { errors + warnings + infos }
}
