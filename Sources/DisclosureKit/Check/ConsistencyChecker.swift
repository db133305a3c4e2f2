/// Checks a report's figures against each other with the rounding-interval rule.
///
/// Every stated amount stands for ± half a unit of its last decimal; a check fails (error)
/// only when the stated result lies outside the interval its inputs imply:
/// `0.42 + 0.00 + 0.39 = 0.81` against a stated `0.82` holds; a stated project share of
/// `68.90 %` against `875.26 / 1271.25` (68.849 … 68.851 %) fails.
struct ConsistencyChecker: Sendable {
    func check(figures: [Figure], observations: [Observation], kind: ReportKind?) -> [Finding] {
        var byMetric: [MetricID: Figure] = [:]
        for f in figures { byMetric[f.metric] = f }
        var out: [Finding] = []
        out += relations(byMetric)
        out += smeOrder(byMetric)
        out += shares(byMetric, observations: observations)
        out += executionRates(byMetric, observations: observations, kind: kind)
        out += conflicts(figures: byMetric, observations: observations, kind: kind)
        for f in figures where f.flags.contains(.summedFromParts) {
            out.append(Finding(severity: .info, check: .summedFromParts, metric: f.metric, stated: "", expected: f.formattedValue,
                               lines: f.source.map { [$0.line] } ?? [],
                               chinese: "\(f.metric.metric.chinese)未直接列示，取其各项之和 \(f.formattedValue) 万元",
                               english: "\(f.metric.metric.english) is not stated; it is the sum of its stated parts, \(f.formattedValue)"))
        }
        return out
    }

    // MARK: Parts against totals

    private func relations(_ figures: [MetricID: Figure]) -> [Finding] {
        var out: [Finding] = []
        for r in Relation.all {
            guard let total = figures[r.total], !total.flags.contains(.summedFromParts),
                  let t = total.source, let ti = RoundingInterval(t) else { continue }
            var parts: [Observation] = []
            for p in r.parts {
                guard let s = figures[p]?.source, figures[p]?.isDisclosed == true else { break }
                parts.append(s)
            }
            // Every part needs its interval: one at the 64-bit limits has none, and leaving it out
            // of the sum would report a difference that is not there.
            let intervals = parts.compactMap(RoundingInterval.init)
            guard parts.count == r.parts.count, intervals.count == parts.count,
                  let sum = RoundingInterval.sum(intervals) else { continue }
            if !sum.overlaps(ti) {
                let expression = parts.map(\.stated.description).joined(separator: " + ")
                let names = r.parts.map { $0.metric.chinese }.joined(separator: "、")
                out.append(Finding(
                    severity: .error, check: .partsTotal, metric: r.total, stated: t.stated.description,
                    expected: Self.range(sum), lines: [t.line] + parts.map(\.line),
                    chinese: "\(r.total.metric.chinese)为 \(t.stated) 万元，但\(names)之和 \(expression) 在 \(Self.range(sum)) 万元之间",
                    english: "\(r.total.metric.english) is stated as \(t.stated) but its parts \(expression) add up to \(Self.range(sum))"))
            }
        }
        return out
    }

    private func smeOrder(_ figures: [MetricID: Figure]) -> [Finding] {
        let chain: [MetricID] = [.procurementSmallMicro, .procurementSME, .procurementTotal]
        var out: [Finding] = []
        for (a, b) in zip(chain, chain.dropFirst()) {
            guard let fa = figures[a]?.source, let fb = figures[b]?.source,
                  let ia = RoundingInterval(fa), let ib = RoundingInterval(fb) else { continue }
            if ia.lower > ib.upper {
                out.append(Finding(
                    severity: .error, check: .smeOrder, metric: a, stated: fa.stated.description, expected: "≤ \(fb.stated)",
                    lines: [fa.line, fb.line],
                    chinese: "\(a.metric.chinese) \(fa.stated) 万元大于\(b.metric.chinese) \(fb.stated) 万元",
                    english: "\(a.metric.english) \(fa.stated) exceeds \(b.metric.english) \(fb.stated)"))
            }
        }
        return out
    }

    /// A check already reported, by what its finding is about: the statement's metric and
    /// number and the numbers (and denominator) it was checked against. Compared as values,
    /// not as a string of them: building and hashing that string per statement was most of
    /// the checks' cost. Parsed numbers differ exactly when their texts do.
    private struct SeenKey: Hashable {
        let metric: MetricID
        let stated: FixedDecimal
        let first: FixedDecimal
        let second: FixedDecimal?
        let denominator: MetricID?
    }

    // MARK: Stated shares

    /// The default denominator of a share stated beside a metric's amount.
    static func denominator(of metric: MetricID, shareOf: String?) -> MetricID? {
        if let s = shareOf {
            // Plain text (a label, nearly always) is searched by its bytes, which for plain
            // scalars finds what Foundation's `contains` finds (see `PlainScalar`) without
            // folding character clusters; anything else goes Foundation's way.
            let contains: (String) -> Bool = PlainScalar.isPlain(s.unicodeScalars) ? { s.utf8Contains($0) } : { s.contains($0) }
            if contains("货物") || contains("工程") || contains("服务") { return nil }
            if contains("中小企业") { return .procurementSME }
            if contains("三公") { return .sangongTotal }
            if contains("采购") { return .procurementTotal }
            if contains("支出") { return .totalExpenditure }
        }
        switch metric {
        case .basicExpenditure, .projectExpenditure: return .totalExpenditure
        case .sangongOutbound, .sangongVehicle, .sangongReception: return .sangongTotal
        case .sangongVehiclePurchase, .sangongVehicleOperation: return .sangongVehicle
        case .procurementSME, .procurementSmallMicro: return .procurementTotal
        case .procurementGoods, .procurementWorks, .procurementServices: return .procurementTotal
        default: return nil
        }
    }

    /// Other denominators a stated share may have been computed against by mistake.
    static let alternativeDenominators: [MetricID: [MetricID]] = [
        .procurementSmallMicro: [.procurementSME, .procurementTotal],
        .procurementSME: [.procurementTotal],
        .basicExpenditure: [.totalExpenditure],
        .projectExpenditure: [.totalExpenditure],
    ]

    private func shares(_ figures: [MetricID: Figure], observations: [Observation]) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<SeenKey> = []
        // Only the metrics of the shares are looked up: the index holds just those.
        guard let asked = SentenceIndex.metrics(of: observations, where: { $0.role == .share }) else { return [] }
        let values = SentenceIndex(observations, role: .value, metrics: asked)
        for s in observations where s.role == .share {
            guard let denominatorID = Self.denominator(of: s.metric, shareOf: s.shareOf),
                  let whole = figures[denominatorID]?.source, let wi = RoundingInterval(whole) else { continue }
            // The amount the share is stated beside: same sentence, same metric.
            // Only shares of the figure itself: `基本支出 394.99 万元，占 31.10%` stated of the
            // appropriations alone (another total) is not a share of the chosen 395.99.
            guard let part = values.last(sentence: s.sentence, metric: s.metric, atOrBefore: s.line),
                  let pi = RoundingInterval(part), part.amount == figures[s.metric]?.source?.amount else { continue }
            let key = SeenKey(metric: s.metric, stated: s.stated, first: part.stated, second: nil, denominator: denominatorID)
            guard seen.insert(key).inserted else { continue }
            let denominatorName = s.shareOf ?? denominatorID.metric.chinese
            if RoundingInterval.shareHolds(stated: s.stated, part: pi, whole: wi) {
                if let info = roundingInfo(s, part: pi, whole: wi, of: denominatorName) { out.append(info) }
                continue
            }
            let interval = Self.shareRange(part: pi, whole: wi)
            var fitsZH = ""
            var fitsEN = ""
            for alt in Self.alternativeDenominators[s.metric] ?? [] where alt != denominatorID {
                guard let aw = figures[alt]?.source, let ai = RoundingInterval(aw),
                      RoundingInterval.shareHolds(stated: s.stated, part: pi, whole: ai) else { continue }
                let computed = Ratio.percentFen(part.amount?.fen ?? 0, of: aw.amount?.fen ?? 0)?.formatted(decimals: 2) ?? ""
                fitsZH = "；该比例与\(alt.metric.chinese) \(aw.stated) 万元相符（\(computed)%）"
                fitsEN = "; it fits \(alt.metric.english) \(aw.stated) instead (\(computed)%)"
                break
            }
            let computed = Ratio.percentFen(part.amount?.fen ?? 0, of: whole.amount?.fen ?? 0)?.formatted(decimals: 2) ?? ""
            out.append(Finding(
                severity: .error, check: .statedShare, metric: Self.shareMetric(s.metric, denominatorID), stated: s.stated.description, expected: interval,
                lines: Array(Set([s.line, part.line, whole.line])).sorted(),
                chinese: "\(s.metric.metric.chinese) \(part.stated) 万元称占\(denominatorName)的 \(s.stated)%，按 \(whole.stated) 万元计算为 \(computed)%（\(interval)%）\(fitsZH)",
                english: "\(s.metric.metric.english) \(part.stated) is stated as \(s.stated)% of \(denominatorID.metric.english) \(whole.stated); computed \(computed)% (\(interval)%)\(fitsEN)"))
        }
        return out
    }

    /// The catalog's share metric for a share of `metric` in `denominator`, else `metric`.
    static func shareMetric(_ metric: MetricID, _ denominator: MetricID) -> MetricID {
        switch (metric, denominator) {
        case (.projectExpenditure, .totalExpenditure): return .projectShare
        case (.procurementSME, .procurementTotal): return .procurementSMEShare
        default: return metric
        }
    }

    /// An info finding when a stated share holds only within rounding (98.69 vs 98.70).
    private func roundingInfo(_ s: Observation, part: RoundingInterval, whole: RoundingInterval, of name: String) -> Finding? {
        // Midpoints as lower + half the width: `lower + upper` passes Int64.max for an amount
        // near the limit (a share stated beside 9 × 10¹² 万元 trapped here).
        let mid = Ratio.percentFen(part.lower + (part.upper - part.lower) / 2, of: whole.lower + (whole.upper - whole.lower) / 2)
        guard let computed = mid?.formatted(decimals: s.stated.scale), let c = FixedDecimal(computed),
              c.scaled(to: s.stated.scale) != s.stated.mantissa else { return nil }
        let denominator = Self.denominator(of: s.metric, shareOf: s.shareOf) ?? s.metric
        return Finding(
            severity: .info, check: .statedShare, metric: Self.shareMetric(s.metric, denominator), stated: s.stated.description,
            expected: Self.shareRange(part: part, whole: whole), lines: [s.line],
            chinese: "\(s.metric.metric.chinese)占\(name)的比例称 \(s.stated)%，计算为 \(computed)%，在舍入误差范围内",
            english: "\(s.metric.metric.english) stated as \(s.stated)% of \(name); computed \(computed)%, within rounding")
    }

    // MARK: Execution rates

    private func executionRates(_ figures: [MetricID: Figure], observations: [Observation], kind: ReportKind?) -> [Finding] {
        guard kind != .budget else { return [] }
        var out: [Finding] = []
        var seen: Set<SeenKey> = []
        let isRate = { (o: Observation) in o.role == .execution && o.metric.metric.family == .sangong }
        guard let asked = SentenceIndex.metrics(of: observations, where: isRate) else { return [] }
        let values = SentenceIndex(observations, role: .value, metrics: asked)
        let budgets = SentenceIndex(observations, role: .budget, metrics: asked)
        for e in observations where isRate(e) {
            guard let value = values.last(sentence: e.sentence, metric: e.metric, atOrBefore: e.line),
                  let budget = budgets.last(sentence: e.sentence, metric: e.metric, atOrBefore: e.line),
                  let vi = RoundingInterval(value), let bi = RoundingInterval(budget) else { continue }
            let key = SeenKey(metric: e.metric, stated: e.stated, first: value.stated, second: budget.stated, denominator: nil)
            guard seen.insert(key).inserted else { continue }
            // 0 of 0 (完成预算的 0%) states nothing checkable.
            if bi.upper <= 0 { continue }
            if RoundingInterval.shareHolds(stated: e.stated, part: vi, whole: bi) { continue }
            let interval = Self.shareRange(part: vi, whole: bi)
            out.append(Finding(
                severity: .error, check: .executionRate, metric: e.metric == .sangongTotal ? .sangongExecution : e.metric,
                stated: e.stated.description, expected: interval, lines: [e.line],
                chinese: "\(e.metric.metric.chinese)完成预算的 \(e.stated)%，按支出 \(value.stated) 万元、预算 \(budget.stated) 万元计算应在 \(interval)% 之间",
                english: "\(e.metric.metric.english) execution stated as \(e.stated)%; \(value.stated) of \(budget.stated) gives \(interval)%"))
        }
        return out
    }

    // MARK: Conflicting statements

    private func conflicts(figures: [MetricID: Figure], observations: [Observation], kind: ReportKind?) -> [Finding] {
        var out: [Finding] = []
        // Each metric's candidate statements in order, found once, as positions by
        // `catalogIndex`: filtering all of them per metric copied every statement for every
        // metric, and copies into a dictionary of arrays retained each statement's strings.
        var byMetric = Array(repeating: [Int](), count: MetricID.allCases.count)
        for (index, o) in observations.enumerated()
        where o.part == nil && o.amount != nil && (o.place == .ownSection || o.place == .table)
            && (o.role == .value || (o.role == .budget && kind == .budget)) {
            byMetric[o.metric.catalogIndex].append(index)
        }
        for m in MetricID.allCases where m.metric.origin == .reported {
            var distinct: [Observation] = []
            var intervals: [RoundingInterval] = []
            for index in byMetric[m.catalogIndex] {
                guard let oi = RoundingInterval(observations[index]) else { continue }
                let o = observations[index]
                if !intervals.contains(where: { $0.overlaps(oi) }) {
                    distinct.append(o)
                    intervals.append(oi)
                    // A finding lists the values; past this many, the list says enough (and
                    // comparing each statement with every distinct value would be quadratic).
                    if distinct.count >= Self.maxConflictingValues { break }
                }
            }
            guard distinct.count > 1 else { continue }
            let chosen = figures[m]?.source
            let list = distinct.map { "\($0.stated)（第\($0.line)行）" }.joined(separator: "、")
            let listEN = distinct.map { "\($0.stated) (line \($0.line))" }.joined(separator: ", ")
            out.append(Finding(
                severity: .warning, check: .conflictingStatements, metric: m,
                stated: distinct.map(\.stated.description).joined(separator: " / "),
                expected: chosen?.stated.description ?? "", lines: distinct.map(\.line),
                chinese: "\(m.metric.chinese)前后表述不一：\(list)；采用 \(chosen?.stated.description ?? "—")（与合计一致）",
                english: "\(m.metric.english) is stated differently: \(listEN); \(chosen?.stated.description ?? "—") is used (consistent with the totals)"))
        }
        return out
    }

    /// The most distinct values a `conflicting_statements` finding lists.
    static let maxConflictingValues = 50

    // MARK: Formatting

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

/// The statements of one role by sentence and metric: "the amount stated in the same sentence,
/// at or before this line" in O(log n) instead of a scan of every statement.
///
/// Groups hold positions in the statements, not copies: copying a statement retained its
/// strings, and indexing every value of a report that way was most of the checks' cost.
struct SentenceIndex {
    struct Key: Hashable {
        let sentence: Int
        let metric: MetricID
    }

    private let observations: [Observation]
    /// Each group in the order of the statements.
    private var groups: [Key: [Int]] = [:]
    /// Groups whose lines decrease somewhere (never so for `ReportExtractor`'s statements,
    /// which are sorted by line): searched linearly.
    private var unsorted: Set<Key> = []

    /// The index of the statements of `role`; with `metrics`, only of the metrics it holds
    /// (by `catalogIndex`), the only ones `last` may then be asked about.
    init(_ observations: [Observation], role: Observation.Role, metrics: [Bool]? = nil) {
        self.observations = observations
        for (n, o) in observations.enumerated() where o.role == role {
            if let metrics, !metrics[o.metric.catalogIndex] { continue }
            let key = Key(sentence: o.sentence, metric: o.metric)
            if let last = groups[key]?.last, observations[last].line > o.line { unsorted.insert(key) }
            groups[key, default: []].append(n)
        }
    }

    /// The last statement (in the given order) of `metric` in `sentence` on or before `line`.
    func last(sentence: Int, metric: MetricID, atOrBefore line: Int) -> Observation? {
        let key = Key(sentence: sentence, metric: metric)
        guard let list = groups[key] else { return nil }
        guard !unsorted.contains(key) else { return list.last { observations[$0].line <= line }.map { observations[$0] } }
        // The first index whose line is after `line`; the one before it is the answer.
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if observations[list[mid]].line <= line { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? observations[list[lo - 1]] : nil
    }

    /// The `metrics` argument for the metrics of the statements that pass `isAsked`, or nil
    /// when none does (then nothing will be asked).
    static func metrics(of observations: [Observation], where isAsked: (Observation) -> Bool) -> [Bool]? {
        var metrics: [Bool]?
        for o in observations where isAsked(o) {
            if metrics == nil { metrics = Array(repeating: false, count: MetricID.allCases.count) }
            metrics?[o.metric.catalogIndex] = true
        }
        return metrics
    }
}
