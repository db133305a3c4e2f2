import DisclosureKit

/// One extracted report as the comparison receives it: the figures, the path it was read
/// from, and how many budget units its figures cover.
///
/// Why more than `ExtractedReport`: two files may share a file name in different folders, so
/// duplicate warnings name the path; and the number of units (`纳入本部门决算编制范围的预算单位共计 1 家`)
/// tells a reader why a department's budget (4 units) and its own final accounts (1 unit)
/// differ, which DisclosureKit does not extract (see `UnitCountFinder`).
public struct SourceReport: Sendable {
    public let report: ExtractedReport
    /// The path as given on the command line or found in a folder: `Datasets/baotou-2024-final.txt`.
    public let path: String
    /// The budget units the report covers, when its text says; nil otherwise.
    public let unitCount: Int?

    public init(report: ExtractedReport, path: String, unitCount: Int? = nil) {
        self.report = report
        self.path = path
        self.unitCount = unitCount
    }

    /// The file name: `baotou-2024-final.txt`.
    public var document: String { report.document }

    /// How many catalog figures the report discloses; the tie-breaker between duplicates.
    public var disclosedCount: Int { report.figures.filter(\.isDisclosed).count }
}
