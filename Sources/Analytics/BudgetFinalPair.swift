import DisclosureKit

/// A bureau's budget and final accounts of one fiscal year: `甲市工业和信息化局 2024`,
/// `city-a-2024-budget.txt` against `city-a-2024-final.txt`.
///
/// Why a pair type: the two reports may cover different scopes — the budget is the whole
/// department's (4 units), the final accounts only the bureau's own unit (本级, 1 unit) —
/// and every execution rate computed from the pair must carry that caveat.
public struct BudgetFinalPair: Sendable {
    public let budget: AlignedReport
    public let final: AlignedReport

    public init(budget: AlignedReport, final: AlignedReport) {
        self.budget = budget
        self.final = final
    }

    public var bureau: BureauIdentity { final.bureau }
    public var fiscalYear: Int { final.fiscalYear }

    /// Whether the two reports cover different ground: different scopes (部门 against 本级),
    /// or, scopes being equal or unknown, different stated unit counts.
    public var scopesDiffer: Bool {
        if let a = budget.scope, let b = final.scope, a != b { return true }
        if let a = budget.unitCount, let b = final.unitCount, a != b { return true }
        return false
    }

    /// A bureau and a year: where a budget meets its final accounts.
    struct Slot: Hashable {
        let bureau: BureauIdentity
        let fiscalYear: Int
    }
}
