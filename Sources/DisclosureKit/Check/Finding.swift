/// How much a finding matters to someone about to compare figures.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A stated figure lies outside the interval its inputs allow, after rounding.
    case error
    /// Conflicting statements, or content the report promises but does not contain.
    case warning
    /// Worth knowing, not wrong: a share that holds only within rounding, a summed total.
    case info

    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.error, .warning, .info]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// Which consistency rule a finding comes from.
public enum CheckKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Parts add up to their total (`三公 = 出国 + 用车 + 接待`).
    case partsTotal = "parts_total"
    /// 授予小微企业 ≤ 授予中小企业 ≤ 政府采购支出总额.
    case smeOrder = "sme_order"
    /// A stated share equals the share computed from the amounts.
    case statedShare = "stated_share"
    /// A stated budget execution rate (完成预算的 X%) equals the computed one.
    case executionRate = "execution_rate"
    /// One figure stated with different values in two places.
    case conflictingStatements = "conflicting_statements"
    /// The table of contents promises sections or tables the text does not contain.
    case contents
    /// A total that is not stated was summed from its parts.
    case summedFromParts = "summed_from_parts"
}

/// One thing the audit says about a report, traceable to its lines.
public struct Finding: Sendable, Hashable {
    public let severity: Severity
    public let check: CheckKind
    public let metric: MetricID?
    /// What the report states (`68.90`), empty when the finding is not about one number.
    public let stated: String
    /// What the other figures allow (`68.849–68.851`).
    public let expected: String
    public let lines: [Int]
    public let messageChinese: String
    public let messageEnglish: String

    public init(severity: Severity, check: CheckKind, metric: MetricID?, stated: String, expected: String,
                lines: [Int], chinese: String, english: String) {
        self.severity = severity
        self.check = check
        self.metric = metric
        self.stated = stated
        self.expected = expected
        self.lines = lines
        self.messageChinese = chinese
        self.messageEnglish = english
    }

    public func message(english: Bool) -> String { english ? messageEnglish : messageChinese }
}
