import Testing
@testable import DisclosureKit

/// The number of budget units a report covers, from the template's compilation-scope sentence.
@Suite struct UnitCountFinderTests {
    @Test func unitCountFinderReadsOnlyTheCompilationScope() {
        #expect(UnitCountFinder.unitCount(in: "纳入本部门（单位）决算编制范围的预算单位共计 1 家，具体包括") == 1)
        #expect(UnitCountFinder.unitCount(in: "纳入本部门**2024**年部门汇总预算编制范围的预算单位共**4**家") == 4)
        #expect(UnitCountFinder.unitCount(in: "纳入部门决算编制范围的预算单位共\n１２家") == 12)
        #expect(UnitCountFinder.unitCount(in: "纳入本部门决算编制范围的预算单位共三家") == 3)
        #expect(UnitCountFinder.unitCount(in: "纳入编制范围的预算单位共二十三个") == 23)
        #expect(UnitCountFinder.unitCount(in: "本部门包括本级及下设独立预算单位共有 3 家") == nil)
        #expect(UnitCountFinder.unitCount(in: "编制范围。预算单位共 3 家") == nil)
        #expect(UnitCountFinder.unitCount(in: "编制范围的预算单位共") == nil)
        #expect(UnitCountFinder.unitCount(in: "编制范围的预算单位共99999999999999999999家") == nil)
        #expect(UnitCountFinder.unitCount(in: "") == nil)
    }

    @Test func theDatasetsStateTheirUnits() throws {
        #expect(try TestSupport.extract(try TestSupport.text("baotou-2024-budget.txt")).metadata.unitCount == 4)
        #expect(try TestSupport.extract(try TestSupport.text("baotou-2024-final.txt")).metadata.unitCount == 1)
        #expect(try TestSupport.extract(try TestSupport.text("wuhai-2023-final.txt")).metadata.unitCount == 2)
    }

    @Test("read line by line in place, the count is the one of the lines joined into one text")
    func linesAsOneText() {
        let pieces = ["单位共", "单位共计", "编制范围", "编制范围的预算", "1", "12", "三", "家", "个", "。", "；", " ", "*", "有", "甲乙丙丁"]
        var random = SplitMix64(seed: 41)
        var counted = 0
        for _ in 0..<2_000 {
            // Random pieces, half of the lines a scope sentence with pieces around and inside it.
            func noise() -> String { (0..<random.below(4)).map { _ in pieces[random.below(pieces.count)] }.joined() }
            let lines = (0..<(1 + random.below(6))).map { _ in
                random.oneIn(2) ? noise() + noise()
                    : noise() + "编制范围" + noise() + "单位共" + noise() + ["1", "12", "三"][random.below(3)] + noise() + "家"
            }
            let expected = UnitCountFinder.unitCount(in: lines.joined(separator: "\n"))
            let text = NormalizedText(lines: lines.map { LogicalLine(scalars: Array($0.unicodeScalars), origins: []) },
                                      physicalLineCount: lines.count, wasHardWrapped: false)
            #expect(text.withLines { UnitCountFinder.unitCount(inLines: $0) } == expected, "\(lines)")
            if expected != nil { counted += 1 }
        }
        #expect(counted > 200)
    }

    @Test("the look back for 编制范围, matched while walking, is the search of the window copied out (random pieces)")
    func compilationScopeAsWindow() {
        // Texts of up to 40 pieces: some longer than the window, the words whole, split and reversed.
        var random = SplitMix64(seed: 43)
        let texts = (0..<1_000).map { _ in
            Array((0..<random.below(40)).map { _ in
                ["编制范围", "编制", "范围", "编", "制", "范", "围", "编编制范围", "围范制编", "。", "；", "单位共", "甲乙丙丁", "的预算", " "][random.below(15)]
            }.joined().unicodeScalars)
        }
        var found = 0
        for scalars in texts {
            for position in 0...scalars.count {
                let expected = Self.plainNamesCompilationScope(scalars, before: position)
                #expect(UnitCountFinder.namesCompilationScope(scalars, before: position) == expected, "\(scalars) \(position)")
                if expected { found += 1 }
            }
        }
        #expect(found > 1_000)
    }

    /// `UnitCountFinder.namesCompilationScope` as it was: the window before `position` (up to a
    /// sentence end, at most `scopeWindow` scalars) copied out and searched for the words.
    static func plainNamesCompilationScope(_ scalars: [Unicode.Scalar], before position: Int) -> Bool {
        var window: [Unicode.Scalar] = []
        var index = position
        while index > 0, window.count < UnitCountFinder.scopeWindow {
            index -= 1
            if scalars[index] == "。" || scalars[index] == "；" { break }
            window.insert(scalars[index], at: 0)
        }
        return String(String.UnicodeScalarView(window)).contains("编制范围")
    }
}
