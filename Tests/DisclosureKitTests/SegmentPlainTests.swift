import Testing
@testable import DisclosureKit

/// The segment stage's fast paths give exactly what their plain definitions give: the heading
/// parser that reads the ordinal at offsets and skips to the digits and tabs, the classifier
/// that finds all its words in one pass, and the contents entry compared where it stands
/// instead of through a key made for each heading. Each plain version is kept here and
/// compared on random lines made of the pieces they look at, from a fixed seed.
@Suite("Segment fast paths agree with the plain ones")
struct SegmentPlainTests {
    /// Pieces of headings and statements: ordinals and their marks, the classifier's words and
    /// words that start like them, numbers, units, spaces, tabs, bullets, page numbers, and
    /// scalars that are not plain (a combining mark, a compatibility ideograph, a superscript).
    static let pieces: [String] = [
        "第", "部分", "部", "分", "（", "）", "(", ")", "、", "一", "二", "三", "十", "百", "〇", "零", "九",
        "三公", "三", "公", "机关运行经费", "机关", "机构运行经费", "机构", "公用经费", "公用", "基本支出", "基本",
        "政府采购", "政府", "政府性基金", "支出", "支", "情况", "情", "财政拨款", "财政", "一般公共预算", "一般",
        "国有资本", "国有", "项目支出", "项目", "收入", "收支", "收", "绩效", "绩", "说明", "决算", "预算", "经费",
        "0", "7", "12", "2024", "1464.79", ".", "万元", "万", "元", "%", " ", "\u{3000}", "\u{A0}", "\t", "-", "*",
        "#", "…", "目录", "单位", "：", "。", "a", "\u{0301}", "\u{F900}", "\u{00B2}", "⑤", "12万元", "87.61%", "5 . 3 元",
    ]

    static func randomLine(_ random: inout SplitMix64, pieces: Int) -> [Unicode.Scalar] {
        var text = ""
        for _ in 0..<random.below(pieces) { text += Self.pieces[random.below(Self.pieces.count)] }
        return Array(text.unicodeScalars)
    }

    /// A line that starts like a heading: marks, then an ordinal of some form, then pieces.
    static func randomHeading(_ random: inout SplitMix64) -> [Unicode.Scalar] {
        let marks = ["", "", "", " ", "- ", "* ", "\u{3000}", "-*", " - "]
        let ordinals = ["第二部分", "第十一部分", "第部分", "第二部", "三、", "十二、", "一", "（七）", "(二)", "（一", "（）",
                        "(十)", "第", "（", "二、", "一般", ""]
        var text = marks[random.below(marks.count)] + ordinals[random.below(ordinals.count)]
        text += String(String.UnicodeScalarView(randomLine(&random, pieces: 12)))
        if random.oneIn(12) { text += String(repeating: "说", count: 40 + random.below(100)) }
        return Array(text.unicodeScalars)
    }

    // MARK: Tabs and units

    /// The unit declared at the first 单 that starts `单位：万元` or `单位：元`, read scalar by scalar.
    static func plainDeclaredUnit(_ s: [Unicode.Scalar]) -> AmountUnit? {
        for i in s.indices where s[i] == "单" {
            guard i + 2 < s.count, s[i + 1] == "位", s[i + 2] == "：" || s[i + 2] == ":" else { continue }
            var k = i + 3
            while k < s.count, ScalarFolding.isSpace(s[k]) { k += 1 }
            if k + 1 < s.count, s[k] == "万", s[k + 1] == "元" { return .wanYuan }
            if k < s.count, s[k] == "元" { return .yuan }
        }
        return nil
    }

    @Test("a line's last tab and declared unit, read eight at a step, are those of a plain loop")
    func tabsAndUnits() {
        var random = SplitMix64(seed: 0x7AB_5355)
        let alphabet: [Unicode.Scalar] = ["\t", "单", "位", "：", ":", " ", "万", "元", "a", "说", "\u{0}", "\u{5354}", "\u{5356}",
                                          "\u{109}", "\u{15355}"]
        var tabs = 0
        var units = 0
        for _ in 0..<20_000 {
            let length = random.oneIn(4) ? random.below(80) : random.below(24)
            var line = (0..<length).map { _ in random.oneIn(3) ? alphabet[random.below(2)] : alphabet[random.below(alphabet.count)] }
            if random.oneIn(3) {
                let unit = ["单位：万元", "单位:元", "单位： 万元", "单位：", "单位"][random.below(5)]
                line.insert(contentsOf: unit.unicodeScalars, at: random.below(line.count + 1))
            }
            let lastTab = line.lastIndex(of: "\t")
            let unit = Self.plainDeclaredUnit(line)
            tabs += lastTab == nil ? 0 : 1
            units += unit == nil ? 0 : 1
            line.withUnsafeBufferPointer { buffer in
                let read = Segmenter.lastTabAndDeclaredUnit(buffer)
                #expect(read.lastTab == lastTab && read.unit == unit, "\(line)")
                // Also read from an offset, as a slice of a longer buffer.
                let cut = random.below(line.count + 1)
                let tail = Segmenter.lastTabAndDeclaredUnit(UnsafeBufferPointer(rebasing: buffer[cut...]))
                #expect(tail.lastTab == line[cut...].lastIndex(of: "\t").map { $0 - cut })
                #expect(tail.unit == Self.plainDeclaredUnit(Array(line[cut...])))
            }
        }
        #expect(tabs > 5_000)
        #expect(units > 2_000)
    }

    @Test("the tabs and units MetadataReading notes per line are lastTabAndDeclaredUnit's, and segment gives the same with them")
    func notedTabsAndUnits() {
        var random = SplitMix64(seed: 0x7AB_0009)
        // Besides the pieces: scalars above the BMP with the low bits of a tab and of 单, and
        // what starts the reading's other votes (a year, a department ending, 单位共).
        let alphabet: [Unicode.Scalar] = ["\t", "单", "位", "：", " ", "万", "元", "说", "\u{10009}", "\u{15355}", "年", "局", "共"]
        var tabs = 0
        var units = 0
        for _ in 0..<400 {
            var lines: [[Unicode.Scalar]] = []
            for _ in 0..<random.below(30) {
                var line = random.oneIn(2) ? Self.randomLine(&random, pieces: 10) : Self.randomHeading(&random)
                for _ in 0..<random.below(12) { line.insert(alphabet[random.below(alphabet.count)], at: random.below(line.count + 1)) }
                if random.oneIn(4) {
                    let unit = ["单位：万元", "单位:元", "单位： 万元", "单位共", "2024年"][random.below(5)]
                    line.insert(contentsOf: unit.unicodeScalars, at: random.below(line.count + 1))
                }
                lines.append(line)
            }
            let reading = MetadataReading(lines: lines)
            #expect(reading.lineMarks.count == lines.count)
            for (line, marks) in zip(lines, reading.lineMarks) {
                let lastTab = line.lastIndex(of: "\t")
                let unit = Self.plainDeclaredUnit(line)
                #expect(marks.tab == lastTab && marks.unit == unit, "\(line)")
                tabs += lastTab == nil ? 0 : 1
                units += unit == nil ? 0 : 1
            }
            let text = NormalizedText(lines: lines.map { LogicalLine(scalars: $0, origins: []) }, physicalLineCount: lines.count,
                                      wasHardWrapped: false)
            let noted = text.withLines { Segmenter().segment($0, marks: reading.lineMarks) }
            #expect(noted == Segmenter().segment(text))
        }
        #expect(tabs > 1_000)
        #expect(units > 300)
    }

    // MARK: Headings

    /// `HeadingParser.level` as it was: slices, prefixes and a scan for amounts and one for tabs.
    static func plainLevel(_ line: [Unicode.Scalar]) -> Int? {
        guard line.count <= HeadingParser.maxLength + HeadingParser.maxLeadingMarks else { return nil }
        var start = 0
        while start < line.count, ScalarFolding.isSpace(line[start]) || line[start] == "-" || line[start] == "*" { start += 1 }
        guard start < line.count, line.count - start <= HeadingParser.maxLength else { return nil }
        let s = line[start...]
        let numerals = Set(HeadingParser.numerals)
        let level: Int
        if s.first == "第" {
            let rest = s.dropFirst()
            let n = rest.prefix { numerals.contains($0) }
            guard !n.isEmpty, rest.dropFirst(n.count).starts(with: "部分".unicodeScalars) else { return nil }
            level = 0
        } else if s.first == "（" || s.first == "(" {
            let rest = s.dropFirst()
            let n = rest.prefix { numerals.contains($0) }
            guard !n.isEmpty, let close = rest.dropFirst(n.count).first, close == "）" || close == ")" else { return nil }
            level = 2
        } else {
            let n = s.prefix { numerals.contains($0) }
            guard !n.isEmpty, let mark = s.dropFirst(n.count).first, mark == "、" else { return nil }
            level = 1
        }
        guard !plainStatesAmount(s), !s.contains("\t") else { return nil }
        return level
    }

    /// `HeadingParser.statesAmount` as defined: a digit, then digits, `.` and spaces, then 万, 元 or %.
    static func plainStatesAmount(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var sawDigit = false
        for c in s {
            if ScalarFolding.isDigit(c) {
                sawDigit = true
            } else if sawDigit && (c == "万" || c == "元" || c == "%") {
                return true
            } else if c != "." && !ScalarFolding.isSpace(c) {
                sawDigit = false
            }
        }
        return false
    }

    @Test("heading levels and stated amounts are those of the plain reading")
    func headings() {
        var random = SplitMix64(seed: 0x5E6_4E47)
        var headings = 0
        var amounts = 0
        for n in 0..<20_000 {
            let line = n % 4 == 0 ? Self.randomLine(&random, pieces: 16) : Self.randomHeading(&random)
            let plain = Self.plainLevel(line)
            headings += plain == nil ? 0 : 1
            #expect(HeadingParser.level(of: line) == plain, "\(String(String.UnicodeScalarView(line)))")
            if plain != nil { line.withUnsafeBufferPointer { #expect(HeadingParser.mayStartHeading($0[...])) } }
            let states = Self.plainStatesAmount(line[...])
            amounts += states ? 1 : 0
            line.withUnsafeBufferPointer { buffer in
                #expect(HeadingParser.statesAmount(buffer[...]) == states, "\(String(String.UnicodeScalarView(line)))")
                // A slice that does not start at 0 reads only its own scalars.
                let cut = random.below(line.count + 1)
                #expect(HeadingParser.level(of: buffer[cut...]) == Self.plainLevel(Array(line[cut...])))
                #expect(HeadingParser.statesAmount(buffer[cut...]) == Self.plainStatesAmount(line[cut...]))
            }
        }
        #expect(headings > 1_000)
        #expect(amounts > 1_000)
    }

    // MARK: Families

    /// `SectionClassifier.family` as it was: a search through the heading for each word.
    static func plainFamily(_ heading: [Unicode.Scalar]) -> Metric.Family? {
        func has(_ word: String) -> Bool { contains(heading, word) }
        if has("三公") { return .sangong }
        if has("机关运行经费") || has("机构运行经费") || has("公用经费") && !has("基本支出") { return .admin }
        if has("政府采购") { return .procurement }
        let qualifiers = ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "项目支出", "基本支出", "收入", "收支", "绩效"]
        if has("支出"), has("情况"), !qualifiers.contains(where: has) { return .expenditure }
        return nil
    }

    static func contains(_ text: [Unicode.Scalar], _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard w.count <= text.count else { return false }
        return (0...(text.count - w.count)).contains { Array(text[$0..<($0 + w.count)]) == w }
    }

    @Test("a heading's family is that of the search for each word")
    func families() {
        var random = SplitMix64(seed: 0xFA_311)
        var seen: Set<Metric.Family?> = []
        for _ in 0..<20_000 {
            let line = Self.randomLine(&random, pieces: 10)
            let plain = Self.plainFamily(line)
            seen.insert(plain)
            line.withUnsafeBufferPointer { buffer in
                #expect(SectionClassifier.family(of: buffer[...]) == plain, "\(String(String.UnicodeScalarView(line)))")
            }
        }
        #expect(seen.count == 5)
    }

    @Test("isNumeral, which passes scalars over by a mask, agrees with the set of numerals on every scalar")
    func numeralMask() {
        for value in UInt32(0)..<0x11000 {
            guard let s = Unicode.Scalar(value) else { continue }
            #expect(HeadingParser.isNumeral(s) == HeadingParser.numerals.contains(s), "\(value)")
        }
    }

    @Test("every word's first scalar has its bit in the mask the search passes scalars over by")
    func familyWordFirsts() {
        for word in SectionClassifier.Words.all {
            let first = word[0].value
            #expect(SectionClassifier.Words.firstBits >> (UInt64(first) & 63) & 1 == 1, "\(word)")
        }
    }

    // MARK: Contents entries

    @Test("a line repeats the first contents entry exactly when its key equals the entry's")
    func entryKeys() {
        var random = SplitMix64(seed: 0xE_4791)
        let leads = ["", "", "- ", "* ", "#", " ", "-\u{0301}", "\t"]
        let tails = ["", "", "\t3", " 12", "…5", ".", "\t \t7", "⑤", "\u{00B2}", "二", " ", "\u{0301}", "\t12a"]
        var equal = 0
        for _ in 0..<20_000 {
            let body = Self.randomLine(&random, pieces: 4)
            func variant(_ random: inout SplitMix64) -> [Unicode.Scalar] {
                var scalars = Array(leads[random.below(leads.count)].unicodeScalars) + body
                    + Array(tails[random.below(tails.count)].unicodeScalars)
                // Spaces and tabs inside the key, and now and then another scalar.
                if !scalars.isEmpty, random.oneIn(3) { scalars.insert(random.oneIn(2) ? " " : "\t", at: random.below(scalars.count)) }
                if !scalars.isEmpty, random.oneIn(6) { scalars[random.below(scalars.count)] = "说" }
                return scalars
            }
            let a = variant(&random)
            let b = random.oneIn(8) ? Self.randomLine(&random, pieces: 4) : variant(&random)
            a.withUnsafeBufferPointer { first in
                b.withUnsafeBufferPointer { line in
                    let key = Segmenter.EntryKey(first)
                    let plain = Segmenter.EntryKey(line) == key
                    equal += plain ? 1 : 0
                    #expect(key.isKey(of: line) == plain,
                            "\(String(String.UnicodeScalarView(a))) | \(String(String.UnicodeScalarView(b)))")
                }
            }
        }
        #expect(equal > 2_000)
    }

    @Test("plainness, ideographs first, is the listed ranges': every scalar, and random lines")
    func entryKeyPlainness() {
        for value in UInt32(0)..<0x11000 {
            guard let s = Unicode.Scalar(value) else { continue }
            [s].withUnsafeBufferPointer { line in
                #expect(PlainScalar.isPlain(line) == line.allSatisfy(PlainScalar.isListed), "\(value)")
            }
        }
        var random = SplitMix64(seed: 0x9_1A17)
        let odd: [Unicode.Scalar] = ["\u{0301}", "\u{F900}", "\u{00B2}", "é"]
        for _ in 0..<2_000 {
            var line = Self.randomLine(&random, pieces: 3)
            if !line.isEmpty, random.oneIn(3) { line[random.below(line.count)] = odd[random.below(odd.count)] }
            line.withUnsafeBufferPointer { buffer in
                #expect(PlainScalar.isPlain(buffer) == buffer.allSatisfy(PlainScalar.isListed))
            }
        }
    }

    @Test("a trailing scalar is a page number's part: ASCII without the property lookup")
    func trailingScalars() {
        for value in UInt32(0)...0x7F {
            let s = Unicode.Scalar(value)!
            let plain = s == "\t" || s == " " || s == "." || s.properties.numericType != nil
            #expect(Segmenter.EntryKey.isTrailing(s) == plain)
        }
    }
}
