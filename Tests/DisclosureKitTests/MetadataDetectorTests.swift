import Testing
@testable import DisclosureKit

/// Detect: bureau, region, fiscal year, kind, scope and amount unit, each by vote over the text.
@Suite("MetadataDetector")
struct MetadataDetectorTests {
    static func detect(_ lines: [String], observations: [Observation] = []) -> ReportMetadata {
        let text = Stage.normalize(lines)
        return MetadataDetector().detect(text, observations: observations)
    }

    @Test("one reading of the lines gives what each vote's own read of them gives")
    func readingInOnePass() {
        var random = SplitMix64(seed: 12)
        let pieces = ["甲市", "乙区", "丙县", "工业和信息化局", "发展和改革委员会", "人民政府办公室", "局", "委", "办", "2023", "2024",
                      "年", "度", " ", "决算", "预算", "表", "部门", "单位", "共", "本级）", "(部门)", "（部门）", "公开", "情况说明",
                      "报告", "\n", "1", "家", "编制范围", "单位共", "决", "预", "\u{0}"]
        for round in 0..<400 {
            let text = (0..<random.below(80)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            // The lines one after another, and scattered in a buffer as the joiner may leave them:
            // with scalars between them (start scalars too), and now and then out of order.
            let gaps = (0...lines.count).map { _ in Array(pieces[random.below(pieces.count)].unicodeScalars) }
            let scattered = Self.scattered(lines, gaps: gaps, backToFront: round % 3 == 0)
            for reading in [MetadataReading(lines: lines), scattered.withLines { MetadataReading(lines: $0) }] {
                let bytes = Array(text.utf8)
                for phrase in MetadataDetector.phraseMatcher.phrases {
                    #expect(reading.phrases[String(decoding: phrase, as: UTF8.self)] == UTF8Search.count(bytes, phrase), "\(text)")
                }
                #expect(reading.years.fiscalYear == MetadataDetector().fiscalYear(text), "\(text)")
                let found = BureauNameFinder.find(in: lines.map { LogicalLine(scalars: $0, origins: []) })
                #expect(reading.names.found?.bureau == found?.bureau && reading.names.found?.region == found?.region, "\(text)")
                #expect(reading.firstUnitAnchorLine == lines.firstIndex { String(String.UnicodeScalarView($0)).contains("单位共") },
                        "\(text)")
                let anchors = lines.indices.flatMap { line in
                    lines[line].indices.filter { lines[line][$0...].starts(with: "单位共".unicodeScalars) }
                        .map { JoinedLines.Index(line: line, offset: $0) }
                }
                #expect(reading.unitAnchors == anchors, "\(text)")
            }
        }
    }

    /// `lines` laid out in one buffer with `gaps[k]` before line `k` (and the last gap after them),
    /// the first line first or, `backToFront`, the last line first.
    static func scattered(_ lines: [[Unicode.Scalar]], gaps: [[Unicode.Scalar]], backToFront: Bool) -> NormalizedText {
        var scalars: [Unicode.Scalar] = []
        var spans = [NormalizedText.Span?](repeating: nil, count: lines.count)
        for (k, line) in lines.enumerated().reversed() where backToFront { place(k, line) }
        for (k, line) in lines.enumerated() where !backToFront { place(k, line) }
        scalars += gaps.last ?? []
        func place(_ k: Int, _ line: [Unicode.Scalar]) {
            scalars += gaps[k]
            spans[k] = NormalizedText.Span(scalars: scalars.count..<(scalars.count + line.count), origins: k..<(k + 1),
                                           wasMarkdownHeading: false)
            scalars += line
        }
        return NormalizedText(scalars: scalars, spans: spans.compactMap { $0 },
                              origins: lines.indices.map { LogicalLine.Origin(offset: 0, line: $0 + 1) },
                              physicalLineCount: lines.count, wasHardWrapped: false)
    }

    @Test("the bureau votes counted in flat tables are those of dictionaries of every name (random names, fixed seed)")
    func bureauVotesAsDictionaries() {
        var random = SplitMix64(seed: 31)
        let pieces = ["甲市", "乙区", "丙县", "某省", "内蒙古自治区", "家为甲市", "共有1家为", "年度", "本部门", "为", "甲", "市", "区",
                      "工业和信息化局", "财政局", "市场监督管理局", "发展和改革委员会", "人民政府办公室", "局", "厅", "委员会", "办公室",
                      "。", " ", "\n", "2024"]
        for _ in 0..<600 {
            let text = (0..<random.below(60)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            let found = MetadataReading(lines: lines).names.found
            let plain = Self.plainBureau(lines)
            #expect(found?.bureau == plain?.bureau && found?.region == plain?.region, "\(text)")
        }
    }

    /// The bureau and region by the votes of `BureauNameFinder`, counted the plain way: every name
    /// of every line (`names(in:)`) in dictionaries keyed by its scalars.
    static func plainBureau(_ lines: [[Unicode.Scalar]]) -> (bureau: String, region: String?)? {
        struct Spelling: Hashable {
            var regions: [[Unicode.Scalar]]
            let department: [Unicode.Scalar]
            var full: [Unicode.Scalar] { regions.joined() + department }
        }
        func precedes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool { a.lexicographicallyPrecedes(b) { $0.value < $1.value } }
        var names: [Spelling: Int] = [:]
        for line in lines {
            for name in BureauNameFinder.names(in: line) {
                names[Spelling(regions: name.regions.map { Array($0.unicodeScalars) }, department: Array(name.department.unicodeScalars)),
                      default: 0] += 1
            }
        }
        guard !names.isEmpty else { return nil }
        // A leading region replaced by its suffix that is used more often as a region.
        var regionCounts: [[Unicode.Scalar]: Int] = [:]
        for (n, c) in names { for r in n.regions { regionCounts[r, default: 0] += c } }
        var counts: [Spelling: Int] = [:]
        for (n, c) in names {
            var spelling = n
            if let first = n.regions.first {
                let own = regionCounts[first] ?? 0
                var best: ([Unicode.Scalar], Int)?
                for start in 1..<max(1, first.count - 1) {
                    let suffix = Array(first[start...])
                    if let sc = regionCounts[suffix], sc > own, sc > (best?.1 ?? 0) { best = (suffix, sc) }
                }
                if let b = best { spelling.regions[0] = b.0 }
            }
            counts[spelling, default: 0] += c
        }
        var byDepartment: [[Unicode.Scalar]: Int] = [:]
        for (n, c) in counts { byDepartment[n.department, default: 0] += c }
        guard let department = byDepartment.max(by: { a, b in a.value != b.value ? a.value < b.value : precedes(b.key, a.key) })?.key,
              let best = counts.filter({ $0.key.department == department }).max(by: { a, b in
                  if a.key.regions.count != b.key.regions.count { return a.key.regions.count < b.key.regions.count }
                  if a.value != b.value { return a.value < b.value }
                  if a.key.full.count != b.key.full.count { return a.key.full.count < b.key.full.count }
                  return precedes(b.key.full, a.key.full)
              })?.key else { return nil }
        var regions = best.regions
        if regions.count > 1, let first = regions.first, first.last == "省" || first.suffix(3).elementsEqual("自治区".unicodeScalars) {
            regions.removeFirst()
        }
        return (String(String.UnicodeScalarView(regions.joined() + department)), regions.last.map { String(String.UnicodeScalarView($0)) })
    }

    @Test("a bureau named with its region chain loses the province: 内蒙古自治区包头市工业和信息化局（本级）")
    func regionChain() {
        let meta = Self.detect([
            "2024 年度内蒙古自治区",
            "包头市工业和信息化局（本级）",
            "决算公开报告",
            "内蒙古自治区包头市工业和信息化局（本级）2024 年度财政拨款“三公”经费全年预算 0.98 万元。",
            "内蒙古自治区包头市工业和信息化局（本级）2024年度政府采购支出总额141.99万元。",
            "八、财政拨款“三公”经费支出决算情况说明",
        ])
        #expect(meta.bureau == "包头市工业和信息化局")
        #expect(meta.region == "包头市")
        #expect(meta.scope == .unit)
        #expect(meta.kind == .final)
        #expect(meta.fiscalYear == 2024)
    }

    @Test("a district bureau: 包头市昆都仑区… is the bureau and 昆都仑区 the region, though 昆区 is written more")
    func district() {
        let meta = Self.detect([
            "包头市昆都仑区工业和信息化局 2020 年度部门决算公开",
            "昆区工业和信息化局是政府工作部门。",
            "昆区工业和信息化局内设 6 个科室。",
            "昆区工业和信息化局本年度完成工作。",
            "三、支出决算情况说明",
        ])
        #expect(meta.bureau == "包头市昆都仑区工业和信息化局")
        #expect(meta.region == "昆都仑区")
        #expect(meta.scope == .department)
    }

    @Test("the department named most often is the bureau, not another one mentioned")
    func mostNamedDepartment() {
        let meta = Self.detect([
            "乌海市工业和信息化局2023年度部门决算公开。",
            "乌海市工业和信息化局按乌海市财政局要求公开决算。",
            "乌海市工业和信息化局共有3个科室。",
        ])
        #expect(meta.bureau == "乌海市工业和信息化局")
        #expect(meta.region == "乌海市")
    }

    @Test("the words before a name are not its region: 年度, 本部门")
    func leadingWords() {
        let names = BureauNameFinder.names(in: Array("2024年度怀仁市工业和信息化局部门决算".unicodeScalars))
        #expect(names.map(\.full) == ["怀仁市工业和信息化局"])
        #expect(names.first?.regions == ["怀仁市"])
    }

    @Test("a department whose name starts with a region ending: 甲河市市场监督管理局 is 甲河市 + 市场监督管理局")
    func departmentStartingWithARegionEnding() {
        let names = BureauNameFinder.names(in: Array("2024年度甲河市市场监督管理局部门决算".unicodeScalars))
        #expect(names.map(\.full) == ["甲河市市场监督管理局"])
        #expect(names.first?.regions == ["甲河市"])
        #expect(names.first?.department == "市场监督管理局")

        let meta = Self.detect([
            "丙县市场监督管理局2023年度部门决算公开。",
            "丙县市场监督管理局按自治区乡村振兴局要求公开决算。",
            "丙县市场监督管理局共有3个科室。",
        ])
        #expect(meta.bureau == "丙县市场监督管理局")
        #expect(meta.region == "丙县")
    }

    @Test("a text that names no department has no bureau")
    func noBureau() {
        let meta = Self.detect(["本部门2024年度支出合计5307.63万元。"])
        #expect(meta.bureau == nil)
        #expect(meta.region == nil)
    }

    @Test("the fiscal year is the one written most often as YYYY年度, not as YYYY年")
    func fiscalYearByMajority() {
        let meta = Self.detect([
            "2024 年度部门决算公开。", "2024年度收入合计5307.63万元。", "2023年度支出较少。",
            "2025年1月发布。", "2025年2月修订。", "2025年3月公开。", "2025年4月存档。", "2024年度完成。",
        ])
        #expect(meta.fiscalYear == 2024)
    }

    @Test("without YYYY年度 the most frequent YYYY年 is the year; five-digit runs and other years are not years")
    func fiscalYearFallback() {
        let detector = MetadataDetector()
        #expect(detector.fiscalYear("2023年支出。2023年收入。2022年结转。") == 2023)
        #expect(detector.fiscalYear("编号12024年度，共2辆。") == nil)
        #expect(detector.fiscalYear("3000年度规划，1989年度档案。") == nil)
        #expect(detector.fiscalYear("无年份。") == nil)
    }

    @Test("kind is final or budget by the template's phrases")
    func kind() {
        let detector = MetadataDetector()
        #expect(detector.kind("2024年度部门决算公开。三、支出决算情况说明。“三公”经费全年预算0.98万元。") == .final)
        #expect(detector.kind("2025年部门预算公开。二、支出预算情况说明。三、财政拨款收支预算情况说明。上年决算数为3.77万元。") == .budget)
        #expect(detector.kind("那天傍晚，雨下得很大。") == nil)
    }

    @Test("without the template's phrases, 决算 must not be outweighed three to one")
    func kindFallback() {
        let detector = MetadataDetector()
        #expect(detector.kind("决算数与预算数、预算执行。") == .final)
        #expect(detector.kind("预算预算预算预算决算") == .budget)
    }

    @Test("scope: （本级） and 单位决算 are a unit, （部门） and 部门决算 a department")
    func scope() {
        let detector = MetadataDetector()
        #expect(detector.scope("包头市工业和信息化局（本级）决算公开报告") == .unit)
        #expect(detector.scope("第五部分 单位决算表") == .unit)
        #expect(detector.scope("乌海市工业和信息化局（部门）2023年度部门决算") == .department)
        #expect(detector.scope("怀仁市工业和信息化局2024年度部门决算公开") == .department)
        #expect(detector.scope("一段无关的文字") == nil)
    }

    @Test("the amount unit is the majority of the statements' units")
    func amountUnit() {
        let yuan = [Stage.obs(.sangongReception, "9700", unit: .yuan), Stage.obs(.sangongTotal, "9700", unit: .yuan),
                    Stage.obs(.totalExpenditure, "5307.63")]
        #expect(Self.detect(["部门决算"], observations: yuan).amountUnit == .yuan)
        #expect(Self.detect(["部门决算"], observations: Array(yuan.suffix(1))).amountUnit == .wanYuan)
        #expect(Self.detect(["部门决算"]).amountUnit == .wanYuan)
    }
}
