import Testing
@testable import DisclosureKit

/// LineJoiner: mends the cuts a PDF converter makes, and only those.
@Suite("LineJoiner")
struct LineJoinerTests {
    @Test("label / blank line / number joins, and the number's line is the second line")
    func labelThenNumber() throws {
        let lines = Stage.joined(["本年支出决算合计", "", "4,499.46万元。"])
        #expect(lines.map(\.text) == ["本年支出决算合计4499.46万元。"])
        let line = try #require(lines.first)
        let number = try #require(Stage.offset(of: "4499.46", in: line))
        #expect(line.line(at: number) == 3)
        #expect(line.line(at: 0) == 1)
        #expect(line.firstLine == 1)
    }

    @Test("a unit, sign or decimal point left behind joins: 0.68 / 万元, 下降- / 73.50%, 3332. / 37万元, ３３３２． / ３７万元")
    func cutNumbers() {
        #expect(Stage.joined(["公务用车运行维护费支出0.68", "万元，用于车辆燃油费。"]).map(\.text)
                == ["公务用车运行维护费支出0.68万元，用于车辆燃油费。"])
        #expect(Stage.joined(["比上年下降-", "73.50%。"]).map(\.text) == ["比上年下降-73.50%。"])
        #expect(Stage.joined(["本年支出合计3332.", "37万元。"]).map(\.text) == ["本年支出合计3332.37万元。"])
        #expect(Stage.joined(["本年支出合计３３３２．", "３７万元。"]).map(\.text) == ["本年支出合计3332.37万元。"])
    }

    @Test("a number cut before its decimal point joins: 3332 / .37万元 (docs: `１` / `．３３`)")
    func cutBeforePoint() {
        #expect(Stage.joined(["本年支出合计3332", ".37万元。"]).map(\.text) == ["本年支出合计3332.37万元。"])
        #expect(Stage.joined(["本年支出合计３３３２", "．３７万元。"]).map(\.text) == ["本年支出合计3332.37万元。"])
    }

    @Test("up to four blank lines may stand in the cut, five may not")
    func blankGap() {
        #expect(Stage.joined(["本年支出合计", "", "", "", "", "3332.37万元。"]).count == 1)
        #expect(Stage.joined(["本年支出合计", "", "", "", "", "", "3332.37万元。"]).count == 2)
    }

    @Test("an item `（七）` on the next line is not joined")
    func ordinalItemNotJoined() {
        let lines = Stage.joined(["较上年增加14.85万元，主要原因是付型煤工作经费", "（七）关于2020年度财政拨款“三公”经费支出决算情况说明"])
        #expect(lines.count == 2)
        #expect(lines.last?.text == "（七）关于2020年度财政拨款“三公”经费支出决算情况说明")
    }

    @Test("items that open a line are never joined", arguments: ["1、财政拨款“三公”经费支出决算总体情况说明", "2. 公务接待费支出0.97万元。", "（1）因公出国（境）费0万元。", "三、支出决算情况说明", "第二部分 部门决算情况说明", "- 项目支出4649.76万元。"])
    func itemsNotJoined(_ next: String) {
        #expect(Stage.joined(["具体情况如下，包括", next]).count == 2)
    }

    @Test("`1.05万元` after a label is a number, not an item `1.`")
    func decimalIsNotAnItem() {
        #expect(LineJoiner.startsWithOrdinal(Array("1.05万元".unicodeScalars)[...]) == false)
        #expect(LineJoiner.startsWithOrdinal(Array("1.公务接待费".unicodeScalars)[...]) == true)
        #expect(Stage.joined(["公务接待费支出", "1.05万元。"]).count == 1)
    }

    @Test("`其中：` before a number on the next line is a list, not a cut")
    func countingSentence() {
        #expect(Stage.joined(["公务接待费支出0.97万元。其中：", "0.97万元用于国内接待。"]).count == 2)
        #expect(LineJoiner.isCountingSentence(Array("全年支出包括：".unicodeScalars)))
    }

    @Test("no join across a heading, a finished sentence or a table row")
    func hardBoundaries() {
        // A heading is not glued to the sentence below that starts with a year.
        #expect(Stage.joined(["三、支出决算情况说明", "2024年度支出合计5307.63万元。"]).count == 2)
        #expect(Stage.joined(["## 收入支出决算总体情况", "2024年度收入合计5307.63万元。"]).count == 2)
        #expect(Stage.joined(["公务接待费支出0.97万元。", "0.98万元为全年预算。"]).count == 2)
        #expect(Stage.joined(["公务接待费支出0.97万元；", "万元以下不计。"]).count == 2)
        #expect(Stage.joined(["本年支出合计\t58", "5307.63"]).count == 2)
        #expect(Stage.joined(["本年支出合计", "5307.63\t4607.63"]).count == 2)
    }

    @Test("ordinary prose of varied widths is not hard-wrapped: two unfinished lines stay apart")
    func proseNotWrapped() {
        var lines: [String] = []
        for k in 0..<30 { lines.append(Stage.filler(12 + (k * 7) % 40) + "。") }
        lines += ["本单位本年度无公务接待", "公务用车运行情况正常"]
        let result = LineJoiner().join(Stage.physical(lines))
        #expect(result.hardWrapped == false)
        #expect(result.lines.suffix(2).map(\.text) == ["本单位本年度无公务接待", "公务用车运行情况正常"])
    }

    /// A paragraph hard-wrapped at 27 characters, with `inner` starting `shift` characters
    /// before the end of line `row` (1-based).
    static func wrapped(_ inner: String, row: Int, shift: Int) -> [String] {
        let head = Stage.filler(27 * row - shift)
        return Stage.hardWrap(head + inner + Stage.filler(27 * 6), width: 27)
    }

    @Test("27-character hard wrapping is detected and a label cut in two is whole again")
    func hardWrappedLabel() throws {
        let lines = Self.wrapped("公务用车购置及运行维护费支出0.68万元，", row: 24, shift: 5)
        #expect(lines[23].hasSuffix("公务用车购"))
        let result = LineJoiner().join(Stage.physical(lines))
        #expect(result.hardWrapped)
        let line = try #require(result.lines.first { $0.text.contains("公务用车购置及运行维护费支出0.68万元") })
        let number = try #require(Stage.offset(of: "0.68", in: line))
        #expect(line.line(at: number) == 25)
    }

    @Test("in 27-character hard-wrapped text a label's number on the next line joins")
    func hardWrappedNumber() throws {
        let lines = Self.wrapped("公务接待费支出0.97万元，", row: 20, shift: 7)
        #expect(lines[19].hasSuffix("公务接待费支出"))
        #expect(lines[20].hasPrefix("0.97万元"))
        let observations = Stage.normalize(lines).lines.flatMap {
            StatementScanner().scan($0, family: .sangong)
        }
        let reception = try #require(observations.stage(.sangongReception, .value).first)
        #expect(reception.stated.description == "0.97")
        #expect(reception.line == 21)
    }

    @Test("in hard-wrapped text a number cut between two digits or at a separator joins")
    func hardWrappedDigits() throws {
        let lines = Self.wrapped("本年支出合计4,499.46万元，", row: 22, shift: 8)
        #expect(lines[21].hasSuffix("本年支出合计4,"))
        let text = Stage.normalize(lines)
        #expect(text.lines.contains { $0.text.contains("本年支出合计4499.46万元") })
        let lines2 = Self.wrapped("本年支出合计4499.46万元，", row: 22, shift: 9)
        #expect(lines2[21].hasSuffix("本年支出合计449"))
        #expect(Stage.normalize(lines2).lines.contains { $0.text.contains("本年支出合计4499.46万元") })
    }

    @Test("in hard-wrapped text an item `（七）` after a full unfinished line still starts a new line")
    func hardWrappedItemNotJoined() throws {
        var lines = Stage.hardWrap(Stage.filler(27 * 24 - 1) + "费", width: 27)
        #expect(lines.last?.count == 27)
        lines += ["（七）关于2020年度财政拨款“三公”经费支出决算情", "况说明", "", "1、财政拨款“三公”经费支出决算总体情况说明"]
        let result = LineJoiner().join(Stage.physical(lines))
        #expect(result.hardWrapped)
        let texts = result.lines.map(\.text)
        #expect(texts.suffix(2) == ["（七）关于2020年度财政拨款“三公”经费支出决算情况说明", "1、财政拨款“三公”经费支出决算总体情况说明"])
    }

    @Test("width is measured in display columns too: 27 CJK characters are 54 columns")
    func wrapWidthColumns() throws {
        let lines = Stage.physical(Stage.hardWrap(Stage.filler(27 * 30), width: 27))
        let wrap = try #require(WrapWidth.detect(lines))
        #expect(wrap.isFull(lines[0]))
        #expect(WrapWidth.measure(Array("公务接待费0.97".unicodeScalars)[...], .columns) == 14)
        #expect(WrapWidth.measure(Array("公务接待费0.97".unicodeScalars)[...], .characters) == 9)
    }
}
