import DisclosureKit

/// Where one report sits in a comparison: bureau × fiscal year × kind.
///
/// Why a key: a comparison holds at most one report per bureau, year and kind
/// (`甲市工业和信息化局 · 2024 · final`); two files with the same key are duplicates and
/// one of them is chosen (see `Alignment`). Keys order by bureau, then year, then kind
/// (final before budget), which is the order rows appear in files.
public struct ReportKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bureau: BureauIdentity
    public let fiscalYear: Int
    public let kind: ReportKind

    public init(bureau: BureauIdentity, fiscalYear: Int, kind: ReportKind) {
        self.bureau = bureau
        self.fiscalYear = fiscalYear
        self.kind = kind
    }

    /// The key of a report whose text named its bureau, fiscal year and kind; nil otherwise.
    public init?(metadata: ReportMetadata) {
        guard let name = metadata.bureau, let bureau = BureauIdentity(name),
              let year = metadata.fiscalYear, let kind = metadata.kind else { return nil }
        self.init(bureau: bureau, fiscalYear: year, kind: kind)
    }

    /// `甲市工业和信息化局 2024 final`.
    public var description: String { "\(bureau.name) \(fiscalYear) \(kind.rawValue)" }

    public static func < (a: ReportKey, b: ReportKey) -> Bool {
        if a.bureau != b.bureau { return a.bureau < b.bureau }
        if a.fiscalYear != b.fiscalYear { return a.fiscalYear < b.fiscalYear }
        return a.kind.sortIndex < b.kind.sortIndex
    }
}

extension ReportKind {
    /// final before budget: the final accounts are what the tool compares by default.
    var sortIndex: Int { self == .final ? 0 : 1 }
}
