import Testing
@testable import DisclosureKit

/// Normalize: line splitting, width folding, markdown marks, canonical numbers, watermarks.
@Suite("Normalizer")
struct NormalizerTests {
    @Test("full-width digits, point, comma, percent and ideographic space fold: ０．９７　万元 → 0.97万元")
    func fullWidth() {
        #expect(Stage.texts(["公务接待费支出０．９７　万元。"]) == ["公务接待费支出0.97万元。"])
        #expect(Stage.texts(["财政拨款收入５，３０７．６３万元，占比１００．００％。"]) == ["财政拨款收入5307.63万元，占比100.00%。"])
        // A full-width comma between words stays a clause mark.
        #expect(Stage.texts(["支出决算０．９７万元，完成预算的９９．３１％。"]) == ["支出决算0.97万元，完成预算的99.31%。"])
    }

    @Test("full-width and typographic minus signs before digits become -", arguments: ["－０．３２", "\u{2212}0.32", "\u{FE63}0.32"])
    func minusSigns(_ number: String) {
        #expect(Stage.texts(["较上年减少\(number)万元。"]) == ["较上年减少-0.32万元。"])
    }

    @Test("thousands separators in well-formed groups go: 4,499.46万元 and 33,389,400元")
    func thousandsSeparators() {
        #expect(Stage.texts(["本年支出决算合计4,499.46万元。"]) == ["本年支出决算合计4499.46万元。"])
        #expect(Stage.texts(["政府采购支出总额33,389,400 元。"]) == ["政府采购支出总额33389400元。"])
        #expect(Stage.texts(["减少-5,252.65 万元。"]) == ["减少-5252.65万元。"])
    }

    @Test("a comma that is not a thousands separator stays", arguments: [
        "7.496,5", "1,23", "12,3456", "1234,567",
    ])
    func malformedSeparatorsStay(_ number: String) {
        let text = Stage.texts(["公务接待费支出\(number) 万元。"])
        #expect(text == ["公务接待费支出\(number)万元。"])
    }

    @Test("spaces between a number and 万元, 元 or % go; other spaces stay")
    func unitSpaces() {
        #expect(Stage.texts(["2024 年度支出 0.97  万元，占 12.39 %，计 9700 元。"]) == ["2024 年度支出 0.97万元，占 12.39%，计 9700元。"])
    }

    @Test("markdown heading marks and ** emphasis are removed; the heading is remembered")
    func markdown() throws {
        let text = Stage.normalize(["## **十一、机关运行经费（公用经费）支出决算情况说明**", "", "**（二）公用经费 124.46 万元。**主要包括：办公费。"])
        #expect(text.lines.map(\.text) == ["十一、机关运行经费（公用经费）支出决算情况说明", "（二）公用经费 124.46万元。主要包括：办公费。"])
        #expect(text.lines.map(\.wasMarkdownHeading) == [true, false])
        // A leading `* ` bullet stays, a lone emphasis star goes.
        #expect(Stage.texts(["* 公务接待费*支出0.97万元。"]) == ["* 公务接待费支出0.97万元。"])
    }

    @Test("LF, CR and CRLF all end lines; numbers refer to the file's lines")
    func lineEnds() {
        let text = Normalizer().normalize("第一句。\r\n第二句。\r第三句。\n\n第四句。")
        #expect(text.physicalLineCount == 5)
        #expect(text.lines.map(\.text) == ["第一句。", "第二句。", "第三句。", "第四句。"])
        #expect(text.lines.map(\.firstLine) == [1, 2, 3, 5])
    }

    @Test("a form feed ends a line; PageMap numbers the lines as the normalizer does", arguments: [
        ("第一页的句子。\u{0C}第二页的句子。\n第二页另一句。", [1, 2, 3], [1, 2, 2]),
        // pdftotext's own layout: the page break right after a line break ends no line.
        ("第一页的句子。\n\u{0C}第二页的句子。\n\u{0C}", [1, 2], [1, 2]),
        ("甲。\r\n\u{0C}\u{0C}乙。", [1, 2], [1, 3]),
    ])
    func formFeedPages(text: String, firstLines: [Int], pages: [Int]) throws {
        let normalized = Normalizer().normalize(text)
        #expect(normalized.lines.map(\.firstLine) == firstLines)
        let map = try #require(PageMap(text))
        #expect(normalized.lines.map { map.page(ofLine: $0.firstLine) } == pages)
    }

    @Test("a watermark line repeated 5× disappears and the sentence it cut is whole")
    func watermarkRemoved() throws {
        let lines = [
            "仅供内部审核", "怀仁市工业和信息化局2024年度部门决算公开。", "仅供内部审核", "仅供内部审核",
            "2024年机关运行经费支出", "仅供内部审核", "19.07万元，比2023年减少0.04万元。", "仅供内部审核",
        ]
        let text = Stage.normalize(lines)
        #expect(text.lines.map(\.text) == ["怀仁市工业和信息化局2024年度部门决算公开。", "2024年机关运行经费支出19.07万元，比2023年减少0.04万元。"])
        let joined = try #require(text.lines.last)
        let at = try #require(Stage.offset(of: "19.07", in: joined))
        #expect(joined.line(at: at) == 7)
        #expect(joined.firstLine == 5)
    }

    @Test("lines repeated 4×, with digits or sentence marks, or long, are never watermarks")
    func notWatermarks() {
        let four = ["内部资料", "第一句。", "内部资料", "第二句。", "内部资料", "第三句。", "内部资料"]
        #expect(Stage.texts(four).filter { $0 == "内部资料" }.count == 4)
        for line in ["第1页", "详见附表。", "其中："] {
            #expect(Stage.normalize(Array(repeating: line, count: 6)).lines.count == 6, "\(line)")
        }
        let long = "本部门认真贯彻落实中央八项规定精神和过紧日子要求严控开支"
        #expect(long.count > WatermarkFilter.maxLength)
        #expect(Stage.normalize(Array(repeating: long, count: 5)).lines.count == 5)
    }

    @Test("watermarks found by scalars are those found by comparing strings (random lines, fixed seed)")
    func watermarksAsStrings() {
        var random = SplitMix64(seed: 23)
        let pool = ["仅供内部审核", "内部资料", "内部 资料", "第1页", "其中：", "公", "本年支出决算合计", "a b", "资料\t", "“审核”"]
        for _ in 0..<300 {
            var lines = (0..<random.below(40)).map { _ in pool[random.below(pool.count)] }
            // Now and then a compatibility ideograph, which sends the filter to strings.
            if random.oneIn(8) { lines.append("\u{F900}字") }
            var fast = PhysicalLines(Stage.physical(lines))
            var plain = fast
            WatermarkFilter.removeWatermarks(from: &fast)
            WatermarkFilter.removeWatermarksComparingStrings(from: &plain)
            #expect(fast.lines.map(\.isBlank) == plain.lines.map(\.isBlank), "\(lines)")
        }
    }

    @Test("watermarks found by scalars are those found by comparing strings (hundreds of distinct lines)")
    func watermarksAsStringsManyGroups() {
        // Lines of two to four of a few ideographs (and now and then a digit): hundreds of
        // distinct candidates, more than the table has chains, some repeated five times or more.
        var random = SplitMix64(seed: 0x3A7E)
        let letters = ["甲", "乙", "丙", "丁", "戊", "1"]
        for _ in 0..<60 {
            let lines = (0..<(100 + random.below(1_500))).map { _ in
                (0..<(2 + random.below(3))).map { _ in letters[random.below(letters.count)] }.joined()
            }
            var fast = PhysicalLines(Stage.physical(lines))
            var plain = fast
            WatermarkFilter.removeWatermarks(from: &fast)
            WatermarkFilter.removeWatermarksComparingStrings(from: &plain)
            #expect(fast.lines.map(\.isBlank) == plain.lines.map(\.isBlank))
        }
    }

    @Test("a number cut across lines is made canonical after joining: ４，３３２． / ３７ 万元")
    func numberCanonicalAfterJoin() throws {
        let text = Stage.normalize(["本年支出决算合计４，３３２．", "３７ 万元。"])
        #expect(text.lines.map(\.text) == ["本年支出决算合计4332.37万元。"])
    }

    @Test("blank and whitespace-only input gives no lines")
    func blankInput() {
        #expect(Normalizer().normalize("").lines.isEmpty)
        #expect(Normalizer().normalize(" \n\u{3000}\n\t\n").lines.isEmpty)
    }
}
