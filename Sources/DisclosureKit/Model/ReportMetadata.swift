/// Whether a report gives final accounts (决算) or a budget (预算).
public enum ReportKind: String, Sendable, Hashable, Codable, CaseIterable {
    case final
    case budget

    public var chinese: String { self == .final ? "决算" : "预算" }
}

/// Whether a report covers one unit (本级, 单位决算) or a whole department (部门, consolidated).
public enum ReportScope: String, Sendable, Hashable, Codable, CaseIterable {
    case unit
    case department

    public var chinese: String { self == .unit ? "单位" : "部门" }
}

/// What a report says about itself, read from its text (never from its file name).
public struct ReportMetadata: Sendable, Hashable {
    /// The issuing department, e.g. 乙市工业和信息化局; nil when the text never names it.
    public var bureau: String?
    /// The most specific administrative region in the bureau's name: 乙市, 丁区.
    public var region: String?
    /// The year the report covers.
    public var fiscalYear: Int?
    public var kind: ReportKind?
    public var scope: ReportScope?
    /// The unit most amounts are stated in; figures are converted to 万元 either way.
    public var amountUnit: AmountUnit
    /// How many budget units the figures cover (`…编制范围的预算单位共计 4 家`), if stated.
    public var unitCount: Int?

    public init(bureau: String? = nil, region: String? = nil, fiscalYear: Int? = nil,
                kind: ReportKind? = nil, scope: ReportScope? = nil, amountUnit: AmountUnit = .wanYuan) {
        self.bureau = bureau
        self.region = region
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.scope = scope
        self.amountUnit = amountUnit
    }
}
