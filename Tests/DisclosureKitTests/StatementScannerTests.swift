import Testing
@testable import DisclosureKit

/// StatementScanner: labels bind the numbers after them through role words only.
@Suite("StatementScanner")
struct StatementScannerTests {
    @Test("０．９７ 万元 after a label is the observation 0.97 万元")
    func fullWidthValue() throws {
        let found = Stage.statements("公务接待费支出０．９７ 万元。", family: .sangong)
        #expect(found.count == 1)
        let o = try #require(found.first)
        #expect(o.metric == .sangongReception)
        #expect(o.role == .value)
        #expect(o.stated.description == "0.97")
        #expect(o.unit == .wanYuan)
        #expect(o.amount == Stage.wan("0.97"))
        #expect(o.label == "公务接待费")
        #expect(o.place == .ownSection)
        #expect(o.line == 1)
    }

    @Test("4,499.46万元 is 4499.46")
    func thousandsSeparator() throws {
        let o = try #require(Stage.statements("本年支出决算合计4,499.46万元。").stage(.totalExpenditure).first)
        #expect(o.stated.description == "4499.46")
        #expect(o.amount?.fen == 4_499_460_000)
    }

    @Test("7.496,5 万元 gives no figure, and the label binds nothing after it")
    func malformedNumber() {
        #expect(Stage.statements("公务接待费支出7.496,5 万元。").isEmpty)
        #expect(Stage.statements("公务接待费支出7.496,5万元、0.97万元。").isEmpty)
        #expect(Stage.statements("公务接待费支出1.2.3万元。").isEmpty)
    }

    @Test("国内公务接待费 0.97 万元 alone gives no sangong_reception", arguments: [
        "国内公务接待费 0.97 万元。", "国（境）外公务接待费 0 万元。", "外事公务接待费0万元。",
    ])
    func excludedPrefix(_ text: String) {
        #expect(Stage.statements(text, family: .sangong).stage(.sangongReception).isEmpty)
    }

    @Test("a sub-item sentence after the reception figure does not replace it")
    func subItemAfterFigure() {
        let found = Stage.statements("3. 公务接待费支出 0.97 万元。其中：国内公务接待费 0.90 万元，国（境）外公务接待费 0.07 万元。", family: .sangong)
        #expect(found.stage(.sangongReception).map(\.stated.description) == ["0.97"])
    }

    @Test("占政府采购支出总额的98.69% is a share of the SME amount, with its denominator")
    func shareWithDenominator() throws {
        let found = Stage.statements("政府采购授予中小企业合同金额140.14万元，占政府采购支出总额的98.69%。", family: .procurement)
        let value = try #require(found.stage(.procurementSME, .value).first)
        #expect(value.stated.description == "140.14")
        let share = try #require(found.stage(.procurementSME, .share).first)
        #expect(share.stated.description == "98.69")
        #expect(share.shareOf == "政府采购支出总额")
        #expect(share.unit == nil && share.amount == nil)
        #expect(found.stage(.procurementTotal).isEmpty)
    }

    @Test("a label right after 占 is a denominator, not a subject: 占本年支出合计的87.61%")
    func denominatorIsNotSubject() throws {
        let found = Stage.statements("项目支出4649.76万元，占本年支出合计的87.61%。", family: .expenditure)
        #expect(found.stage(.totalExpenditure).isEmpty)
        let share = try #require(found.stage(.projectExpenditure, .share).first)
        #expect(share.stated.description == "87.61")
        #expect(share.shareOf == "本年支出合计")
    }

    @Test("占比12.39% is a share without a named denominator")
    func shareWithoutDenominator() throws {
        let share = try #require(Stage.statements("基本支出657.87万元，占比12.39%；").stage(.basicExpenditure, .share).first)
        #expect(share.stated.description == "12.39")
        #expect(share.shareOf == nil)
    }

    @Test("全年预算 0.98 万元，支出决算 0.97 万元，完成预算的 99.31% gives budget, value and execution")
    func budgetValueExecution() throws {
        let found = Stage.statements("公务接待费全年预算 0.98 万元，支出决算 0.97 万元，完成预算的 99.31%。", family: .sangong)
        #expect(found.map(\.metric) == [.sangongReception, .sangongReception, .sangongReception])
        #expect(found.map(\.role) == [.budget, .value, .execution])
        #expect(found.map(\.stated.description) == ["0.98", "0.97", "99.31"])
    }

    @Test("the 三公 total with its budget, in the quote marks reports use", arguments: [
        "“三公”经费", "\"三公\"经费", "‘三公’经费", "三公经费",
    ])
    func sangongTotalBudget(_ label: String) throws {
        let found = Stage.statements("2024年度财政拨款\(label)全年预算0.98万元，支出决算0.97万元，完成预算的99.31%。", family: .sangong)
        #expect(found.stage(.sangongTotal).map(\.role) == [.budget, .value, .execution])
    }

    @Test("与上年决算相比，减少 0.01 万元，下降 1.02% gives change roles")
    func changeRoles() throws {
        let found = Stage.statements("公务接待费支出决算0.97万元，与上年决算相比，减少 0.01 万元，下降 1.02%。", family: .sangong)
        #expect(found.map(\.role) == [.value, .change, .changePercent])
        #expect(found.map(\.stated.description) == ["0.97", "0.01", "1.02"])
        #expect(found.allSatisfy { $0.metric == .sangongReception })
    }

    @Test("a signed change: 较上年减少-0.32 万元")
    func signedChange() throws {
        let o = try #require(Stage.statements("公务用车运行维护费支出较上年减少-0.32 万元。").first)
        #expect(o.metric == .sangongVehicleOperation)
        #expect(o.role == .change)
        #expect(o.stated.description == "-0.32")
        #expect(o.amount?.fen == -320_000)
    }

    @Test("a carried subject does not bind `：办公费 20.95 万元`")
    func carriedSubjectStopsAtOtherWords() {
        let found = Stage.statements("机关运行经费支出45.60万元，其中：办公费 20.95 万元，差旅费 3.77 万元。", family: .admin)
        #expect(found.map(\.stated.description) == ["45.60"])
        #expect(found.first?.metric == .adminOperatingCost)
    }

    @Test("公用经费 binds its own number with a lower preference than 机关运行经费")
    func labelRank() {
        let found = Stage.statements("公用经费 23.17 万元，主要包括：办公费 1.3 万元、差旅费 3.77 万元。机关运行经费支出决算20.00万元。", family: .admin)
        #expect(found.map(\.stated.description) == ["23.17", "20.00"])
        #expect(found.map(\.labelRank) == [1, 0])
        #expect(Stage.statements("日常公用经费 5.00 万元。").isEmpty)
    }

    @Test("three figures in one sentence each keep their own label")
    func severalLabels() {
        let found = Stage.statements("因公出国（境）费支出0万元，占0%；公务用车购置及运行维护费支出0.68万元，占100.00%；公务接待费支出0.00万元，占0.00%。", family: .sangong)
        let values = found.filter { $0.role == .value }
        #expect(values.map(\.metric) == [.sangongOutbound, .sangongVehicle, .sangongReception])
        #expect(values.map(\.stated.description) == ["0", "0.68", "0.00"])
        #expect(values.allSatisfy { $0.amount == .zero || $0.amount == Stage.wan("0.68") })
        #expect(found.filter { $0.role == .share }.map(\.stated.description) == ["0", "100.00", "0.00"])
    }

    @Test("ASCII parentheses and half-width labels are the same label")
    func asciiParentheses() {
        #expect(Stage.statements("因公出国(境)费支出0万元。").stage(.sangongOutbound).count == 1)
    }

    @Test("a subject ends with its sentence; a sentence of comparison words alone is its change")
    func sentenceEndsSubject() {
        #expect(Stage.statements("公务接待费支出0.97万元。全年支出 0.01 万元。").map(\.role) == [.value])
        // Only the change binds across the sentence end (see ChangeWordingTests).
        let found = Stage.statements("公务接待费支出0.97万元。与上年决算相比，减少 0.01 万元。")
        #expect(found.map(\.role) == [.value, .change])
    }

    @Test("counts and other bare numbers are never figures")
    func bareNumbers() {
        #expect(Stage.statements("因公出国（境）团组0个，累计0人次。").isEmpty)
        #expect(Stage.statements("公务用车购置0辆。").isEmpty)
    }

    @Test("other words between a label and a number bind nothing")
    func unknownWordsBreakBinding() {
        #expect(Stage.statements("本单位项目支出全面开展绩效自评涉及资金875.26万元。").isEmpty)
        #expect(Stage.statements("本单位项目支出全面开展绩效自评，共涉及资金875.26万元。").isEmpty)
    }

    @Test("appropriation-only wordings are not the bureau's figures", arguments: [
        "一般公共预算财政拨款项目支出875.26万元。", "财政拨款基本支出1589.25万元。", "政府性基金预算财政拨款支出合计700.00万元。",
        "政府采购支出合计141.99万元。",
    ])
    func appropriationOnly(_ text: String) {
        let found = Stage.statements(text)
        #expect(found.stage(.projectExpenditure).isEmpty)
        #expect(found.stage(.basicExpenditure).isEmpty)
        #expect(found.stage(.totalExpenditure).isEmpty)
    }

    @Test("amounts in 元 are read in 元 and held exactly: 9700元")
    func yuan() throws {
        let o = try #require(Stage.statements("公务接待费支出9700元。").first)
        #expect(o.unit == .yuan)
        #expect(o.stated.description == "9700")
        #expect(o.amount == Stage.wan("0.97"))
    }

    @Test("a per-unit price in 元/人 is not an amount")
    func perUnitPrice() {
        #expect(Stage.statements("公务接待费支出标准150元/人。").isEmpty)
    }

    @Test("a statement outside its family's section is `elsewhere`")
    func place() {
        #expect(Stage.statements("公务接待费支出0.97万元。", family: .expenditure).first?.place == .elsewhere)
        #expect(Stage.statements("公务接待费支出0.97万元。", family: nil).first?.place == .elsewhere)
        #expect(Stage.statements("公务接待费支出0.97万元。", family: .sangong).first?.place == .ownSection)
    }

    @Test("the snippet is the normalized sentence the number stands in")
    func snippet() throws {
        let o = try #require(Stage.statements("前一句。  **公务接待费支出 ０．９７ 万元**，主要用于调研。后一句。").first)
        #expect(o.snippet == "公务接待费支出 0.97万元，主要用于调研。")
    }

    @Test("a joined number keeps the line it was written on")
    func joinedLineProvenance() throws {
        let o = try #require(Stage.statements("说明。\n本年支出决算合计\n\n4,499.46万元。").first)
        #expect(o.line == 4)
        #expect(o.stated.description == "4499.46")
    }
}
