import Testing
@testable import DisclosureKit

/// The audit's checks, each with a passing and a failing hand-made report.
@Suite("Consistency checks")
struct CheckTests {
    /// A small final-accounts report with the template's headings around `body`.
    static func report(_ sections: [(heading: String, text: String)]) -> String {
        (["2023年度某某市某某局部门决算公开"] + sections.flatMap { [$0.heading, $0.text] }).joined(separator: "\n")
    }

    static func findings(_ text: String) throws -> [Finding] {
        try TestSupport.extract(text).findings
    }

    static func sangong(_ total: String, _ outbound: String, _ vehicle: String, _ reception: String) -> String {
        report([("八、财政拨款“三公”经费支出决算情况说明",
                 "“三公”经费支出\(total)万元。因公出国（境）费支出\(outbound)万元；公务用车购置及运行维护费支出\(vehicle)万元；公务接待费支出\(reception)万元。")])
    }

    @Test func partsAddingUpWithinRoundingPass() throws {
        let f = try Self.findings(Self.sangong("3.77", "0", "2.50", "1.27"))
        #expect(!f.contains { $0.check == .partsTotal })
    }

    @Test func partsNotAddingUpAreAnError() throws {
        let f = try Self.findings(Self.sangong("3.77", "0", "2.50", "1.38"))
        let finding = try #require(f.first { $0.check == .partsTotal })
        #expect(finding.severity == .error)
        #expect(finding.metric == .sangongTotal)
        #expect(finding.stated == "3.77")
        #expect(finding.expected == "3.865–3.895")
        #expect(finding.lines == [3, 3, 3, 3])
    }

    static func procurement(total: String, goods: String = "0.42", works: String = "0", services: String = "0.39",
                            sme: String? = nil, smeShare: String? = nil, micro: String? = nil, microShare: String? = nil) -> String {
        var text = "本部门政府采购支出总额\(total)万元，其中：政府采购货物支出\(goods)万元、政府采购工程支出\(works)万元、政府采购服务支出\(services)万元。"
        if let sme { text += "授予中小企业合同金额\(sme)万元" + (smeShare.map { "，占政府采购支出总额的\($0)%" } ?? "") + "。" }
        if let micro { text += "授予小微企业合同金额\(micro)万元" + (microShare.map { "，占政府采购支出总额的\($0)%" } ?? "") + "。" }
        return report([("十二、政府采购支出决算情况说明", text)])
    }

    @Test func threeHalfCentErrorsMayAddUp() throws {
        // 0.42 + 0.00 + 0.39 = 0.81 against 0.82: three half-cent errors reach 0.015.
        #expect(!(try Self.findings(Self.procurement(total: "0.82", works: "0.00"))).contains { $0.check == .partsTotal })
        // Against 0.83 the parts cannot reach: [0.795, 0.825) and [0.825, 0.835) only touch.
        let f = try Self.findings(Self.procurement(total: "0.83", works: "0.00"))
        #expect(f.contains { $0.check == .partsTotal && $0.metric == .procurementTotal && $0.severity == .error })
    }

    @Test func smeAwardsMayNotExceedTheTotal() throws {
        let ok = try Self.findings(Self.procurement(total: "141.99", goods: "2.85", services: "139.14", sme: "140.14", micro: "140.14"))
        #expect(!ok.contains { $0.check == .smeOrder })
        let bad = try Self.findings(Self.procurement(total: "141.99", goods: "2.85", services: "139.14", sme: "140.14", micro: "150.00"))
        let finding = try #require(bad.first { $0.check == .smeOrder })
        #expect(finding.metric == .procurementSmallMicro)
        #expect(finding.severity == .error)
    }

    @Test func aStatedShareWithinRoundingIsOnlyInformation() throws {
        let f = try Self.findings(Self.procurement(total: "141.99", goods: "2.85", services: "139.14", sme: "140.14", smeShare: "98.69"))
        #expect(!f.contains { $0.severity == .error })
        let info = try #require(f.first { $0.check == .statedShare })
        #expect(info.severity == .info)
        #expect(info.metric == .procurementSMEShare)
        #expect(info.expected == "98.690–98.704")
    }

    @Test func aShareOfAnotherDenominatorIsNamed() throws {
        let f = try Self.findings(Self.procurement(total: "141.99", goods: "2.85", services: "139.14", sme: "140.14",
                                                   micro: "140.14", microShare: "100"))
        let finding = try #require(f.first { $0.check == .statedShare && $0.metric == .procurementSmallMicro })
        #expect(finding.severity == .error)
        #expect(finding.stated == "100")
        #expect(finding.messageChinese.contains("授予中小企业合同金额"))
        #expect(finding.messageEnglish.contains("fits Contracts awarded to SMEs"))
    }

    static func expenditure(_ total: String, _ basic: String, _ project: String, share: String) -> String {
        report([("三、支出决算情况说明", "本年支出合计\(total)万元，其中：基本支出\(basic)万元；项目支出\(project)万元，占\(share)%。")])
    }

    @Test func projectShareOutsideRoundingIsAnError() throws {
        let bad = try Self.findings(Self.expenditure("1271.25", "395.99", "875.26", share: "68.90"))
        let finding = try #require(bad.first { $0.check == .statedShare })
        #expect(finding.metric == .projectShare)
        #expect(finding.severity == .error)
        #expect(finding.expected == "68.849–68.851")
        let good = try Self.findings(Self.expenditure("1271.25", "395.99", "875.26", share: "68.85"))
        #expect(!good.contains { $0.check == .statedShare })
    }

    @Test func basicPlusProjectMustMatchTheTotal() throws {
        #expect(!(try Self.findings(Self.expenditure("1271.25", "395.99", "875.26", share: "68.85"))).contains { $0.check == .partsTotal })
        let bad = try Self.findings(Self.expenditure("1371.25", "395.99", "875.26", share: "63.83"))
        #expect(bad.contains { $0.check == .partsTotal && $0.metric == .totalExpenditure })
    }

    static func execution(_ rate: String) -> String {
        report([("八、财政拨款“三公”经费支出决算情况说明", "“三公”经费全年预算5.78万元，支出决算2.34万元，完成预算的\(rate)%。")])
    }

    @Test func executionRateWithinRoundingPasses() throws {
        // 2.34 / 5.78 = 40.48 %; the inputs' rounding allows 40.36 … 40.61.
        #expect(!(try Self.findings(Self.execution("40.54"))).contains { $0.check == .executionRate })
        let bad = try Self.findings(Self.execution("45.00"))
        let finding = try #require(bad.first { $0.check == .executionRate })
        #expect(finding.metric == .sangongExecution)
        #expect(finding.expected == "40.363–40.606")
    }

    @Test func oneFigureStatedTwiceDifferentlyIsAWarning() throws {
        let text = Self.report([("七、一般公共预算“三公”经费支出预算情况说明",
                            "“三公”经费预算支出3.77万元，其中：公务接待费支出1.27万元，公务用车购置及运行维护费支出2.50万元。公务接待费预算支出1.38万元。")])
            .replacingOccurrences(of: "决算公开", with: "预算公开")
        let f = try Self.findings(text)
        let finding = try #require(f.first { $0.check == .conflictingStatements })
        #expect(finding.severity == .warning)
        #expect(finding.metric == .sangongReception)
        #expect(finding.expected == "1.27")
        let same = Self.report([("七、一般公共预算“三公”经费支出预算情况说明", "公务接待费支出1.27万元。公务接待费预算支出1.27万元。")])
        #expect(!(try Self.findings(same)).contains { $0.check == .conflictingStatements })
    }

    @Test func contentsPromisingMissingTablesIsAWarning() throws {
        let text = """
        2023年度某某局部门决算公开
        目录
        第一部分 部门概况
        第二部分 部门决算表
        一、收入支出决算总表
        二、财政拨款“三公”经费支出决算表
        第一部分 部门概况
        某某局是市人民政府工作部门，负责全市工业和信息化工作的统筹协调与监督管理。
        第二部分 部门决算表
        见附件。
        """
        let finding = try #require(try Self.findings(text).first { $0.check == .contents })
        #expect(finding.severity == .warning)
        #expect(finding.stated == "4")
        #expect(finding.expected == "2")
        #expect(finding.messageChinese.contains("收入支出决算总表"))
        #expect(finding.messageChinese.contains("见附件"))
        let complete = text.replacingOccurrences(of: "见附件。", with: "一、收入支出决算总表\n二、财政拨款“三公”经费支出决算表")
        #expect(!(try Self.findings(complete)).contains { $0.check == .contents })
    }

    @Test func completenessCountsFiguresSectionsAndTables() throws {
        let report = try TestSupport.extract(Self.sangong("3.77", "0", "2.50", "1.27"))
        let c = report.completeness
        // 17 figures + 6 sections + 9 tables for final accounts.
        #expect(c.required == 32)
        // Only the 三公 section is written: its four figures are disclosed, the rest is missing.
        #expect(c.missing.contains("admin_operating_cost"))
        #expect(c.missing.contains("section:procurement"))
        #expect(!c.missing.contains("section:sangong"))
        #expect(c.missing.contains("table:sangong"))
        #expect(c.disclosed == 32 - c.missing.count)
        #expect(c.score == (c.disclosed * 200 + c.required) / (2 * c.required))
    }
}

/// The audit on the five datasets: what the issue says must and must not be found.
@Suite("Audit of the datasets")
struct DatasetAuditTests {
    static func findings(_ name: String) throws -> [Finding] {
        try TestSupport.extract(try TestSupport.text(name), document: name).findings
    }

    @Test func budgetConflictsAreFound() throws {
        let f = try Self.findings("baotou-2024-budget.txt").filter { $0.check == .conflictingStatements }
        #expect(Set(f.compactMap(\.metric)) == [.sangongReception, .sangongVehicle])
        #expect(f.allSatisfy { $0.severity == .warning })
    }

    @Test func kundulunProjectShareIsAnError() throws {
        let f = try Self.findings("kundulun-2020-final.txt")
        let finding = try #require(f.first { $0.metric == .projectShare })
        #expect(finding.severity == .error)
        #expect(finding.stated == "68.90")
        #expect(finding.expected == "68.849–68.851")
        // 0.42 + 0 + 0.39 against 0.82 holds within rounding.
        #expect(!f.contains { $0.metric == .procurementTotal && $0.severity == .error })
    }

    @Test func baotouSmallMicroShareNamesTheSMEDenominator() throws {
        let f = try Self.findings("baotou-2024-final.txt")
        let finding = try #require(f.first { $0.metric == .procurementSmallMicro && $0.check == .statedShare })
        #expect(finding.severity == .error)
        #expect(finding.messageChinese.contains("授予中小企业合同金额"))
        // 98.69 against 140.14 / 141.99 is not an error.
        #expect(!f.contains { $0.metric == .procurementSMEShare && $0.severity == .error })
        #expect(f.contains { $0.check == .contents && $0.severity == .warning })
    }

    @Test(arguments: ["wuhai-2023-final.txt", "kundulun-2020-final.txt", "baotou-2024-final.txt"])
    func statedExecutionRatesHold(_ name: String) throws {
        #expect(!(try Self.findings(name)).contains { $0.check == .executionRate })
    }
}

/// What is and is not a disclosure report.
@Suite struct ReportRecognitionTests {
    @Test func aPoemThatMentionsABudgetIsNotAReport() {
        let result = ReportExtractor().extract(text: "这是一首诗，与预算无关。\n春眠不觉晓，处处闻啼鸟。", document: "poem.md")
        guard case .failure(.notAReport) = result else {
            Issue.record("accepted a poem: \(result)")
            return
        }
    }

    @Test func aTitleAloneIsATruncatedReportWithNothingDisclosed() throws {
        let report = try TestSupport.extract("2024年度某某县财政局部门决算公开\n")
        #expect(report.metadata.kind == .final)
        #expect(report.metadata.fiscalYear == 2024)
        #expect(report.figures.allSatisfy { !$0.isDisclosed })
    }
}
