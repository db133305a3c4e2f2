import Foundation
import Testing
@testable import DisclosureKit

/// The page of each line: form feeds as pdftotext writes them, numbered as `Normalizer` numbers lines.
@Suite struct PageMapTests {
    /// The page of each of the text's lines 1…`count`.
    func pages(_ text: String, lines count: Int) throws -> [Int] {
        let map = try #require(PageMap(text))
        return (1...count).map { map.page(ofLine: $0) }
    }

    @Test("text without a form feed has no pages")
    func plainText() {
        #expect(PageMap("第一行\n第二行\n") == nil)
        #expect(PageMap("") == nil)
    }

    @Test("pdftotext's layout: each page ends with a line end and a form feed")
    func pdftotextPages() throws {
        // Lines: 1 一, 2 二, 3 \f三 (page 2), 4 四, 5 \f五 (page 3); the last \f opens an empty page.
        let text = "一\n二\n\u{0C}三\n四\n\u{0C}五\n\u{0C}"
        #expect(try pages(text, lines: 5) == [1, 1, 2, 2, 3])
        #expect(PageMap(text)?.count == 4)
    }

    @Test("a form feed after text ends that line; one at a line's start ends nothing")
    func formFeedInsideALine() throws {
        // 第一页 (1, page 1), 第二页 (2, page 2), 接着 (3, page 2): as Normalizer numbers them.
        #expect(try pages("第一页\u{0C}第二页\n接着", lines: 3) == [1, 2, 2])
        #expect(Normalizer().normalize("第一页\u{0C}第二页\n接着").physicalLineCount == 3)
        #expect(try pages("a\n\u{0C}b", lines: 2) == [1, 2])
        #expect(Normalizer().normalize("a\n\u{0C}b").physicalLineCount == 2)
    }

    @Test("CR, LF and CRLF each end one line")
    func lineEnds() throws {
        let text = "a\r\nb\rc\n\u{0C}d\r\n\u{0C}e"
        #expect(try pages(text, lines: 5) == [1, 1, 1, 2, 3])
        #expect(Normalizer().normalize(text).physicalLineCount == 5)
    }

    @Test("an empty page (two form feeds) is skipped: the next line is on the page after it")
    func emptyPage() throws {
        #expect(try pages("a\n\u{0C}\u{0C}b", lines: 2) == [1, 3])
        #expect(try pages("\u{0C}a", lines: 1) == [2])
    }

    @Test("on random mixtures of line ends and form feeds every line has a page, ascending")
    func randomMixtures() throws {
        var generator = SplitMix64(seed: 8)
        let pieces = ["甲", "b", "\n", "\r", "\r\n", "\u{0C}", " "]
        for _ in 0..<300 {
            let text = (0..<(1 + generator.below(40))).map { _ in pieces[generator.below(pieces.count)] }.joined()
            guard text.unicodeScalars.contains("\u{0C}") else { continue }
            let lines = Normalizer().normalize(text).physicalLineCount
            let map = try #require(PageMap(text))
            // Every line's page lies within the map, ascending.
            let pages = (1...max(1, lines)).map { map.page(ofLine: $0) }
            #expect(pages == pages.sorted())
            #expect(pages.allSatisfy { $0 >= 1 && $0 <= map.count })
            #expect(map.firstLines.allSatisfy { $0 >= 1 && $0 <= lines + 1 }, "\(text.debugDescription)")
        }
    }

    @Test("a PDF without any page break is one page")
    func singlePage() {
        #expect(PageMap.singlePage.page(ofLine: 1) == 1)
        #expect(PageMap.singlePage.page(ofLine: 5000) == 1)
    }
}
