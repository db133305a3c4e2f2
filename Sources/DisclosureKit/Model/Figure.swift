/// The value of a figure: an exact amount or an exact ratio (a percentage).
public enum FigureValue: Sendable, Hashable {
    case amount(Amount)
    case percent(Ratio)

    /// Printed with the metric's decimals: amounts in 万元, percentages without the sign.
    public func formatted(decimals: Int) -> String {
        switch self {
        case .amount(let a): return a.wanYuan(decimals: decimals)
        case .percent(let r): return r.formatted(decimals: decimals)
        }
    }
}

/// A remark on how a figure was obtained; printed in the `flags` column.
public enum Flag: String, Sendable, Hashable, Codable, CaseIterable {
    /// The report states the figure with different values; the one consistent with its
    /// totals (or the most trusted statement) was chosen.
    case conflictingStatements = "conflicting_statements"
    /// The figure is not stated; it is the sum of its stated parts.
    case summedFromParts = "summed_from_parts"
    /// The figure was stated in 元 and converted to 万元.
    case convertedFromYuan = "converted_from_yuan"
    /// The figure comes from a table row only.
    case fromTable = "from_table"
    /// The figure comes from outside the section the template reserves for it.
    case outsideSection = "outside_section"
    /// The report states a share or rate that differs from the computed one beyond rounding.
    case statedDiffers = "stated_differs"
}

/// One resolved figure of a report: the value, the stated counterpart and its provenance.
public struct Figure: Sendable, Hashable {
    public let metric: MetricID
    /// nil when the report does not disclose the figure (never 0).
    public let value: FigureValue?
    /// For derived shares and rates: the value the report itself states, if any.
    public let reported: FixedDecimal?
    /// The statement the value was taken from (for derived figures: the numerator's).
    public let source: Observation?
    /// Every other statement of the same metric and role, kept for audit.
    public let alternatives: [Observation]
    public let flags: [Flag]

    public init(metric: MetricID, value: FigureValue?, reported: FixedDecimal? = nil,
                source: Observation? = nil, alternatives: [Observation] = [], flags: [Flag] = []) {
        self.metric = metric
        self.value = value
        self.reported = reported
        self.source = source
        self.alternatives = alternatives
        self.flags = flags
    }

    public var isDisclosed: Bool { value != nil }

    /// The value as printed in CSV: empty when not disclosed.
    public var formattedValue: String {
        value?.formatted(decimals: metric.metric.decimals) ?? ""
    }
}
