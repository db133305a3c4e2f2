import Testing
@testable import DisclosureKit

/// The resolver and the checks work on positions, flat arrays and words built when read; the
/// versions they replace (dictionaries of copied statements, texts built at once) are kept here
/// and must give the same figures and the same findings, texts included, on random reports from
/// a fixed seed and on the datasets.
@Suite("Resolve and check agree with the plain versions")
struct ResolveCheckPlainTests {
    /// Shares named in reports, and some that are not shares of the whole.
    static let shareNames: [String?] = [nil, nil, "政府采购支出总额", "货物支出金额", "中小企业合同金额", "“三公”经费", "支出总额", "本年支出合计",
                                        "e\u{301}采购支出", "服务\u{301}"]

    /// A random report's statements: amounts near a few base values so that relations hold or
    /// fail, the same figure stated again with the same or another value, shares and execution
    /// rates beside their amounts (right, rounded or wrong), parts, duplicates, 元 and 万元.
    static func randomStatements(_ random: inout SplitMix64) -> [Observation] {
        let amounts = MetricID.allCases.filter { $0.metric.origin == .reported }
        var base: [MetricID: Int64] = [:]
        for m in amounts { base[m] = Int64(random.below(5_000)) }
        // Totals that add up (or nearly) from their parts.
        for r in Relation.all where !random.oneIn(4) {
            base[r.total] = r.parts.reduce(0) { $0 + (base[$1] ?? 0) } + Int64(random.below(3)) - 1
        }
        var out: [Observation] = []
        var line = 1
        var sentence = 0
        func amount(_ m: MetricID, role: Observation.Role, value: Int64, part: String? = nil) -> Observation {
            let unit: AmountUnit = random.oneIn(5) ? .yuan : .wanYuan
            let scale = random.oneIn(6) ? random.below(4) : 2
            let stated: FixedDecimal
            if random.oneIn(40) {
                stated = FixedDecimal(mantissa: .max - Int64(random.below(3)), scale: 6)
            } else if unit == .yuan {
                stated = FixedDecimal(mantissa: value * 100 * Int64(Resolver.pow10(scale)), scale: scale)
            } else {
                stated = FixedDecimal(mantissa: value * Int64(Resolver.pow10(scale)) / 100, scale: scale)
            }
            let places: [Observation.Place] = [.ownSection, .ownSection, .table, .elsewhere]
            return Observation(metric: m, role: role, stated: stated, unit: unit, amount: Amount(stated, unit: unit), line: line,
                               snippet: ["", "甲", "乙"][random.below(3)], place: places[random.below(4)],
                               label: ["", m.metric.chinese][random.below(2)], shareOf: nil, labelRank: random.below(3),
                               part: part, sentence: sentence)
        }
        for _ in 0..<(1 + random.below(40)) {
            let m = amounts[random.below(amounts.count)]
            var value = base[m] ?? 0
            if random.oneIn(5) { value += Int64(random.below(7)) - 3 }
            if random.oneIn(3) { sentence += 1 }
            if random.oneIn(2) { line += 1 }
            if random.oneIn(8) {
                for part in ["reserved", "other"] where !random.oneIn(3) {
                    out.append(amount(m, role: .value, value: value / 2 + Int64(random.below(3)), part: part))
                }
                continue
            }
            let role: Observation.Role = random.oneIn(4) ? .budget : .value
            let statement = amount(m, role: role, value: value)
            out.append(statement)
            if random.oneIn(10) { out.append(statement) }
            if random.oneIn(10) { line += 1 }
            if random.oneIn(3) {
                // A share of the amount: of its default denominator, rounded or not, or wrong.
                let whole = ConsistencyChecker.denominator(of: m, shareOf: nil).flatMap { base[$0] } ?? Int64(1 + random.below(9_000))
                let percent = whole == 0 ? 0 : value * 10_000 / whole + Int64(random.below(3)) - 1 + (random.oneIn(4) ? 100 : 0)
                let scale = random.below(3)
                let stated = FixedDecimal(mantissa: percent / Int64(Resolver.pow10(2 - scale)), scale: scale)
                out.append(Observation(metric: m, role: .share, stated: stated, unit: nil, amount: nil, line: line, snippet: "",
                                       place: .ownSection, label: "", shareOf: shareNames[random.below(shareNames.count)],
                                       labelRank: random.below(2), sentence: random.oneIn(6) ? sentence + 1 : sentence))
            }
            if m.metric.family == .sangong, random.oneIn(2) {
                let budget = value + Int64(random.below(3)) * Int64(random.below(100))
                out.append(amount(m, role: .budget, value: budget))
                let rate = budget == 0 ? 0 : value * 10_000 / budget + (random.oneIn(3) ? Int64(random.below(300)) : 0)
                out.append(Observation(metric: m, role: .execution, stated: FixedDecimal(mantissa: rate, scale: 2), unit: nil, amount: nil,
                                       line: line, snippet: "", place: .ownSection, label: "", sentence: sentence))
            }
        }
        switch random.below(3) {
        case 0: out.sort { ($0.line, $0.metric) < ($1.line, $1.metric) }
        case 1: out.shuffle(using: &random)
        default: break
        }
        return out
    }

    @Test("random reports: the same figures and findings as the plain versions")
    func randomReports() {
        var random = SplitMix64(seed: 2_027)
        var checks: Set<CheckKind> = []
        var flags: Set<Flag> = []
        for round in 0..<3_000 {
            let statements = Self.randomStatements(&random)
            let kind: ReportKind? = [.final, .final, .budget, nil][round % 4]
            let figures = Resolver().resolve(statements, kind: kind)
            let plainFigures = PlainResolver().resolve(statements, kind: kind)
            #expect(figures == plainFigures, "round \(round)")
            // The checks take any list of figures: the last of a metric counts.
            var given = figures
            if round % 5 == 1 { given.shuffle(using: &random) }
            if round % 7 == 2, let f = given.first { given.append(f) }
            if round % 9 == 3 { given.removeLast(random.below(given.count)) }
            let findings = ConsistencyChecker().check(figures: given, observations: statements, kind: kind)
            let plain = PlainChecker().check(figures: given, observations: statements, kind: kind)
            #expect(findings == plain, "round \(round)")
            #expect(findings.map(\.messageEnglish) == plain.map(\.messageEnglish) && findings.map(\.stated) == plain.map(\.stated),
                    "round \(round)")
            checks.formUnion(findings.map(\.check))
            flags.formUnion(figures.flatMap(\.flags))
        }
        // Every check and every flag was reached.
        #expect(checks == Set(CheckKind.allCases).subtracting([.contents]))
        #expect(flags == Set(Flag.allCases))
    }

    @Test("a small set inserts as a set does, before and after it outgrows its linear search")
    func smallSet() {
        var random = SplitMix64(seed: 2_028)
        for _ in 0..<200 {
            var small = SmallSet<Int>()
            var plain: Set<Int> = []
            let range = 1 + random.below(4 * SmallSet<Int>.linearLimit)
            for _ in 0..<random.below(120) {
                let element = random.below(range)
                #expect(small.insert(element) == plain.insert(element).inserted)
            }
        }
    }

    @Test("the datasets: the same figures and findings as the plain versions", arguments: TestSupport.datasetNames)
    func datasets(name: String) throws {
        let report = try TestSupport.extract(try TestSupport.text(name))
        let kind = report.metadata.kind
        #expect(PlainResolver().resolve(report.observations, kind: kind) == report.figures)
        let findings = ConsistencyChecker().check(figures: report.figures, observations: report.observations, kind: kind)
        #expect(findings == PlainChecker().check(figures: report.figures, observations: report.observations, kind: kind))
    }
}

/// The resolver as first written: dictionaries of copied statements.
struct PlainResolver {
    /// A share of the whole, as first written: Foundation's `contains`.
    static func isOverall(_ shareOf: String?) -> Bool {
        guard let s = shareOf else { return true }
        return !(s.contains("货物") || s.contains("工程") || s.contains("服务") || s.contains("中小企业") || s.contains("“三公”") || s.contains("三公"))
    }

    func resolve(_ observations: [Observation], kind: ReportKind?) -> [Figure] {
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
            let keys = list.map { Resolver.rank($0).0 * 100 + Resolver.rank($0).1 }
            let best = keys.min() ?? 0
            let top = list.filter { Resolver.rank($0).0 * 100 + Resolver.rank($0).1 == best }
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
                if let b = best[key], Resolver.rank(b).0 * 100 + Resolver.rank(b).1 <= Resolver.rank(o).0 * 100 + Resolver.rank(o).1 { continue }
                best[key] = o
            }
            let ordered = best.keys.sorted().compactMap { best[$0] }
            if let sum = Resolver.sum(ordered, metric: m) {
                chosen[m] = sum
                summed.insert(m)
            }
        }
        let conflicted = Set(options.keys)
        if !options.isEmpty { chooseConsistent(options, into: &chosen) }
        // Totals from parts, innermost first (vehicle before 三公 total).
        for r in Relation.all where chosen[r.total] == nil {
            let parts = r.parts.compactMap { chosen[$0] }
            guard parts.count == r.parts.count, let sum = Resolver.sum(parts, metric: r.total) else { continue }
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

    /// Tries the combinations of conflicting values; keeps the one under which the most
    /// relations hold, preferring earlier statements on ties.
    private func chooseConsistent(_ options: [MetricID: [Observation]], into chosen: inout [MetricID: Observation]) {
        let metrics = options.keys.sorted()
        var total = 1
        for m in metrics { total = min(Resolver.maxCombinations, total * (options[m]?.count ?? 1)) }
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
            if !Resolver.advance(&pick, sizes: metrics.map { options[$0]?.count ?? 1 }) { break }
        }
        for (k, m) in metrics.enumerated() { chosen[m] = options[m]?[bestPick[k]] }
    }

    private func derive(_ m: MetricID, chosen: [MetricID: Observation], observations: [Observation], kind: ReportKind?) -> Figure {
        if m == .sangongExecution && kind == .budget { return Figure(metric: m, value: nil) }
        guard let (numerator, denominator, reportedRole, reportedSubject) = Resolver.derivation(of: m) else {
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
                (o.sentence == sentence ? 0 : 1_000) + Resolver.rank(o).0 * 100 + Resolver.rank(o).1
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

}

/// The checks as first written: dictionaries of figures, copies of statements, texts built at once.
struct PlainChecker {
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
                    expected: FindingWording.range(sum), lines: [t.line] + parts.map(\.line),
                    chinese: "\(r.total.metric.chinese)为 \(t.stated) 万元，但\(names)之和 \(expression) 在 \(FindingWording.range(sum)) 万元之间",
                    english: "\(r.total.metric.english) is stated as \(t.stated) but its parts \(expression) add up to \(FindingWording.range(sum))"))
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

    // MARK: Stated shares

    private func shares(_ figures: [MetricID: Figure], observations: [Observation]) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<ConsistencyChecker.SeenKey> = []
        // Only the metrics of the shares are looked up: the index holds just those.
        guard let asked = PlainSentenceIndex.metrics(of: observations, where: { $0.role == .share }) else { return [] }
        let values = PlainSentenceIndex(observations, role: .value, metrics: asked)
        for s in observations where s.role == .share {
            guard let denominatorID = ConsistencyChecker.denominator(of: s.metric, shareOf: s.shareOf),
                  let whole = figures[denominatorID]?.source, let wi = RoundingInterval(whole) else { continue }
            // The amount the share is stated beside: same sentence, same metric.
            // Only shares of the figure itself: `基本支出 394.99 万元，占 31.10%` stated of the
            // appropriations alone (another total) is not a share of the chosen 395.99.
            guard let part = values.last(sentence: s.sentence, metric: s.metric, atOrBefore: s.line),
                  let pi = RoundingInterval(part), part.amount == figures[s.metric]?.source?.amount else { continue }
            let key = ConsistencyChecker.SeenKey(metric: s.metric, stated: s.stated, first: part.stated, second: nil, denominator: denominatorID)
            guard seen.insert(key).inserted else { continue }
            let denominatorName = s.shareOf ?? denominatorID.metric.chinese
            if RoundingInterval.shareHolds(stated: s.stated, part: pi, whole: wi) {
                if let info = roundingInfo(s, part: pi, whole: wi, of: denominatorName) { out.append(info) }
                continue
            }
            let interval = FindingWording.shareRange(part: pi, whole: wi)
            var fitsZH = ""
            var fitsEN = ""
            for alt in ConsistencyChecker.alternativeDenominators(of: s.metric) where alt != denominatorID {
                guard let aw = figures[alt]?.source, let ai = RoundingInterval(aw),
                      RoundingInterval.shareHolds(stated: s.stated, part: pi, whole: ai) else { continue }
                let computed = Ratio.percentFen(part.amount?.fen ?? 0, of: aw.amount?.fen ?? 0)?.formatted(decimals: 2) ?? ""
                fitsZH = "；该比例与\(alt.metric.chinese) \(aw.stated) 万元相符（\(computed)%）"
                fitsEN = "; it fits \(alt.metric.english) \(aw.stated) instead (\(computed)%)"
                break
            }
            let computed = Ratio.percentFen(part.amount?.fen ?? 0, of: whole.amount?.fen ?? 0)?.formatted(decimals: 2) ?? ""
            out.append(Finding(
                severity: .error, check: .statedShare, metric: ConsistencyChecker.shareMetric(s.metric, denominatorID), stated: s.stated.description, expected: interval,
                lines: Array(Set([s.line, part.line, whole.line])).sorted(),
                chinese: "\(s.metric.metric.chinese) \(part.stated) 万元称占\(denominatorName)的 \(s.stated)%，按 \(whole.stated) 万元计算为 \(computed)%（\(interval)%）\(fitsZH)",
                english: "\(s.metric.metric.english) \(part.stated) is stated as \(s.stated)% of \(denominatorID.metric.english) \(whole.stated); computed \(computed)% (\(interval)%)\(fitsEN)"))
        }
        return out
    }

    /// An info finding when a stated share holds only within rounding (98.69 vs 98.70).
    private func roundingInfo(_ s: Observation, part: RoundingInterval, whole: RoundingInterval, of name: String) -> Finding? {
        // Midpoints as lower + half the width: `lower + upper` passes Int64.max for an amount
        // near the limit (a share stated beside 9 × 10¹² 万元 trapped here).
        let mid = Ratio.percentFen(part.lower + (part.upper - part.lower) / 2, of: whole.lower + (whole.upper - whole.lower) / 2)
        guard let computed = mid?.formatted(decimals: s.stated.scale), let c = FixedDecimal(computed),
              c.scaled(to: s.stated.scale) != s.stated.mantissa else { return nil }
        let denominator = ConsistencyChecker.denominator(of: s.metric, shareOf: s.shareOf) ?? s.metric
        return Finding(
            severity: .info, check: .statedShare, metric: ConsistencyChecker.shareMetric(s.metric, denominator), stated: s.stated.description,
            expected: FindingWording.shareRange(part: part, whole: whole), lines: [s.line],
            chinese: "\(s.metric.metric.chinese)占\(name)的比例称 \(s.stated)%，计算为 \(computed)%，在舍入误差范围内",
            english: "\(s.metric.metric.english) stated as \(s.stated)% of \(name); computed \(computed)%, within rounding")
    }

    // MARK: Execution rates

    private func executionRates(_ figures: [MetricID: Figure], observations: [Observation], kind: ReportKind?) -> [Finding] {
        guard kind != .budget else { return [] }
        var out: [Finding] = []
        var seen: Set<ConsistencyChecker.SeenKey> = []
        let isRate = { (o: Observation) in o.role == .execution && o.metric.metric.family == .sangong }
        guard let asked = PlainSentenceIndex.metrics(of: observations, where: isRate) else { return [] }
        let values = PlainSentenceIndex(observations, role: .value, metrics: asked)
        let budgets = PlainSentenceIndex(observations, role: .budget, metrics: asked)
        for e in observations where isRate(e) {
            guard let value = values.last(sentence: e.sentence, metric: e.metric, atOrBefore: e.line),
                  let budget = budgets.last(sentence: e.sentence, metric: e.metric, atOrBefore: e.line),
                  let vi = RoundingInterval(value), let bi = RoundingInterval(budget) else { continue }
            let key = ConsistencyChecker.SeenKey(metric: e.metric, stated: e.stated, first: value.stated, second: budget.stated, denominator: nil)
            guard seen.insert(key).inserted else { continue }
            // 0 of 0 (完成预算的 0%) states nothing checkable.
            if bi.upper <= 0 { continue }
            if RoundingInterval.shareHolds(stated: e.stated, part: vi, whole: bi) { continue }
            let interval = FindingWording.shareRange(part: vi, whole: bi)
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
                    if distinct.count >= ConsistencyChecker.maxConflictingValues { break }
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
}

/// The same-sentence index as first written: a dictionary of arrays of positions.
struct PlainSentenceIndex {
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
