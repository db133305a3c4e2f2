/// Turns all observations of a report into one figure per metric.
///
/// 1. Candidates of a metric are ranked by where they stand (own section, table, elsewhere)
///    and by label preference (`机关运行经费` before `公用经费`); the best rank wins.
/// 2. When the best-ranked statements disagree (`公务接待费` 1.27 and 1.38), the values that
///    make the template's relations hold (`三公 = 出国 + 用车 + 接待`) are chosen, and the
///    figure is flagged `conflicting_statements`.
/// 3. A total that is not stated but whose parts all are is their sum (`summed_from_parts`).
/// 4. Derived shares are computed from the amounts; the report's own statement is `reported`.
public struct Resolver: Sendable {
    public init() {}

    /// The most combinations of conflicting values tried when choosing among them.
    static let maxCombinations = 4096

    public func resolve(_ observations: [Observation], kind: ReportKind?) -> [Figure] {
        let amountMetrics = MetricID.allCases.filter { $0.metric.origin == .reported }
        var candidates: [MetricID: [Observation]] = [:]
        var partStatements: [MetricID: [Observation]] = [:]
        for o in observations where o.amount != nil {
            if o.part != nil {
                if o.role == .value { partStatements[o.metric, default: []].append(o) }
                continue
            }
            if o.metric == .sangongTotal, o.role == .budget, kind != .budget {
                candidates[.sangongBudget, default: []].append(o)
            } else if o.role == .value || (o.role == .budget && kind == .budget) {
                candidates[o.metric, default: []].append(o)
            }
        }
        // Best-ranked statements per metric; distinct values among them.
        var chosen: [MetricID: Observation] = [:]
        var options: [MetricID: [Observation]] = [:]
        for m in amountMetrics {
            guard let list = candidates[m], !list.isEmpty else { continue }
            let keys = list.map { Self.rank($0).0 * 100 + Self.rank($0).1 }
            let best = keys.min() ?? 0
            let top = list.filter { Self.rank($0).0 * 100 + Self.rank($0).1 == best }
            var distinct: [Observation] = []
            var seen: Set<Amount?> = []
            for o in top where seen.insert(o.amount).inserted { distinct.append(o) }
            if distinct.count == 1 { chosen[m] = distinct[0] } else { options[m] = distinct }
        }
        // A figure stated only in parts (reserved + other projects) is their sum.
        var summed: Set<MetricID> = []
        for (m, parts) in partStatements where chosen[m] == nil && options[m] == nil {
            var best: [String: Observation] = [:]
            for o in parts {
                guard let key = o.part else { continue }
                if let b = best[key], Self.rank(b).0 * 100 + Self.rank(b).1 <= Self.rank(o).0 * 100 + Self.rank(o).1 { continue }
                best[key] = o
            }
            let ordered = best.keys.sorted().compactMap { best[$0] }
            if let sum = Self.sum(ordered, metric: m) {
                chosen[m] = sum
                summed.insert(m)
            }
        }
        let conflicted = Set(options.keys)
        if !options.isEmpty { chooseConsistent(options, into: &chosen) }
        // Totals from parts, innermost first (vehicle before 三公 total).
        for r in Relation.all where chosen[r.total] == nil {
            let parts = r.parts.compactMap { chosen[$0] }
            guard parts.count == r.parts.count, let sum = Self.sum(parts, metric: r.total) else { continue }
            chosen[r.total] = sum
            summed.insert(r.total)
        }
        var figures: [Figure] = []
        for m in MetricID.allCases {
            if m.metric.origin == .derived {
                figures.append(derive(m, chosen: chosen, observations: observations, kind: kind))
                continue
            }
            guard let o = chosen[m], let amount = o.amount else {
                figures.append(Figure(metric: m, value: nil))
                continue
            }
            var flags: [Flag] = []
            if conflicted.contains(m) { flags.append(.conflictingStatements) }
            if summed.contains(m) { flags.append(.summedFromParts) }
            if o.unit == .yuan { flags.append(.convertedFromYuan) }
            if o.place == .table && !summed.contains(m) { flags.append(.fromTable) }
            if o.place == .elsewhere && !summed.contains(m) { flags.append(.outsideSection) }
            let alternatives = (candidates[m] ?? []).filter { $0 != o }
            figures.append(Figure(metric: m, value: .amount(amount), source: o, alternatives: alternatives, flags: flags))
        }
        return figures
    }

    /// Place first (own section, table, elsewhere), then label preference.
    static func rank(_ o: Observation) -> (Int, Int) {
        let place: Int
        switch o.place {
        case .ownSection: place = 0
        case .table: place = 1
        case .elsewhere: place = 2
        }
        return (place, o.labelRank)
    }

    /// A synthetic statement of `metric` as the sum of `parts`; nil on overflow or no parts.
    static func sum(_ parts: [Observation], metric: MetricID) -> Observation? {
        guard let first = parts.first, let unit = first.unit else { return nil }
        var total = Amount.zero
        for p in parts {
            guard let a = p.amount, let s = total + a else { return nil }
            total = s
        }
        let scale = min(6, parts.map { $0.stated.scale }.max() ?? 2)
        let stated = FixedDecimal(mantissa: total.fen / max(1, unit.fen / pow10(scale)), scale: scale)
        return Observation(
            metric: metric, role: .value, stated: stated, unit: unit, amount: total,
            line: first.line, snippet: parts.map(\.snippet).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: " / "),
            place: first.place, label: parts.map(\.label).joined(separator: "+"))
    }

    static func pow10(_ n: Int) -> Int64 {
        var v: Int64 = 1
        for _ in 0..<min(n, 18) { v *= 10 }
        return v
    }

    /// Tries the combinations of conflicting values; keeps the one under which the most
    /// relations hold, preferring earlier statements on ties.
    private func chooseConsistent(_ options: [MetricID: [Observation]], into chosen: inout [MetricID: Observation]) {
        let metrics = options.keys.sorted()
        var total = 1
        for m in metrics { total = min(Self.maxCombinations, total * (options[m]?.count ?? 1)) }
        var bestScore = -1
        var bestPick: [Int] = Array(repeating: 0, count: metrics.count)
        var pick = Array(repeating: 0, count: metrics.count)
        for _ in 0..<total {
            var trial = chosen
            for (k, m) in metrics.enumerated() { trial[m] = options[m]?[pick[k]] }
            let score = Relation.all.reduce(0) { acc, r in
                guard r.members.contains(where: metrics.contains) else { return acc }
                return acc + (r.holds { trial[$0] } == true ? 1 : 0)
            }
            if score > bestScore {
                bestScore = score
                bestPick = pick
            }
            // Next combination (odometer).
            var k = metrics.count - 1
            while k >= 0 {
                pick[k] += 1
                if pick[k] < (options[metrics[k]]?.count ?? 1) { break }
                pick[k] = 0
                k -= 1
            }
            if k < 0 { break }
        }
        for (k, m) in metrics.enumerated() { chosen[m] = options[m]?[bestPick[k]] }
    }

    private func derive(_ m: MetricID, chosen: [MetricID: Observation], observations: [Observation], kind: ReportKind?) -> Figure {
        let (numerator, denominator): (MetricID, MetricID)
        var reportedRole: Observation.Role?
        var reportedSubject: MetricID?
        switch m {
        case .projectShare:
            (numerator, denominator) = (.projectExpenditure, .totalExpenditure)
            reportedRole = .share
            reportedSubject = .projectExpenditure
        case .procurementSMEShare:
            (numerator, denominator) = (.procurementSME, .procurementTotal)
            reportedRole = .share
            reportedSubject = .procurementSME
        case .sangongExecution:
            if kind == .budget { return Figure(metric: m, value: nil) }
            (numerator, denominator) = (.sangongTotal, .sangongBudget)
            reportedRole = .execution
            reportedSubject = .sangongTotal
        case .sangongIntensity:
            (numerator, denominator) = (.sangongTotal, .totalExpenditure)
        case .adminCostIntensity:
            (numerator, denominator) = (.adminOperatingCost, .totalExpenditure)
        default:
            return Figure(metric: m, value: nil)
        }
        var reported: Observation?
        if let role = reportedRole, let subject = reportedSubject {
            let stated = observations.filter { o in
                o.metric == subject && o.role == role && Self.isOverall(o.shareOf)
            }
            // The statement beside the amount used wins; then the most trusted place, then the first.
            let sentence = chosen[numerator]?.sentence
            func key(_ o: Observation) -> Int {
                (o.sentence == sentence ? 0 : 1_000) + Self.rank(o).0 * 100 + Self.rank(o).1
            }
            reported = stated.min { key($0) < key($1) }
        }
        guard let n = chosen[numerator], let d = chosen[denominator],
              let na = n.amount, let da = d.amount, let ratio = Ratio.percent(na, of: da) else {
            return Figure(metric: m, value: nil, reported: reported?.stated, source: reported)
        }
        var flags: [Flag] = []
        if let r = reported, let ni = RoundingInterval(n), let di = RoundingInterval(d),
           !RoundingInterval.shareHolds(stated: r.stated, part: ni, whole: di) {
            flags.append(.statedDiffers)
        }
        return Figure(metric: m, value: .percent(ratio), reported: reported?.stated, source: n,
                      alternatives: [d] + (reported.map { [$0] } ?? []), flags: flags)
    }

    /// A share of the whole (`占政府采购支出总额的`), not of one category (`占货物支出金额的`).
    static func isOverall(_ shareOf: String?) -> Bool {
        guard let s = shareOf else { return true }
        return !(s.contains("货物") || s.contains("工程") || s.contains("服务") || s.contains("中小企业") || s.contains("“三公”") || s.contains("三公"))
    }
}
