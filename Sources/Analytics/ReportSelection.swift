import DisclosureKit

/// Which aligned reports a comparison ranks: `--kind` and `--year`.
///
/// The default — final accounts, no year — takes each bureau's *latest* final accounts
/// (the highest fiscal year it has), so a bureau that last published for 2020 is still
/// compared. With a year, every bureau's report of that year is taken, and bureaus without
/// one are left out. `kinds: .all` applies the same rule to each kind separately, so a
/// bureau can appear twice: once with its latest final accounts, once with its latest budget.
public struct ReportSelection: Sendable, Hashable {
    /// `--kind final|budget|all`.
    public enum Kinds: String, Sendable, Hashable, CaseIterable {
        case final, budget, all

        /// The report kinds this choice admits.
        public var admitted: [ReportKind] {
            switch self {
            case .final: return [.final]
            case .budget: return [.budget]
            case .all: return [.final, .budget]
            }
        }
    }

    /// Only this fiscal year; nil takes each bureau's latest year per kind.
    public var year: Int?
    public var kinds: Kinds

    public init(year: Int? = nil, kinds: Kinds = .final) {
        self.year = year
        self.kinds = kinds
    }

    /// The reports chosen from `reports` (one per key, as `Alignment` leaves them), in key order.
    public func apply(to reports: [AlignedReport]) -> [AlignedReport] {
        let admitted = kinds.admitted
        let candidates = reports.filter { admitted.contains($0.kind) }
        if let year {
            return candidates.filter { $0.fiscalYear == year }.sorted { $0.key < $1.key }
        }
        var latest: [BureauKind: AlignedReport] = [:]
        for report in candidates {
            let slot = BureauKind(bureau: report.bureau, kind: report.kind)
            if let held = latest[slot], held.fiscalYear >= report.fiscalYear { continue }
            latest[slot] = report
        }
        return latest.values.sorted { $0.key < $1.key }
    }

    /// A bureau and a kind: the slot "latest" is decided in.
    struct BureauKind: Hashable {
        let bureau: BureauIdentity
        let kind: ReportKind
    }
}
