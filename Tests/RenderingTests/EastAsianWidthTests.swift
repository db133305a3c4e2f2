import Testing
@testable import Rendering

@Suite struct EastAsianWidthTests {
    @Test func chineseTakesTwoColumnsPerCharacter() {
        #expect(EastAsianWidth.columns(of: "包头市") == 6)
        #expect(EastAsianWidth.columns(of: "鄂尔多斯市财政局") == 16)
    }

    @Test func asciiTakesOneColumnPerCharacter() {
        #expect(EastAsianWidth.columns(of: "abc") == 3)
        #expect(EastAsianWidth.columns(of: "3332.37") == 7)
        #expect(EastAsianWidth.columns(of: "") == 0)
    }

    @Test func fullwidthFormsTakeTwoColumns() {
        #expect(EastAsianWidth.columns(of: "１２") == 4)
        #expect(EastAsianWidth.columns(of: "（万元）") == 8)
        #expect(EastAsianWidth.columns(of: "￥") == 2)
        #expect(EastAsianWidth.columns(of: "，。、") == 6)
    }

    @Test func curlyQuotesAreAmbiguousAndCountOne() {
        #expect(EastAsianWidth.columns(of: "“三公”") == 6)
        #expect(EastAsianWidth.columns(of: "“三公”经费") == 10)
        #expect(EastAsianWidth.columns(of: "…") == 1)
        #expect(EastAsianWidth.columns(of: "─") == 1)
    }

    @Test func combiningMarksTakeNoColumns() {
        // "e" + U+0301 and "a" + U+0300 + U+0323: one grapheme each, one column each.
        let accented = "e\u{301}a\u{300}\u{323}"
        #expect(accented.count == 2)
        #expect(accented.unicodeScalars.count == 5)
        #expect(EastAsianWidth.columns(of: accented) == 2)
        #expect(EastAsianWidth.columns(of: Character("e\u{301}")) == 1)
        #expect(EastAsianWidth.columns(of: "Cafe\u{301}") == 4)
    }

    @Test func formatAndControlCharactersTakeNoColumns() {
        #expect(EastAsianWidth.columns(of: "a\u{200B}b") == 2)
        #expect(EastAsianWidth.columns(of: "\u{FEFF}包头") == 4)
        #expect(EastAsianWidth.columns(of: "\u{7}\u{1B}") == 0)
        #expect(EastAsianWidth.columns(of: Character("\r\n")) == 0)
        #expect(EastAsianWidth.columns(of: Character("\u{200D}")) == 0)
    }

    @Test func emojiAndOtherWideScriptsTakeTwoColumns() {
        #expect(EastAsianWidth.columns(of: "😀") == 2)
        #expect(EastAsianWidth.columns(of: "🤔") == 2)
        #expect(EastAsianWidth.columns(of: "👍🏽") == 2) // one grapheme: thumb plus skin tone
        #expect(EastAsianWidth.columns(of: "한국") == 4)
        #expect(EastAsianWidth.columns(of: "ひらカタ") == 8)
        #expect(EastAsianWidth.columns(of: "\u{20000}") == 2) // CJK extension B
        #expect(EastAsianWidth.columns(of: "㈠") == 2)
        #expect(EastAsianWidth.columns(of: "\u{3000}") == 2) // ideographic space
    }

    @Test func tableIsSortedAndDisjoint() {
        let ranges = EastAsianWidth.ranges
        for range in ranges {
            #expect(range.low <= range.high)
            #expect(range.width == 0 || range.width == 2)
        }
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            #expect(a.high < b.low, "\(String(a.low, radix: 16)) overlaps \(String(b.low, radix: 16))")
        }
    }

    @Test func paddingCountsDisplayColumns() {
        #expect(EastAsianWidth.padding("包头市", toColumns: 10, alignRight: false) == "包头市    ")
        #expect(EastAsianWidth.padding("包头市", toColumns: 10, alignRight: true) == "    包头市")
        #expect(EastAsianWidth.padding("abc", toColumns: 2, alignRight: true) == "abc")
        #expect(EastAsianWidth.padding("abc", toColumns: -5, alignRight: false) == "abc")
    }

    @Test func truncationEndsWithEllipsisAndFits() {
        #expect(EastAsianWidth.truncated("内蒙古自治区财政厅", toColumns: 9) == "内蒙古自…")
        // A wide character that does not fit before the ellipsis is dropped: 8 columns.
        #expect(EastAsianWidth.truncated("内蒙古自治区财政厅", toColumns: 8) == "内蒙古…")
        #expect(EastAsianWidth.truncated("Ordos City", toColumns: 6) == "Ordos…")
        #expect(EastAsianWidth.truncated("包头市", toColumns: 6) == "包头市")
        #expect(EastAsianWidth.truncated("包头市", toColumns: 1) == "…")
        #expect(EastAsianWidth.truncated("包头市", toColumns: 0) == "")
        #expect(EastAsianWidth.truncated("包头市", toColumns: Int.min) == "")
        for n in 1...12 {
            let cut = EastAsianWidth.truncated("“三公”经费支出abc", toColumns: n)
            #expect(EastAsianWidth.columns(of: cut) <= n)
        }
    }
}
