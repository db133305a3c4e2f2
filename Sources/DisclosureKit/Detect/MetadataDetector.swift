/// Reads a report's metadata from its text: bureau, region, fiscal year, kind, scope, unit.
///
/// Never from the file name. Each property is a vote over the whole text, so one stray
/// mention (乙's report names 2022 once) does not decide it.
struct MetadataDetector: Sendable {
    /// `reading` is the text's `MetadataReading`, when the caller has it.
    ///
    /// Reads the lines' scalars; where a vote reads the text as one string, it is the lines
    /// joined with line breaks, which no phrase, year or count spans.
    func detect(_ text: NormalizedText, observations: [Observation], reading: MetadataReading? = nil) -> ReportMetadata {
        text.withLines { detect($0, observations: observations, reading: reading) }
    }

    func detect(_ lines: NormalizedText.Lines, observations: [Observation], reading: MetadataReading? = nil) -> ReportMetadata {
        var meta = ReportMetadata()
        let reading = reading ?? MetadataReading(lines: lines)
        if let found = reading.names.found {
            meta.bureau = found.bureau
            meta.region = found.region
        }
        meta.fiscalYear = reading.years.fiscalYear
        meta.kind = kind(reading.phrases)
        meta.scope = scope(reading.phrases)
        meta.unitCount = UnitCountFinder.unitCount(inLines: lines, anchors: reading.unitAnchors)
        // Counted, not filtered: a filtered array copied each statement. By index: a loop over
        // the values copied (retained and released) each observation to read its unit.
        var yuan = 0
        var wan = 0
        for k in observations.indices {
            let unit = observations[k].unit
            if unit == .yuan { yuan += 1 } else if unit == .wanYuan { wan += 1 }
        }
        meta.amountUnit = yuan > wan ? .yuan : .wanYuan
        return meta
    }

    /// The year written most often as `YYYY 年度`, then as `YYYY 年`.
    func fiscalYear(_ s: String) -> Int? {
        var years = YearTally()
        years.add(Array(s.unicodeScalars))
        return years.fiscalYear
    }

    /// The years a text writes as `YYYY 年度` and as `YYYY 年` (1990 … 2100, four digits alone).
    ///
    /// Text given in pieces is counted as the pieces joined with line breaks: a year and its
    /// `年` never stand on both sides of one.
    struct YearTally {
        /// The years counted, 1990 … 2100.
        static let years = 1990...2100
        /// Counts by year − 1990: a small array, where a dictionary hashed every year read.
        private var fiscal = [Int](repeating: 0, count: years.count)
        private var plainYear = [Int](repeating: 0, count: years.count)

        /// Reads from each `年` back: over spaces to a run of exactly four digits. A year is
        /// written before its `年`, so looking for the rarer `年` first reads each scalar once
        /// with one compare; the walks back cover each space once and at most five digits.
        mutating func add(_ scalars: [Unicode.Scalar]) {
            scalars.withUnsafeBufferPointer { s in
                for k in s.indices where s[k] == "年" { add(s, yearMarkAt: k) }
            }
        }

        /// Counts the year written before the `年` at `k`, if one is.
        mutating func add(_ s: UnsafeBufferPointer<Unicode.Scalar>, yearMarkAt k: Int) {
            var end = k
            while end > 0, ScalarFolding.isSpace(s[end - 1]) { end -= 1 }
            let start = end - 4
            guard start >= 0, (start..<end).allSatisfy({ ScalarFolding.isDigit(s[$0]) }),
                  start == 0 || !ScalarFolding.isDigit(s[start - 1]) else { return }
            var value = 0
            for i in start..<end { value = value * 10 + Int(s[i].value - 0x30) }
            guard Self.years.contains(value) else { return }
            if k + 1 < s.count, s[k + 1] == "度" { fiscal[value - Self.years.lowerBound] += 1 }
            else { plainYear[value - Self.years.lowerBound] += 1 }
        }

        /// The most counted year (the earliest of a tie), of `YYYY 年度` when there is one.
        var fiscalYear: Int? {
            let pick = fiscal.contains { $0 > 0 } ? fiscal : plainYear
            var best: Int?
            for (offset, count) in pick.enumerated() where count > 0 && count > (best.map { pick[$0] } ?? 0) {
                best = offset
            }
            return best.map { $0 + Self.years.lowerBound }
        }
    }

    static let finalPhrases = ["决算情况说明", "决算表", "决算公开", "决算报告", "部门决算", "单位决算"]
    static let budgetPhrases = ["预算情况说明", "预算表", "预算公开", "预算报告", "部门预算", "单位预算"]
    /// Budget phrases that only a budget report uses as its own (`部门预算` also stands in final
    /// reports: `部门预算自评`).
    static let strongBudgetPhrases = ["预算情况说明", "预算表", "预算公开", "预算报告"]
    static let unitPhrases = ["本级）", "本级)", "单位决算", "单位预算"]
    static let departmentPhrases = ["（部门）", "(部门)", "部门决算", "部门预算"]

    /// Every phrase the votes count, each once, in the order of the counts.
    ///
    /// Apart from `phraseMatcher`: the pipeline counts them in `MetadataReading`, and building
    /// the automaton only to list its phrases was a twentieth of a one-report run.
    static let phrases: [String] = {
        var all: [String] = []
        for p in finalPhrases + budgetPhrases + strongBudgetPhrases + unitPhrases + departmentPhrases + ["决算", "预算"]
        where !all.contains(p) { all.append(p) }
        return all
    }()

    /// `phrases`, searched in one pass (see `PhraseMatcher`) in a text given whole.
    static let phraseMatcher = PhraseMatcher(phrases)

    /// How often each phrase of the votes occurs in a text (non-overlapping, as
    /// `UTF8Search.count` counts one phrase): read once, used by every vote.
    struct PhraseCounts: Sendable {
        /// By phrase of `phrases` (and of `phraseMatcher`), in their order.
        private let counts: [Int]
        /// The phrases' places in `counts`, built once: a dictionary of the counts per report
        /// hashed every phrase for every report.
        private static let places: [String: Int] = {
            var places: [String: Int] = [:]
            for (index, phrase) in MetadataDetector.phrases.enumerated() { places[phrase] = index }
            return places
        }()

        init(_ s: some Sequence<UInt8>) {
            self.init(counts: MetadataDetector.phraseMatcher.counts(in: s))
        }

        /// The counts in `lines` joined with line breaks.
        init(lines: [[Unicode.Scalar]]) {
            var counter = PhraseMatcher.Counter(MetadataDetector.phraseMatcher)
            for (index, line) in lines.enumerated() {
                if index > 0 { counter.read("\n") }
                counter.read(contentsOf: line)
            }
            self.init(counts: counter.counts)
        }

        /// From the counts of `phrases`, in their order.
        init(counts: [Int]) {
            self.counts = counts
        }

        subscript(_ phrase: String) -> Int { Self.places[phrase].map { counts[$0] } ?? 0 }
        func sum(_ phrases: [String]) -> Int { phrases.reduce(0) { $0 + self[$1] } }

        /// Phrases by their places in the counts, looked up once: the votes of every report
        /// hashed each phrase's string again.
        struct Places: Sendable {
            let places: [Int]
            init(_ phrases: [String]) { places = phrases.compactMap { PhraseCounts.places[$0] } }
        }

        func sum(_ phrases: Places) -> Int { phrases.places.reduce(0) { $0 + counts[$1] } }
    }

    private static let finalPlaces = PhraseCounts.Places(finalPhrases)
    private static let budgetPlaces = PhraseCounts.Places(budgetPhrases)
    private static let strongBudgetPlaces = PhraseCounts.Places(strongBudgetPhrases)
    private static let finalWord = PhraseCounts.Places(["决算"])
    private static let budgetWord = PhraseCounts.Places(["预算"])
    private static let ownUnitMarks = PhraseCounts.Places(["本级）", "本级)"])
    private static let unitReports = PhraseCounts.Places(["单位决算", "单位预算"])
    private static let departmentMarks = PhraseCounts.Places(["（部门）", "(部门)", "部门决算", "部门预算"])

    /// How many of the template's own phrases (`决算情况说明`, `部门预算`, …) the text holds:
    /// zero means the text does not present itself as a disclosure report.
    static func templateScore(_ s: [UInt8]) -> (final: Int, budget: Int) { templateScore(PhraseCounts(s)) }

    static func templateScore(_ c: PhraseCounts) -> (final: Int, budget: Int) {
        (c.sum(finalPlaces), c.sum(budgetPlaces))
    }

    /// `final` when the template's final-accounts phrases outnumber the budget ones; from the
    /// bare words 决算 / 预算 only when no template phrase is there.
    func kind(_ s: String) -> ReportKind? { kind(PhraseCounts(s.utf8)) }

    func kind(_ s: [UInt8]) -> ReportKind? { kind(PhraseCounts(s)) }

    func kind(_ c: PhraseCounts) -> ReportKind? {
        let score = Self.templateScore(c)
        // `部门预算` also stands in final reports (`部门预算自评`): it counts only for a tie-break.
        let finalStrong = score.final
        let budgetStrong = c.sum(Self.strongBudgetPlaces)
        if finalStrong > 0 || budgetStrong > 0 { return finalStrong >= budgetStrong ? .final : .budget }
        if score.budget > 0 { return .budget }
        let f = c.sum(Self.finalWord)
        let b = c.sum(Self.budgetWord)
        if f == 0 && b == 0 { return nil }
        // Counts are at most the text's length, far from overflowing `f * 3`.
        return f * 3 >= b ? .final : .budget
    }

    /// `unit` for a single unit's report (本级, 单位决算), `department` for a consolidated one.
    func scope(_ s: String) -> ReportScope? { scope(PhraseCounts(s.utf8)) }

    func scope(_ s: [UInt8]) -> ReportScope? { scope(PhraseCounts(s)) }

    func scope(_ c: PhraseCounts) -> ReportScope? {
        let unitScore = 2 * c.sum(Self.ownUnitMarks) + c.sum(Self.unitReports)
        let departmentScore = c.sum(Self.departmentMarks)
        if unitScore == 0 && departmentScore == 0 { return nil }
        return unitScore > departmentScore ? .unit : .department
    }
}
