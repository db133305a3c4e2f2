/// Checks a report's figures against each other with the rounding-interval rule.
///
/// Every stated amount stands for ± half a unit of its last decimal; a check fails (error)
/// only when the stated result lies outside the interval its inputs imply:
/// `0.42 + 0.00 + 0.39 = 0.81` against a stated `0.82` holds; a stated project share of
/// `68.90 %` against `875.26 / 1271.25` (68.849 … 68.851 %) fails.
struct ConsistencyChecker: Sendable {
    /// Whether each metric (by `catalogIndex`) is of the 三公 family, read once from the catalog.
    static let isSangong = MetricID.allCases.map { $0.metric.family == .sangong }

    /// What the checks read of a figure's source statement.
    struct Source {
        let stated: FixedDecimal
        let line: Int
        let amount: Amount?
        let interval: RoundingInterval?
    }

    /// What the checks read of each metric's figure, read once from the figures: every check
    /// looked each figure up in a dictionary and copied its source (retaining its strings).
    struct Chosen {
        var source: Source?
        var disclosed = false
        var summed = false
    }

    /// The checks work on positions in `observations` and on `Chosen`; the index of same-sentence
    /// statements is built once for the share and execution checks.
    func check(figures: [Figure], observations: [Observation], kind: ReportKind?) -> [Finding] {
        var chosen = Array(repeating: Chosen(), count: Resolver.metrics.count)
        for k in figures.indices {
            // The last figure of a metric counts, as the dictionary by metric kept it.
            var c = Chosen(disclosed: figures[k].value != nil, summed: figures[k].flags.contains(.summedFromParts))
            // Field by field: `if let o = figures[k].source` copied the statement.
            if let stated = figures[k].source?.stated, let line = figures[k].source?.line {
                let amount = figures[k].source?.amount
                let interval = RoundingInterval(amount: amount, unit: figures[k].source?.unit, scale: stated.scale)
                c.source = Source(stated: stated, line: line, amount: amount, interval: interval)
            }
            chosen[figures[k].metric.catalogIndex] = c
        }
        var out: [Finding] = []
        relations(chosen, into: &out)
        smeOrder(chosen, into: &out)
        // The metrics whose value (and budget) statements the share and execution checks look up.
        var shareMetrics = Array(repeating: false, count: Resolver.metrics.count)
        var rateMetrics = shareMetrics
        var asked = false
        for p in observations.indices {
            let m = observations[p].metric.catalogIndex
            switch observations[p].role {
            case .share:
                shareMetrics[m] = true
                asked = true
            case .execution where kind != .budget && Self.isSangong[m]:
                rateMetrics[m] = true
                asked = true
            default:
                break
            }
        }
        if asked {
            let index = SentenceIndex(observations) { role, metric in
                let m = metric.catalogIndex
                return role == .value ? shareMetrics[m] || rateMetrics[m] : role == .budget && rateMetrics[m]
            }
            shares(chosen, observations: observations, index: index, into: &out)
            if kind != .budget { executionRates(observations: observations, index: index, into: &out) }
        }
        conflicts(chosen, observations: observations, kind: kind, into: &out)
        for k in figures.indices where figures[k].flags.contains(.summedFromParts) {
            let metric = figures[k].metric
            out.append(Finding(severity: .info, check: .summedFromParts, metric: metric, lines: figures[k].source.map { [$0.line] } ?? [],
                               wording: .summed(metric, figures[k].value)))
        }
        return out
    }

    // MARK: Parts against totals

    private func relations(_ chosen: [Chosen], into out: inout [Finding]) {
        for r in Relation.all {
            let total = chosen[r.total.catalogIndex]
            guard !total.summed, let t = total.source, let ti = t.interval else { continue }
            // Every part needs its interval: one at the 64-bit limits has none, and leaving it out
            // of the sum would report a difference that is not there.
            guard r.parts.allSatisfy({ chosen[$0.catalogIndex].disclosed && chosen[$0.catalogIndex].source?.interval != nil }),
                  let sum = RoundingInterval.sum(r.parts.lazy.compactMap { chosen[$0.catalogIndex].source?.interval }),
                  !sum.overlaps(ti) else { continue }
            let parts = r.parts.compactMap { chosen[$0.catalogIndex].source }
            out.append(Finding(severity: .error, check: .partsTotal, metric: r.total, lines: [t.line] + parts.map(\.line),
                               wording: .partsTotal(r, total: t.stated, parts: parts.map(\.stated), sum: sum)))
        }
    }

    private func smeOrder(_ chosen: [Chosen], into out: inout [Finding]) {
        let chain: [MetricID] = [.procurementSmallMicro, .procurementSME, .procurementTotal]
        for (a, b) in zip(chain, chain.dropFirst()) {
            guard let fa = chosen[a.catalogIndex].source, let fb = chosen[b.catalogIndex].source,
                  let ia = fa.interval, let ib = fb.interval, ia.lower > ib.upper else { continue }
            out.append(Finding(severity: .error, check: .smeOrder, metric: a, lines: [fa.line, fb.line],
                               wording: .smeOrder(a, fa.stated, exceeds: b, fb.stated)))
        }
    }

    /// A check already reported, by what its finding is about: the statement's metric and
    /// number and the numbers (and denominator) it was checked against. Compared as values,
    /// not as a string of them: building and hashing that string per statement was most of
    /// the checks' cost. Parsed numbers differ exactly when their texts do.
    struct SeenKey: Hashable {
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
            let contains = Resolver.finder(in: s)
            if contains(.goods) || contains(.works) || contains(.services) { return nil }
            if contains(.sme) { return .procurementSME }
            if contains(.sangong) { return .sangongTotal }
            if contains(.procurement) { return .procurementTotal }
            if contains(.expenditure) { return .totalExpenditure }
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

    /// Other denominators a stated share may have been computed against by mistake. A switch,
    /// not a dictionary: building the dictionary was a third of a one-report run's checks.
    static func alternativeDenominators(of metric: MetricID) -> [MetricID] {
        switch metric {
        case .procurementSmallMicro: [.procurementSME, .procurementTotal]
        case .procurementSME: [.procurementTotal]
        case .basicExpenditure, .projectExpenditure: [.totalExpenditure]
        default: []
        }
    }

    private func shares(_ chosen: [Chosen], observations: [Observation], index: SentenceIndex, into out: inout [Finding]) {
        var seen = SmallSet<SeenKey>()
        for p in observations.indices where observations[p].role == .share {
            let metric = observations[p].metric
            guard let denominatorID = Self.denominator(of: metric, shareOf: observations[p].shareOf),
                  let whole = chosen[denominatorID.catalogIndex].source, let wi = whole.interval else { continue }
            // The amount the share is stated beside: same sentence, same metric.
            // Only shares of the figure itself: `基本支出 394.99 万元，占 31.10%` stated of the
            // appropriations alone (another total) is not a share of the chosen 395.99.
            let line = observations[p].line
            guard let q = index.last(.value, of: metric, sentence: observations[p].sentence, atOrBefore: line),
                  let pi = RoundingInterval(observations, at: q),
                  observations[q].amount == chosen[metric.catalogIndex].source?.amount else { continue }
            let stated = observations[p].stated
            let part = observations[q].stated
            guard seen.insert(SeenKey(metric: metric, stated: stated, first: part, second: nil, denominator: denominatorID)) else { continue }
            if RoundingInterval.shareHolds(stated: stated, part: pi, whole: wi) {
                if let info = roundingInfo(observations[p], denominator: denominatorID, part: pi, whole: wi) { out.append(info) }
                continue
            }
            var fit: (metric: MetricID, stated: FixedDecimal, fen: Int64)?
            for alt in Self.alternativeDenominators(of: metric) where alt != denominatorID {
                guard let aw = chosen[alt.catalogIndex].source, let ai = aw.interval,
                      RoundingInterval.shareHolds(stated: stated, part: pi, whole: ai) else { continue }
                fit = (alt, aw.stated, aw.amount?.fen ?? 0)
                break
            }
            let share = FindingWording.StatedShare(
                metric: metric, denominator: denominatorID, shareOf: observations[p].shareOf, stated: stated,
                part: part, partFen: observations[q].amount?.fen ?? 0, whole: whole.stated, wholeFen: whole.amount?.fen ?? 0,
                partInterval: pi, wholeInterval: wi, fit: fit)
            out.append(Finding(severity: .error, check: .statedShare, metric: Self.shareMetric(metric, denominatorID),
                               lines: Self.sortedDistinct(line, observations[q].line, whole.line), wording: .statedShare(share)))
        }
    }

    /// `Array(Set([a, b, c])).sorted()` without the set.
    static func sortedDistinct(_ a: Int, _ b: Int, _ c: Int) -> [Int] {
        var lines = [a, b, c]
        lines.sort()
        if lines[2] == lines[1] { lines.removeLast() }
        if lines[1] == lines[0] { lines.remove(at: 1) }
        return lines
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
    private func roundingInfo(_ s: borrowing Observation, denominator: MetricID, part: RoundingInterval, whole: RoundingInterval) -> Finding? {
        // Midpoints as lower + half the width: `lower + upper` passes Int64.max for an amount
        // near the limit (a share stated beside 9 × 10¹² 万元 trapped here).
        let mid = Ratio.percentFen(part.lower + (part.upper - part.lower) / 2, of: whole.lower + (whole.upper - whole.lower) / 2)
        guard let computed = mid?.formatted(decimals: s.stated.scale), let c = FixedDecimal(computed),
              c.scaled(to: s.stated.scale) != s.stated.mantissa else { return nil }
        return Finding(
            severity: .info, check: .statedShare, metric: Self.shareMetric(s.metric, denominator), lines: [s.line],
            wording: .roundedShare(metric: s.metric, stated: s.stated, of: s.shareOf ?? denominator.metric.chinese, computed: computed,
                                   part: part, whole: whole))
    }

    // MARK: Execution rates

    private func executionRates(observations: [Observation], index: SentenceIndex, into out: inout [Finding]) {
        var seen = SmallSet<SeenKey>()
        for p in observations.indices where observations[p].role == .execution && Self.isSangong[observations[p].metric.catalogIndex] {
            let metric = observations[p].metric
            let sentence = observations[p].sentence
            let line = observations[p].line
            guard let v = index.last(.value, of: metric, sentence: sentence, atOrBefore: line),
                  let b = index.last(.budget, of: metric, sentence: sentence, atOrBefore: line),
                  let vi = RoundingInterval(observations, at: v), let bi = RoundingInterval(observations, at: b) else { continue }
            let stated = observations[p].stated
            let key = SeenKey(metric: metric, stated: stated, first: observations[v].stated, second: observations[b].stated, denominator: nil)
            guard seen.insert(key) else { continue }
            // 0 of 0 (完成预算的 0%) states nothing checkable.
            if bi.upper <= 0 { continue }
            if RoundingInterval.shareHolds(stated: stated, part: vi, whole: bi) { continue }
            out.append(Finding(
                severity: .error, check: .executionRate, metric: metric == .sangongTotal ? .sangongExecution : metric, lines: [line],
                wording: .executionRate(metric: metric, stated: stated, value: observations[v].stated, budget: observations[b].stated,
                                        valueInterval: vi, budgetInterval: bi)))
        }
    }

    // MARK: Conflicting statements

    private func conflicts(_ chosen: [Chosen], observations: [Observation], kind: ReportKind?, into out: inout [Finding]) {
        // Each metric's candidate statements in order, found once, as positions.
        var lists = PositionChains(lists: Resolver.metrics.count, positions: observations.count)
        for p in observations.indices
        where observations[p].part == nil && observations[p].amount != nil
            && (observations[p].place == .ownSection || observations[p].place == .table)
            && (observations[p].role == .value || (observations[p].role == .budget && kind == .budget)) {
            lists.append(p, to: observations[p].metric.catalogIndex)
        }
        var distinct: [Int] = []
        var intervals: [RoundingInterval] = []
        for (m, metric) in Resolver.metrics.enumerated() where !Resolver.isDerived[m] && !lists.isEmpty(m) {
            distinct.removeAll(keepingCapacity: true)
            intervals.removeAll(keepingCapacity: true)
            for p in lists.positions(m) {
                guard let oi = RoundingInterval(observations, at: p) else { continue }
                if !intervals.contains(where: { $0.overlaps(oi) }) {
                    distinct.append(p)
                    intervals.append(oi)
                    // A finding lists the values; past this many, the list says enough (and
                    // comparing each statement with every distinct value would be quadratic).
                    if distinct.count >= Self.maxConflictingValues { break }
                }
            }
            guard distinct.count > 1 else { continue }
            let lines = distinct.map { observations[$0].line }
            out.append(Finding(severity: .warning, check: .conflictingStatements, metric: metric, lines: lines,
                               wording: .conflicting(metric, values: distinct.map { observations[$0].stated }, lines: lines,
                                                     chosen: chosen[m].source?.stated)))
        }
    }

    /// The most distinct values a `conflicting_statements` finding lists.
    static let maxConflictingValues = 50
}
