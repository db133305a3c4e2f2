import Foundation
import Rendering
import TestHelpers
import Testing
@testable import CompareCLI
@testable import DisclosureKit

/// Thousands of mutated reports from a fixed seed: whatever a PDF converter (or a disk) does to a
/// report, reading it never traps and what comes out is well-formed.
///
/// Each mutant is a dataset (or a window of one, or a hand-made snippet) put through a few
/// random mutations — text ones (numbers with 40 digits or two decimal points, huge negatives,
/// percentages over 100, deleted or doubled 万元 and %, joined and split lines, full-width
/// digits, repeated or deleted sections, stray control and markdown characters), then an
/// encoding (UTF-8, GB18030, UTF-16 with BOM), then byte ones (truncation, flipped bytes,
/// inserted NUL and invalid bytes). Each is decoded and extracted, and must
///
/// - be refused with a one-line reason (not text, not a report), or
/// - keep every promise of `ExtractedReport.invariantViolations` (values print as decimals,
///   lines within the file, …) and render as CSV that parses to 22 rows of 14 fields with the
///   printed values, and as JSON that parses.
///
/// A failing mutant is written to the temporary folder and named in the failure, ready to be
/// added to `Regressions/`. The runs are deterministic: the seed is fixed and the generator
/// (SplitMix64) is written here, not taken from the platform.
@Suite("Mutated reports never trap and give well-formed output")
struct MutationTests {
    static let seed: UInt64 = 0x5EED_B0EA_0C0A_11CE
    /// Windows of datasets and snippets: `batches` × `mutantsPerBatch` mutants.
    static let batches = 8
    static let mutantsPerBatch = 250
    /// Whole datasets: `mutantsPerDataset` per dataset.
    static let mutantsPerDataset = 16

    @Test("mutated windows of the datasets and hand-made snippets", arguments: 0..<batches)
    func mutatedWindows(batch: Int) throws {
        var random = SplitMix64(seed: Self.seed ^ UInt64(batch + 1) &* 0x9E37_79B9)
        let sources = try Self.datasetTexts()
        var refusals: [String: Int] = [:]
        for index in 0..<Self.mutantsPerBatch {
            let base: String
            if random.below(4) == 0 {
                base = Self.snippets[random.below(Self.snippets.count)]
            } else {
                // Half the windows start with a line that names the report, as a first page does.
                let window = Mutator.window(of: sources[random.below(sources.count)], random: &random)
                base = random.oneIn(2) ? "2024年度部门决算\n" + window : window
            }
            let bytes = Mutator.mutate(base, random: &random)
            let outcome = Self.check(bytes)
            if case .refused(let reason) = outcome { refusals[reason, default: 0] += 1 }
            Self.expectWellFormed(outcome, bytes, name: "window-\(batch)-\(index)")
        }
        // The mutations are meant to leave most mutants readable as reports.
        let refused = refusals.values.reduce(0, +)
        #expect(refused < Self.mutantsPerBatch / 2, "\(refused) of \(Self.mutantsPerBatch) refused: \(refusals)")
    }

    @Test("mutated whole datasets", arguments: TestSupport.datasetNames)
    func mutatedDatasets(name: String) throws {
        let text = try TestSupport.text(name)
        var random = SplitMix64(seed: Self.seed ^ UInt64(truncatingIfNeeded: name.hashValueStable))
        for index in 0..<Self.mutantsPerDataset {
            let bytes = Mutator.mutate(text, random: &random)
            Self.expectWellFormed(Self.check(bytes), bytes, name: "\(name)-\(index)")
        }
    }

    @Test("the generator and the mutations are deterministic")
    func deterministic() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let base = Self.snippets[0]
        #expect(Mutator.mutate(base, random: &a) == Mutator.mutate(base, random: &b))
        var c = SplitMix64(seed: 1)
        // SplitMix64's published first output for seed 1.
        #expect(c.next() == 0x910A_2DEC_8902_5CC1)
    }

    @Test("every mutation keeps the input well-formed on its own", arguments: Mutator.Kind.allCases)
    func eachMutation(kind: Mutator.Kind) throws {
        var random = SplitMix64(seed: Self.seed ^ UInt64(kind.hashValueStable))
        let sources = try Self.datasetTexts()
        for index in 0..<20 {
            let window = Mutator.window(of: sources[index % sources.count], random: &random)
            let bytes = Mutator.encode(Mutator.apply(kind, to: window, random: &random), random: &random)
            let mutated = Mutator.applyBytes(kind, to: bytes, random: &random)
            Self.expectWellFormed(Self.check(mutated), mutated, name: "\(kind)-\(index)")
        }
    }

    // MARK: - Hostile inputs with known answers

    @Test("forty digits, two decimal points and 7.496,5 are never figures")
    func malformedNumbers() throws {
        let report = try TestSupport.extract("""
            2024年度部门决算
            八、财政拨款“三公”经费支出决算情况说明
            “三公”经费支出决算1234567890123456789012345678901234567890万元。
            公务接待费支出决算1.2.3万元。因公出国（境）费支出决算7.496,5万元。
            """)
        #expect(report[.sangongTotal].value == nil)
        #expect(report[.sangongReception].value == nil)
        #expect(report[.sangongOutbound].value == nil)
        #expect(report.invariantViolations(lineLimit: 4).isEmpty)
    }

    @Test("a negative change (减少-5,252.65) is a change, not the figure")
    func negativeChange() throws {
        let report = try TestSupport.extract("""
            2024年度部门决算
            三、支出决算情况说明
            本年支出合计3332.37万元，与上年相比减少-5,252.65万元。
            """)
        #expect(report[.totalExpenditure].formattedValue == "3332.37")
        let change = report.observations.first { $0.role == .change }
        #expect(change?.stated.description == "-5252.65")
    }

    @Test("a share over 100 % and an amount at the 64-bit limit print and check without trapping")
    func extremes() throws {
        let text = """
            2024年度部门决算
            八、财政拨款“三公”经费支出决算情况说明
            “三公”经费支出决算1万元，全年预算0.01万元，完成预算的10000%。因公出国（境）费0万元，
            公务用车购置及运行维护费9223372036854.7758万元，公务接待费0万元。
            三、支出决算情况说明
            本年支出合计0.000001万元，其中：项目支出90000000000万元，占999999%。
            """
        let report = try TestSupport.extract(text)
        #expect(report.invariantViolations(lineLimit: ExtractedReport.lineLimit(of: text)).isEmpty)
        #expect(report[.sangongExecution].formattedValue == "10000.00")
        // 9223372036854775800 分: its rounding interval would pass Int64.max; it has none and is
        // left out of the checks instead of trapping.
        #expect(report[.sangongVehicle].formattedValue == "9223372036854.78")
        #expect(!report.findings.contains { $0.check == .partsTotal })
        // 9 × 10¹⁰ 万元 of 0.000001 万元: a share of 9 × 10¹⁸ %, too large for 64 bits once
        // scaled to two decimals, still prints.
        #expect(report[.projectShare].formattedValue == "9000000000000000000.00")
    }

    @Test("a truncated report gives the figures it still discloses and leaves the rest empty")
    func truncated() throws {
        let text = try TestSupport.text("huairen-2024-final.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstHalf = lines.prefix(lines.count / 2).joined(separator: "\n")
        let report = try TestSupport.extract(firstHalf)
        #expect(report.figures.contains { $0.value != nil })
        #expect(report.figures.contains { $0.value == nil })
        #expect(report.invariantViolations(lineLimit: ExtractedReport.lineLimit(of: firstHalf)).isEmpty)
    }

    @Test("a section repeated five times states the same figures once")
    func repeatedSections() throws {
        let section = """
            八、财政拨款“三公”经费支出决算情况说明
            “三公”经费支出决算0.97万元，全年预算0.98万元，完成预算的98.98%。

            """
        let report = try TestSupport.extract("2024年度部门决算\n" + String(repeating: section, count: 5))
        #expect(report[.sangongTotal].formattedValue == "0.97")
        #expect(!report[.sangongTotal].flags.contains(.conflictingStatements))
        #expect(report[.sangongExecution].formattedValue == "98.98")
    }

    @Test("arithmetic at the 64-bit limits gives nil or a printed value, never a trap")
    func arithmeticLimits() throws {
        #expect(FixedDecimal(mantissa: 9_223_372_036_854_775_807, scale: 25).scaled(to: 2) == 0)
        #expect(FixedDecimal(mantissa: -9_000_000_000_000_000_000, scale: 21).scaled(to: 2) == -1)
        #expect(FixedDecimal(mantissa: 1, scale: -30).scaled(to: 2) == nil)
        #expect(FixedDecimal("9223372036854775807") == nil)
        #expect(FixedDecimal("999999999999999999")?.mantissa == 999_999_999_999_999_999)
        #expect(Amount(try #require(FixedDecimal("999999999999999999")), unit: .wanYuan) == nil)
        let ratio = try #require(Ratio(.max, 1))
        #expect(ratio.formatted(decimals: 2) == "9223372036854775807.00")
        #expect(ratio.formatted(decimals: 3, roundingUp: true) == "9223372036854775807.000")
        #expect(try #require(Ratio(.min, 3)).formatted(decimals: 2, roundingUp: false) == "-3074457345618258602.67")
        #expect(ratio.formatted(decimals: 19) == "")
        #expect(RoundingInterval.sum([RoundingInterval(lower: .max, upper: .max), RoundingInterval(lower: 1, upper: 1)]) == nil)
        let edge = Observation(metric: .sangongReception, role: .value, stated: try #require(FixedDecimal("92233720368547758")),
                               unit: .yuan, amount: Amount(fen: 9_223_372_036_854_775_800), line: 1, snippet: "", place: .table, label: "")
        #expect(RoundingInterval(edge) == nil)
    }

    @Test("lines of 150 000 characters are read in linear time", .timeLimit(.minutes(2)))
    func longLines() throws {
        let units = ["1,234", "公务接待费1万元，", "占项目支出", "100%", "ab市", "局", "单位共", "2024年度", "*", "1.2.3"]
        for unit in units {
            let line = String(repeating: unit, count: 150_000 / unit.count)
            let text = "2024年度部门决算 项目支出100万元" + line + "万元\n"
            if case .report(let problems) = Self.check(Array(text.utf8)) { #expect(problems.isEmpty, "\(unit)") }
        }
        // A hard-wrapped paragraph of 10 000 lines joins into one logical line of 10 000 origins.
        let wrapped = "2024年度部门决算\n" + String(repeating: "本年度公务接待费等各项支出均按照规定执行并且严\n", count: 10_000) + "公务接待费1万元\n"
        if case .report(let problems) = Self.check(Array(wrapped.utf8)) { #expect(problems.isEmpty) }
        // A table of contents of 10 000 entries.
        let contents = "目录\n" + (0..<10_000).map { "一、第\($0)项内容说明\t\($0)\n" }.joined() + "第一部分 正文 公务接待费1万元。\n"
        if case .report(let problems) = Self.check(Array(contents.utf8)) { #expect(problems.isEmpty) }
    }

    // MARK: - Regressions

    /// Inputs that once trapped or broke a promise (found by the audit or the fuzzer), one
    /// file each in `Regressions/`, with the reason in `Regressions/README.md`.
    static let regressionNames: [String] = {
        guard let folder = Bundle.module.url(forResource: "Regressions", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    @Test("the regression inputs are there")
    func regressionsPresent() {
        #expect(Self.regressionNames.count >= 4)
    }

    @Test("inputs that once trapped or broke a promise", arguments: regressionNames)
    func regression(name: String) throws {
        let folder = try #require(Bundle.module.url(forResource: "Regressions", withExtension: nil))
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        Self.expectWellFormed(Self.check(bytes), bytes, name: name)
    }

    // MARK: - The check

    enum Outcome {
        /// Refused with a reason (`binary file`, `not a disclosure report …`).
        case refused(String)
        /// Read as a report; the list says what is wrong with the result (empty: nothing).
        case report([String])
    }

    /// Decodes and extracts `bytes` as the tool does, and checks the result.
    static func check(_ bytes: [UInt8]) -> Outcome {
        let decoded: DecodedText
        switch TextDecoder.decode(bytes) {
        case .success(let text): decoded = text
        case .failure(let problem):
            return problem.message.isEmpty || problem.message.contains("\n")
                ? .report(["refusal without a one-line reason: \(problem)"]) : .refused(problem.message)
        }
        let report: ExtractedReport
        switch ReportExtractor().extract(text: decoded.text, document: "mutant.txt") {
        case .success(let r): report = r
        case .failure(let problem):
            guard case .notAReport = problem else { return .report(["unexpected refusal after decoding: \(problem)"]) }
            return .refused(problem.message)
        }
        var problems = report.invariantViolations(lineLimit: ExtractedReport.lineLimit(of: decoded.text))
        problems += renderingProblems(report)
        return .report(problems)
    }

    /// The report as `extract` writes it: CSV that parses to one row per metric with the printed
    /// values, and JSON that parses.
    static func renderingProblems(_ report: ExtractedReport) -> [String] {
        var problems: [String] = []
        var csv = ExtractDocument(format: .csv, terminal: .captured)
        let csvText = csv.begin() + csv.add(report) + csv.end()
        let records = CSVRecords.parse(csvText)
        let width = ExtractedReport.longHeader.count
        if records.count != 1 + MetricID.allCases.count {
            problems.append("CSV has \(records.count) records, not \(1 + MetricID.allCases.count)")
        }
        for (record, id) in zip(records.dropFirst(), MetricID.allCases) {
            if record.count != width { problems.append("CSV row of \(id.rawValue) has \(record.count) fields") }
            else if record[6] != id.rawValue || record[7] != report[id].formattedValue {
                problems.append("CSV row of \(id.rawValue) reads \(record[6]) = '\(record[7])'")
            }
        }
        var json = ExtractDocument(format: .json, terminal: .captured)
        let jsonText = json.begin() + json.add(report) + json.end()
        let parsed = try? JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [Any]
        if parsed?.count != 1 { problems.append("JSON does not parse to one report") }
        // The terminal table, narrow and coloured: names from the text are measured and cut.
        var table = ExtractDocument(format: .table, terminal: Terminal(stdoutIsTTY: true, columns: 40, colorAllowed: true))
        let tableText = table.begin() + table.add(report) + table.end()
        if tableText.split(separator: "\n").count < 2 + MetricID.allCases.count { problems.append("table has too few lines") }
        return problems
    }

    static func expectWellFormed(_ outcome: Outcome, _ bytes: [UInt8], name: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .report(let problems) = outcome, !problems.isEmpty else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(name).txt")
        try? Data(bytes).write(to: file)
        let list = problems.prefix(10).joined(separator: "\n")
        Issue.record("\(name) (saved as \(file.path)):\n\(list)",
                     sourceLocation: sourceLocation)
    }

    static func datasetTexts() throws -> [String] {
        try TestSupport.datasetNames.map(TestSupport.text)
    }

    /// Small hand-made inputs around the figures (each also a base for mutations).
    static let snippets: [String] = [
        "2024年度部门决算\n八、财政拨款“三公”经费支出决算情况说明\n“三公”经费全年预算0.98万元，支出决算0.97万元，完成预算的98.98%。其中：因公出国（境）费0万元；公务用车购置及运行维护费0万元；公务接待费0.97万元，占100%。\n",
        "2023年度单位决算\n金额单位：元\n项目\t行次\t金额\n本年支出合计\t1\t33,323,700.00\n基本支出\t2\t10,000.5\n项目支出\t3\t33,313,699.50\n",
        "2024年度部门预算\n二、支出预算情况说明\n本年支出预算合计4,499.46万元，其中：基本支出1,271.25万元，占28.25%；项目支出3,228.21万元，占71.75%。\n",
        "2024年度部门决算\n（二）政府采购支出情况\n政府采购支出总额700万元，其中：政府采购货物支出100万元、政府采购工程支出0万元、政府采购服务支出600万元。授予中小企业合同金额690.9万元，占政府采购支出总额的98.70%，其中：授予小微企业合同金额700万元。\n",
        "目录\n第一部分 单位概况\t1\n一、主要职能\t2\n第二部分 2024年度部门决算表\t5\n第一部分 单位概况\n十、机关运行经费支出情况说明\n2024年机关运行经费支出19.07万元，比2023年减少-0.04万元，下降-0.2%。\n纳入本部门决算编制范围的预算单位共计 1 家。\n",
        "## **2020年度包头市昆都仑区工业和信息化局部门决算**\n\n“三公”经费支出决算0.68万元，与上年相比，减少0.01万元，下降1.02%。\n“三公”经费支出决算0.68\n万元。本年支出决算合计\n4,499.46万元。\u{0C}公务接待费\r\n0.\r\n97万元\r\n",
        "2024年度部门决算\n“三公”经费支出决算表\n预算数\t\t\t\t\t\t决算数\n1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\n7.50\t\t7.50\t\t7.50\t\t7.50\t\t7.50\t\t7.50\t\n",
    ]
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, well-mixed generator whose output for a
/// seed never changes across platforms or toolchains, unlike `SystemRandomNumberGenerator`.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0 ..< n (0 when n ≤ 0); the tiny modulo bias does not matter here.
    mutating func below(_ n: Int) -> Int {
        n <= 0 ? 0 : Int(next() % UInt64(n))
    }

    /// True with probability 1 / n.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}

/// The mutations: text first, then an encoding, then bytes.
enum Mutator {
    enum Kind: String, CaseIterable, Sendable {
        // Text.
        case fortyDigits, twoDecimalPoints, hugeNegative, negativeChange, percentOver100
        case deleteUnits, doubleUnits, joinLines, splitLines, fullWidthDigits, thousandsSeparators
        case repeatSection, deleteLines, swapLines, controlCharacters, markdown, longLine
        // Bytes.
        case truncate, flipBytes, invalidBytes, deleteBytes, doubleBytes

        var isBytes: Bool {
            switch self {
            case .truncate, .flipBytes, .invalidBytes, .deleteBytes, .doubleBytes: return true
            default: return false
            }
        }
    }

    /// A run of 10 to 90 whole lines of `text`.
    static func window(of text: String, random: inout SplitMix64) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let length = 10 + random.below(80)
        let start = random.below(max(1, lines.count - length))
        return lines[start..<min(lines.count, start + length)].joined(separator: "\n")
    }

    /// One to four text mutations, an encoding, then (one time in three) one or two byte
    /// mutations: most damaged bytes make a file undecodable, which is one refusal, so more
    /// would leave few mutants to read.
    static func mutate(_ text: String, random: inout SplitMix64) -> [UInt8] {
        let textKinds = Kind.allCases.filter { !$0.isBytes }
        let byteKinds = Kind.allCases.filter(\.isBytes)
        var mutated = text
        for _ in 0..<(1 + random.below(4)) {
            mutated = apply(textKinds[random.below(textKinds.count)], to: mutated, random: &random)
        }
        var bytes = encode(mutated, random: &random)
        if random.oneIn(3) {
            for _ in 0..<(1 + random.below(2)) {
                bytes = applyBytes(byteKinds[random.below(byteKinds.count)], to: bytes, random: &random)
            }
        }
        return bytes
    }

    /// UTF-8 (most often), UTF-8 with BOM, GB18030, UTF-16 LE or BE with BOM.
    static func encode(_ text: String, random: inout SplitMix64) -> [UInt8] {
        switch random.below(8) {
        case 0: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 1: return text.data(using: String.Encoding(rawValue: 0x8000_0632)).map(Array.init) ?? Array(text.utf8)
        case 2:
            var out: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return out
        case 3:
            var out: [UInt8] = [0xFE, 0xFF]
            for unit in text.utf16 { out += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            return out
        default: return Array(text.utf8)
        }
    }

    // MARK: Text

    static func apply(_ kind: Kind, to text: String, random: inout SplitMix64) -> String {
        if kind.isBytes { return text }
        var s = Array(text.unicodeScalars)
        switch kind {
        case .fortyDigits:
            replaceNumbers(&s, random: &random) { _ in "1234567890123456789012345678901234567890" }
        case .twoDecimalPoints:
            replaceNumbers(&s, random: &random) { r in ["1.2.3", "0..5", "3332.37.1", "1.", ".5"][r.below(5)] }
        case .hugeNegative:
            replaceNumbers(&s, random: &random) { r in
                ["-9223372036854775808", "-9223372036854.775808", "-99999999999999999.99", "9223372036854.7758", "-0.000001"][r.below(5)]
            }
        case .negativeChange:
            insert(&s, ["，与上年相比减少-5,252.65万元，下降-73.50%。", "比上年增加-0.32万元。", "减少-", "下降-\n73.50%"][random.below(4)], random: &random)
        case .percentOver100:
            replaceNumbers(&s, random: &random) { r in ["150.25", "100.01", "99999", "1000000000000000000"][r.below(4)] }
            insert(&s, ["，占1000%", "，完成预算的250%", "%%", "120％"][random.below(4)], random: &random)
        case .deleteUnits:
            removeOccurrences(&s, of: ["万元", "%", "元", "％"], random: &random)
        case .doubleUnits:
            doubleOccurrences(&s, of: ["万元", "%", "元"], random: &random)
        case .joinLines:
            let breaks = s.indices.filter { s[$0] == "\n" }
            for index in breaks.reversed() where random.oneIn(2) { s.remove(at: index) }
        case .splitLines:
            for _ in 0..<(1 + random.below(8)) where !s.isEmpty { s.insert("\n", at: random.below(s.count + 1)) }
        case .fullWidthDigits:
            for i in s.indices where s[i].value >= 0x30 && s[i].value <= 0x39 && random.oneIn(2) {
                s[i] = Unicode.Scalar(s[i].value - 0x30 + 0xFF10) ?? s[i]
            }
            for i in s.indices where (s[i] == "." || s[i] == "," || s[i] == "%") && random.oneIn(2) {
                s[i] = s[i] == "." ? "．" : s[i] == "," ? "，" : "％"
            }
        case .thousandsSeparators:
            for i in s.indices.reversed() where s[i].value >= 0x30 && s[i].value <= 0x39 && random.oneIn(6) {
                s.insert(",", at: i)
            }
        case .repeatSection:
            var lines = split(s)
            guard !lines.isEmpty else { break }
            let start = random.below(lines.count)
            let length = 1 + random.below(min(40, lines.count - start))
            let copies = 1 + random.below(5)
            let section = Array(lines[start..<(start + length)])
            for _ in 0..<copies { lines.insert(contentsOf: section, at: start + length) }
            s = join(lines)
        case .deleteLines:
            var lines = split(s)
            guard !lines.isEmpty else { break }
            let start = random.below(lines.count)
            lines.removeSubrange(start..<min(lines.count, start + 1 + random.below(30)))
            s = join(lines)
        case .swapLines:
            var lines = split(s)
            guard lines.count > 1 else { break }
            for _ in 0..<(1 + random.below(6)) { lines.swapAt(random.below(lines.count), random.below(lines.count)) }
            s = join(lines)
        case .controlCharacters:
            let pieces: [String] = ["\r", "\r\n", "\u{0C}", "\t", "\u{3000}", "\u{200B}", "\u{0301}", "\u{FEFF}", "\u{202E}", "😀", "\u{0B}", "\u{1B}[1m", "\u{00A0}", "\u{FFFD}"]
            for _ in 0..<(1 + random.below(10)) { insert(&s, pieces[random.below(pieces.count)], random: &random) }
        case .markdown:
            let pieces = ["**", "*", "__", "# ", "## ", "- ", "* ", "> ", "|", "`", "######## "]
            for _ in 0..<(1 + random.below(10)) { insert(&s, pieces[random.below(pieces.count)], random: &random) }
        case .longLine:
            // One line of tens of thousands of scalars: labels, numbers and no sentence end.
            let unit = ["公务接待费1万元，", "占项目支出", "100%", "1,234", "ab市", "局", " ", "*"][random.below(8)]
            insert(&s, String(repeating: unit, count: 2_000 + random.below(6_000)), random: &random)
        case .truncate, .flipBytes, .invalidBytes, .deleteBytes, .doubleBytes:
            break
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }

    static func split(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        s.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        Array(lines.joined(separator: ["\n"]))
    }

    static func insert(_ s: inout [Unicode.Scalar], _ piece: String, random: inout SplitMix64) {
        s.insert(contentsOf: piece.unicodeScalars, at: random.below(s.count + 1))
    }

    /// Replaces some of the numbers (digit runs with `.` and `,`) with `replacement`.
    static func replaceNumbers(_ s: inout [Unicode.Scalar], random: inout SplitMix64,
                               _ replacement: (inout SplitMix64) -> String) {
        var runs: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i].value >= 0x30 && s[i].value <= 0x39 else { i += 1; continue }
            var j = i
            while j < s.count, (s[j].value >= 0x30 && s[j].value <= 0x39) || s[j] == "." || s[j] == "," { j += 1 }
            runs.append(i..<j)
            i = j
        }
        for run in runs.reversed() where random.oneIn(3) {
            s.replaceSubrange(run, with: replacement(&random).unicodeScalars)
        }
    }

    static func occurrences(_ s: [Unicode.Scalar], of words: [String]) -> [Range<Int>] {
        let patterns = words.map { Array($0.unicodeScalars) }
        var found: [Range<Int>] = []
        var i = 0
        while i < s.count {
            if let p = patterns.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) {
                found.append(i..<(i + p.count))
                i += p.count
            } else {
                i += 1
            }
        }
        return found
    }

    static func removeOccurrences(_ s: inout [Unicode.Scalar], of words: [String], random: inout SplitMix64) {
        for range in occurrences(s, of: words).reversed() where random.oneIn(2) { s.removeSubrange(range) }
    }

    static func doubleOccurrences(_ s: inout [Unicode.Scalar], of words: [String], random: inout SplitMix64) {
        for range in occurrences(s, of: words).reversed() where random.oneIn(2) {
            s.insert(contentsOf: Array(s[range]), at: range.upperBound)
        }
    }

    // MARK: Bytes

    static func applyBytes(_ kind: Kind, to bytes: [UInt8], random: inout SplitMix64) -> [UInt8] {
        var b = bytes
        switch kind {
        case .truncate:
            b = Array(b.prefix(random.below(b.count + 1)))
        case .flipBytes:
            for _ in 0..<(1 + random.below(8)) where !b.isEmpty {
                b[random.below(b.count)] = UInt8(truncatingIfNeeded: random.next())
            }
        case .invalidBytes:
            let pieces: [[UInt8]] = [[0x00], [0xFF], [0x80], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x81, 0x30], [0x00, 0x00, 0x00]]
            for _ in 0..<(1 + random.below(4)) {
                b.insert(contentsOf: pieces[random.below(pieces.count)], at: random.below(b.count + 1))
            }
        case .deleteBytes:
            guard !b.isEmpty else { break }
            let start = random.below(b.count)
            b.removeSubrange(start..<min(b.count, start + 1 + random.below(16)))
        case .doubleBytes:
            guard !b.isEmpty else { break }
            let start = random.below(b.count)
            let piece = Array(b[start..<min(b.count, start + 1 + random.below(64))])
            b.insert(contentsOf: piece, at: start)
        default:
            break
        }
        return b
    }
}

extension String {
    /// A hash that does not change between runs (`hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

extension Mutator.Kind {
    var hashValueStable: UInt64 { rawValue.hashValueStable }
}
