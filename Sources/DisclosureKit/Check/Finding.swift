/// How much a finding matters to someone about to compare figures.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A stated figure lies outside the interval its inputs allow, after rounding.
    case error
    /// Conflicting statements, or content the report promises but does not contain.
    case warning
    /// Worth knowing, not wrong: a share that holds only within rounding, a summed total.
    case info

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The position in the order error, warning, info: a switch, not a search of an array of
    /// the cases (findings are sorted by severity, a comparison or two each).
    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
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
///
/// What it says in words (`stated`, `expected`, the two messages) is kept as the values it is
/// worded from and worded when read (`FindingWording`): `extract` and `compare` count findings
/// and never print them, and wording every finding of every report was a fifth of the checks'
/// cost. Two findings are equal when everything they say is, as when the texts were stored.
public struct Finding: Sendable, Hashable {
    public let severity: Severity
    public let check: CheckKind
    public let metric: MetricID?
    public let lines: [Int]
    let wording: FindingWording

    /// What the report states (`68.90`), empty when the finding is not about one number.
    public var stated: String { wording.stated }
    /// What the other figures allow (`68.849–68.851`).
    public var expected: String { wording.expected }
    public var messageChinese: String { wording.chinese }
    public var messageEnglish: String { wording.english }

    public init(severity: Severity, check: CheckKind, metric: MetricID?, stated: String, expected: String,
                lines: [Int], chinese: String, english: String) {
        self.init(severity: severity, check: check, metric: metric, lines: lines,
                  wording: .text(stated: stated, expected: expected, chinese: chinese, english: english))
    }

    init(severity: Severity, check: CheckKind, metric: MetricID?, lines: [Int], wording: FindingWording) {
        self.severity = severity
        self.check = check
        self.metric = metric
        self.lines = lines
        self.wording = wording
    }

    public func message(english: Bool) -> String { wording.message(english: english) }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.severity == b.severity && a.check == b.check && a.metric == b.metric && a.stated == b.stated
            && a.expected == b.expected && a.lines == b.lines && a.messageChinese == b.messageChinese
            && a.messageEnglish == b.messageEnglish
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(check)
        hasher.combine(metric)
        hasher.combine(stated)
        hasher.combine(expected)
        hasher.combine(lines)
        hasher.combine(messageChinese)
        hasher.combine(messageEnglish)
    }
}
