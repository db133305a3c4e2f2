/// What a finding says — its `stated` and `expected` columns and its Chinese and English
/// messages — as the values they are worded from; each text is built when it is read.
///
/// Why not the texts: `extract` and `compare` count a report's findings and print none of them,
/// and building the four strings of every finding (a dozen interpolations and joins each) cost
/// more than the checks that found them.
enum FindingWording: Sendable {
    /// Texts given whole (the contents check, tests).
    case text(stated: String, expected: String, chinese: String, english: String)
    /// A total outside the interval of its parts' sum: `三公 3.81`, parts `0 + 2.5 + 1.28`.
    case partsTotal(Relation, total: FixedDecimal, parts: [FixedDecimal], sum: RoundingInterval)
    /// An amount above the one that should contain it: small-and-micro awards above SME awards.
    case smeOrder(MetricID, FixedDecimal, exceeds: MetricID, FixedDecimal)
    /// A stated share outside the interval its amounts imply.
    case statedShare(StatedShare)
    /// A stated share that holds only within rounding (98.69 against a computed 98.70).
    case roundedShare(metric: MetricID, stated: FixedDecimal, of: String, computed: String,
                      part: RoundingInterval, whole: RoundingInterval)
    /// A stated execution rate outside the interval of value / budget.
    case executionRate(metric: MetricID, stated: FixedDecimal, value: FixedDecimal, budget: FixedDecimal,
                       valueInterval: RoundingInterval, budgetInterval: RoundingInterval)
    /// One figure stated with different values (at most `ConsistencyChecker.maxConflictingValues`).
    case conflicting(MetricID, values: [FixedDecimal], lines: [Int], chosen: FixedDecimal?)
    /// A total not stated, summed from its parts.
    case summed(MetricID, FigureValue?)

    /// The values of a failed share check.
    struct StatedShare: Sendable {
        let metric: MetricID
        let denominator: MetricID
        /// The denominator as the report names it (`政府采购支出总额`), if it does.
        let shareOf: String?
        let stated: FixedDecimal
        let part: FixedDecimal
        let partFen: Int64
        let whole: FixedDecimal
        let wholeFen: Int64
        let partInterval: RoundingInterval
        let wholeInterval: RoundingInterval
        /// Another denominator the share fits, with its stated amount and its amount in 分.
        let fit: (metric: MetricID, stated: FixedDecimal, fen: Int64)?
    }

    /// What the report states (`68.90`), empty when the finding is not about one number.
    var stated: String {
        switch self {
        case .text(let stated, _, _, _): stated
        case .partsTotal(_, let total, _, _): total.description
        case .smeOrder(_, let a, _, _): a.description
        case .statedShare(let s): s.stated.description
        case .roundedShare(_, let stated, _, _, _, _): stated.description
        case .executionRate(_, let stated, _, _, _, _): stated.description
        case .conflicting(_, let values, _, _): values.map(\.description).joined(separator: " / ")
        case .summed: ""
        }
    }

    /// What the other figures allow (`68.849–68.851`).
    var expected: String {
        switch self {
        case .text(_, let expected, _, _): expected
        case .partsTotal(_, _, _, let sum): Self.range(sum)
        case .smeOrder(_, _, _, let b): "≤ \(b)"
        case .statedShare(let s): Self.shareRange(part: s.partInterval, whole: s.wholeInterval)
        case .roundedShare(_, _, _, _, let part, let whole): Self.shareRange(part: part, whole: whole)
        case .executionRate(_, _, _, _, let value, let budget): Self.shareRange(part: value, whole: budget)
        case .conflicting(_, _, _, let chosen): chosen?.description ?? ""
        case .summed(let metric, let value): Self.formatted(value, of: metric)
        }
    }

    var chinese: String { message(english: false) }
    var english: String { message(english: true) }

    /// The message in one language; each finding's two wordings side by side.
    func message(english: Bool) -> String {
        switch self {
        case .text(_, _, let chinese, let englishText):
            return english ? englishText : chinese
        case .partsTotal(let r, let total, let parts, let sum):
            if english {
                return "\(r.total.metric.english) is stated as \(total) but its parts \(Self.expression(parts)) add up to \(Self.range(sum))"
            }
            let names = r.parts.map { $0.metric.chinese }.joined(separator: "、")
            return "\(r.total.metric.chinese)为 \(total) 万元，但\(names)之和 \(Self.expression(parts)) 在 \(Self.range(sum)) 万元之间"
        case .smeOrder(let a, let sa, let b, let sb):
            return english ? "\(a.metric.english) \(sa) exceeds \(b.metric.english) \(sb)"
                : "\(a.metric.chinese) \(sa) 万元大于\(b.metric.chinese) \(sb) 万元"
        case .statedShare(let s):
            let computed = Self.percent(s.partFen, of: s.wholeFen)
            let interval = Self.shareRange(part: s.partInterval, whole: s.wholeInterval)
            if english {
                let fits = s.fit.map { "; it fits \($0.metric.metric.english) \($0.stated) instead (\(Self.percent(s.partFen, of: $0.fen))%)" } ?? ""
                return "\(s.metric.metric.english) \(s.part) is stated as \(s.stated)% of \(s.denominator.metric.english) \(s.whole); "
                    + "computed \(computed)% (\(interval)%)\(fits)"
            }
            let fits = s.fit.map { "；该比例与\($0.metric.metric.chinese) \($0.stated) 万元相符（\(Self.percent(s.partFen, of: $0.fen))%）" } ?? ""
            return "\(s.metric.metric.chinese) \(s.part) 万元称占\(s.shareOf ?? s.denominator.metric.chinese)的 \(s.stated)%，"
                + "按 \(s.whole) 万元计算为 \(computed)%（\(interval)%）\(fits)"
        case .roundedShare(let metric, let stated, let name, let computed, _, _):
            return english ? "\(metric.metric.english) stated as \(stated)% of \(name); computed \(computed)%, within rounding"
                : "\(metric.metric.chinese)占\(name)的比例称 \(stated)%，计算为 \(computed)%，在舍入误差范围内"
        case .executionRate(let metric, let stated, let value, let budget, let vi, let bi):
            let interval = Self.shareRange(part: vi, whole: bi)
            return english ? "\(metric.metric.english) execution stated as \(stated)%; \(value) of \(budget) gives \(interval)%"
                : "\(metric.metric.chinese)完成预算的 \(stated)%，按支出 \(value) 万元、预算 \(budget) 万元计算应在 \(interval)% 之间"
        case .conflicting(let metric, let values, let lines, let chosen):
            let used = chosen?.description ?? "—"
            if english {
                let list = zip(values, lines).map { "\($0) (line \($1))" }.joined(separator: ", ")
                return "\(metric.metric.english) is stated differently: \(list); \(used) is used (consistent with the totals)"
            }
            let list = zip(values, lines).map { "\($0)（第\($1)行）" }.joined(separator: "、")
            return "\(metric.metric.chinese)前后表述不一：\(list)；采用 \(used)（与合计一致）"
        case .summed(let metric, let value):
            let sum = Self.formatted(value, of: metric)
            return english ? "\(metric.metric.english) is not stated; it is the sum of its stated parts, \(sum)"
                : "\(metric.metric.chinese)未直接列示，取其各项之和 \(sum) 万元"
        }
    }

    // MARK: Formatting

    /// `0 + 2.5 + 1.28`.
    static func expression(_ parts: [FixedDecimal]) -> String {
        parts.map(\.description).joined(separator: " + ")
    }

    /// `part / whole × 100` in 分 with two decimals; empty when it has no value.
    static func percent(_ part: Int64, of whole: Int64) -> String {
        Ratio.percentFen(part, of: whole)?.formatted(decimals: 2) ?? ""
    }

    /// A figure's value as its CSV prints it (`Figure.formattedValue`).
    static func formatted(_ value: FigureValue?, of metric: MetricID) -> String {
        value?.formatted(decimals: metric.metric.decimals) ?? ""
    }

    /// `0.815–0.825` in 万元, one decimal more than the usual two.
    static func range(_ i: RoundingInterval) -> String {
        "\(Amount(fen: i.lower).wanYuan(decimals: 3))–\(Amount(fen: i.upper).wanYuan(decimals: 3))"
    }

    /// `68.849–68.851`: the share interval, both bounds truncated to three decimals (as
    /// METRICS.md writes 875.26 / 1271.25 → 68.849 … 68.851; the check itself is exact).
    static func shareRange(part: RoundingInterval, whole: RoundingInterval) -> String {
        let low = Ratio.percentFen(max(part.lower, 0), of: whole.upper)?.formatted(decimals: 3, roundingUp: false) ?? ""
        let high = whole.lower > 0 ? (Ratio.percentFen(part.upper, of: whole.lower)?.formatted(decimals: 3, roundingUp: false) ?? "") : "∞"
        return "\(low)–\(high)"
    }
}
