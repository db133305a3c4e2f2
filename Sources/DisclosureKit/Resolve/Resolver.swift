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

    /// The catalog, listed once: `allCases` builds its array each time it is read.
    static let metrics = MetricID.allCases
    /// Whether each metric (by `catalogIndex`) is derived, read once from the catalog.
    static let isDerived = MetricID.allCases.map { $0.metric.origin == .derived }

    /// Works on positions in `observations`: each metric's statements are chains of positions
    /// (`PositionChains`) and the chosen statement of a metric is a position. Copying statements
    /// into dictionaries of arrays retained their strings and was most of the cost; only what a
    /// figure keeps is copied now.
    public func resolve(_ observations: [Observation], kind: ReportKind?) -> [Figure] {
        let metrics = Self.metrics
        let count = metrics.count
        // Lists 0 ..< count: each metric's candidates; count ..< 2 count: its stated parts.
        var lists = PositionChains(lists: 2 * count, positions: observations.count)
        for p in observations.indices where observations[p].amount != nil {
            let metric = observations[p].metric
            let role = observations[p].role
            if observations[p].part != nil {
                if role == .value { lists.append(p, to: count + metric.catalogIndex) }
                continue
            }
            if metric == .sangongTotal, role == .budget, kind != .budget {
                lists.append(p, to: MetricID.sangongBudget.catalogIndex)
            } else if role == .value || (role == .budget && kind == .budget) {
                lists.append(p, to: metric.catalogIndex)
            }
        }
        // The statements: the report's, then the sums made here (appended only when there are any).
        var statements = observations
        // The chosen statement of each metric, by `catalogIndex`: a position in `statements`; -1 for none.
        var chosen = Array(repeating: -1, count: count)
        // Best-ranked statements per metric; distinct values among them (in catalog order).
        var options: [(metric: Int, positions: [Int])] = []
        var conflicted = Array(repeating: false, count: count)
        var distinct: [Int] = []
        for m in 0..<count where !Self.isDerived[m] && !lists.isEmpty(m) {
            var best = Int.max
            for p in lists.positions(m) { best = min(best, Self.rankKey(observations, p)) }
            // One buffer for every metric; a new one only after a conflict took the last.
            distinct.removeAll(keepingCapacity: true)
            var seen = SmallSet<Amount?>()
            for p in lists.positions(m) where Self.rankKey(observations, p) == best && seen.insert(observations[p].amount) {
                distinct.append(p)
            }
            if distinct.count == 1 {
                chosen[m] = distinct[0]
            } else {
                options.append((m, distinct))
                conflicted[m] = true
            }
        }
        // A figure stated only in parts (reserved + other projects) is their sum.
        var summed = Array(repeating: false, count: count)
        for m in 0..<count where chosen[m] < 0 && !conflicted[m] && !lists.isEmpty(count + m) {
            var best: [String: Int] = [:]
            for p in lists.positions(count + m) {
                guard let key = observations[p].part else { continue }
                if let b = best[key], Self.rankKey(observations, b) <= Self.rankKey(observations, p) { continue }
                best[key] = p
            }
            let ordered = best.keys.sorted().compactMap { best[$0].map { observations[$0] } }
            if let sum = Self.sum(ordered, metric: metrics[m]) {
                statements.append(sum)
                chosen[m] = statements.count - 1
                summed[m] = true
            }
        }
        if !options.isEmpty { chooseConsistent(options, statements: statements, into: &chosen) }
        // Totals from parts, innermost first (vehicle before 三公 total).
        for r in Relation.all where chosen[r.total.catalogIndex] < 0 {
            guard r.parts.allSatisfy({ chosen[$0.catalogIndex] >= 0 }),
                  let sum = Self.sum(r.parts.map { statements[chosen[$0.catalogIndex]] }, metric: r.total) else { continue }
            statements.append(sum)
            chosen[r.total.catalogIndex] = statements.count - 1
            summed[r.total.catalogIndex] = true
        }
        var figures: [Figure] = []
        figures.reserveCapacity(count)
        for m in metrics {
            let i = m.catalogIndex
            if Self.isDerived[i] {
                figures.append(derive(m, chosen: chosen, statements: statements, observations: observations.count, kind: kind))
                continue
            }
            guard chosen[i] >= 0, let amount = statements[chosen[i]].amount else {
                figures.append(Figure(metric: m, value: nil))
                continue
            }
            let o = statements[chosen[i]]
            var flags: [Flag] = []
            if conflicted[i] { flags.append(.conflictingStatements) }
            if summed[i] { flags.append(.summedFromParts) }
            if o.unit == .yuan { flags.append(.convertedFromYuan) }
            if o.place == .table && !summed[i] { flags.append(.fromTable) }
            if o.place == .elsewhere && !summed[i] { flags.append(.outsideSection) }
            // Every other candidate, as `filter { $0 != o }` gave: a statement equal to the chosen one is left out too.
            var alternatives: [Observation] = []
            for p in lists.positions(i) where p != chosen[i] && observations[p] != o { alternatives.append(observations[p]) }
            figures.append(Figure(metric: m, value: .amount(amount), source: o, alternatives: alternatives, flags: flags))
        }
        return figures
    }

    /// `rank` as one number, lower first, of the statement at `position`: place × 100 + label
    /// preference (read field by field, without copying the statement).
    static func rankKey(_ observations: [Observation], _ position: Int) -> Int {
        placeRank(observations[position].place) * 100 + observations[position].labelRank
    }

    /// Place first (own section, table, elsewhere), then label preference.
    static func rank(_ o: borrowing Observation) -> (Int, Int) {
        (placeRank(o.place), o.labelRank)
    }

    static func placeRank(_ place: Observation.Place) -> Int {
        switch place {
        case .ownSection: 0
        case .table: 1
        case .elsewhere: 2
        }
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

    /// Tries the combinations of conflicting values (`options`, in catalog order); keeps the one
    /// under which the most relations hold, preferring earlier statements on ties.
    private func chooseConsistent(_ options: [(metric: Int, positions: [Int])], statements: [Observation],
                                  into chosen: inout [Int]) {
        var total = 1
        for o in options { total = min(Self.maxCombinations, total * o.positions.count) }
        // Only the relations with a conflicting member change from one combination to the next.
        let relations = Relation.all.filter { r in r.members.contains { m in options.contains { $0.metric == m.catalogIndex } } }
        var bestScore = -1
        var bestPick: [Int] = Array(repeating: 0, count: options.count)
        var pick = bestPick
        let sizes = options.map { $0.positions.count }
        var trial = chosen
        for _ in 0..<total {
            for (k, o) in options.enumerated() { trial[o.metric] = o.positions[pick[k]] }
            var score = 0
            for r in relations where r.holds(intervals: { trial[$0.catalogIndex] < 0 ? nil : RoundingInterval(statements, at: trial[$0.catalogIndex]) }) == true {
                score += 1
            }
            if score > bestScore {
                bestScore = score
                bestPick = pick
            }
            if !Self.advance(&pick, sizes: sizes) { break }
        }
        for (k, o) in options.enumerated() { chosen[o.metric] = o.positions[bestPick[k]] }
    }

    /// The next combination after `pick` (odometer: the last digit fastest), each digit below its
    /// size; false after the last one.
    static func advance(_ pick: inout [Int], sizes: [Int]) -> Bool {
        var k = pick.count - 1
        while k >= 0 {
            pick[k] += 1
            if pick[k] < sizes[k] { return true }
            pick[k] = 0
            k -= 1
        }
        return false
    }

    /// A derived figure from the chosen positions; the stated share or rate is looked for among
    /// the report's own statements (the first `observations` of `statements`).
    private func derive(_ m: MetricID, chosen: [Int], statements: [Observation], observations: Int, kind: ReportKind?) -> Figure {
        if m == .sangongExecution && kind == .budget { return Figure(metric: m, value: nil) }
        guard let (numerator, denominator, reportedRole, reportedSubject) = Self.derivation(of: m) else {
            return Figure(metric: m, value: nil)
        }
        let n = chosen[numerator.catalogIndex]
        let d = chosen[denominator.catalogIndex]
        var reported: Observation?
        if let role = reportedRole, let subject = reportedSubject {
            // The statement beside the amount used wins; then the most trusted place, then the first.
            let sentence = n < 0 ? nil : statements[n].sentence
            var best = -1
            var bestKey = 0
            for p in 0..<observations where statements[p].metric == subject && statements[p].role == role
                && Self.isOverall(statements[p].shareOf) {
                let key = (statements[p].sentence == sentence ? 0 : 1_000) + Self.rankKey(statements, p)
                if best < 0 || key < bestKey {
                    best = p
                    bestKey = key
                }
            }
            if best >= 0 { reported = statements[best] }
        }
        guard n >= 0, d >= 0, let na = statements[n].amount, let da = statements[d].amount,
              let ratio = Ratio.percent(na, of: da) else {
            return Figure(metric: m, value: nil, reported: reported?.stated, source: reported)
        }
        var flags: [Flag] = []
        if let r = reported, let ni = RoundingInterval(statements, at: n), let di = RoundingInterval(statements, at: d),
           !RoundingInterval.shareHolds(stated: r.stated, part: ni, whole: di) {
            flags.append(.statedDiffers)
        }
        var alternatives: [Observation] = []
        alternatives.reserveCapacity(2)
        alternatives.append(statements[d])
        if let r = reported { alternatives.append(r) }
        return Figure(metric: m, value: .percent(ratio), reported: reported?.stated, source: statements[n],
                      alternatives: alternatives, flags: flags)
    }

    /// What a derived metric is computed from, and the statement of it a report may make
    /// (its role and subject): `project_share` is project / total expenditure, stated as a share
    /// of project expenditure. nil for a metric that is not derived.
    static func derivation(of m: MetricID)
        -> (numerator: MetricID, denominator: MetricID, reportedRole: Observation.Role?, reportedSubject: MetricID?)? {
        switch m {
        case .projectShare: (.projectExpenditure, .totalExpenditure, .share, .projectExpenditure)
        case .procurementSMEShare: (.procurementSME, .procurementTotal, .share, .procurementSME)
        case .sangongExecution: (.sangongTotal, .sangongBudget, .execution, .sangongTotal)
        case .sangongIntensity: (.sangongTotal, .totalExpenditure, nil, nil)
        case .adminCostIntensity: (.adminOperatingCost, .totalExpenditure, nil, nil)
        default: nil
        }
    }

    /// A share of the whole (`占政府采购支出总额的`), not of one category (`占货物支出金额的`).
    static func isOverall(_ shareOf: String?) -> Bool {
        guard let s = shareOf else { return true }
        let contains = finder(in: s)
        return !(contains(.goods) || contains(.works) || contains(.services) || contains(.sme) || contains(.sangongQuoted)
            || contains(.sangong))
    }

    /// A word looked for in a share's denominator, with its UTF-8 made once (making it per
    /// search was most of the search).
    struct Word: Sendable {
        let text: String
        let utf8: [UInt8]

        init(_ text: String) {
            self.text = text
            utf8 = Array(text.utf8)
        }

        // The words the resolver and the checks look for.
        static let goods = Word("货物")
        static let works = Word("工程")
        static let services = Word("服务")
        static let sme = Word("中小企业")
        static let sangongQuoted = Word("“三公”")
        static let sangong = Word("三公")
        static let procurement = Word("采购")
        static let expenditure = Word("支出")
    }

    /// Foundation's `contains` in `s`, by bytes where that finds the same: plain text (a label,
    /// nearly always) is searched by its UTF-8, which for plain scalars finds what Foundation
    /// finds (see `PlainScalar`) without folding character clusters, at a tenth of the cost;
    /// anything else goes Foundation's way.
    static func finder(in s: String) -> (Word) -> Bool {
        PlainScalar.isPlain(s.unicodeScalars) ? { UTF8Search.contains(s.utf8, $0.utf8) } : { s.contains($0.text) }
    }
}
