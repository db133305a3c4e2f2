import Testing
@testable import DisclosureKit

/// The extract stage's fast paths give exactly what their plain definitions give: the skip
/// search for a line's first term, the walk of the terms' trie for the longest one, the statement
/// scanner that reads its marks one at a time from the first term on, and the table scanner
/// that reads cells one at a time. Each plain version is kept here and compared on random lines
/// made of the words the scanners look for, from a fixed seed.
@Suite("Extract fast paths agree with the plain ones")
struct ExtractScanTests {
    static let dictionary = TermDictionary.standard
    /// Dictionaries that take the general paths the standard one never does: a term of one
    /// scalar (no pair test, no skip search), and terms that start with a clause mark, a comma
    /// (read where it stands between digits) or a space.
    static let oddDictionaries = [
        TermDictionary(terms: [Term("公", .sangongReception), Term("公务", .sangongVehicle), Term("，支出", .totalExpenditure),
                               Term("项目支出", .projectExpenditure, notAfter: ["财政拨款"])]),
        TermDictionary(terms: [Term("，支出", .totalExpenditure), Term(",5", .basicExpenditure), Term("。其中", .procurementTotal),
                               Term(" 公务接待费", .sangongReception), Term("公务接待费", .sangongReception, notAfter: ["国内"]),
                               Term("预算", .procurementGoods), Term("支出合计", .totalExpenditure)]),
    ]
    static let dictionaries = [dictionary] + oddDictionaries

    /// Pieces of narrative: every term, role and comparison words, the words before a
    /// denominator and the excluded prefixes, numbers good and malformed, units, marks, spaces,
    /// other words that open with a term's first scalar, and a combining mark.
    static let pieces: [String] = dictionary.labels + [
        "支出", "预算", "全年预算", "决算", "支出决算", "与上年决算相比", "比上年", "较上年", "减少", "增加", "下降",
        "增长", "完成预算的", "执行率", "占", "本年", "占本年", "占全部", "的", "为", "其中", "合计", "国内", "日常",
        "采购", "财政拨款", "预算数", "一般公共预算", "0.97", "12", "4,499.46", "7.496,5", "-0.32", "-", "2023", "1.2.3",
        "3.", "0", "99.31", "万元", "元", "%", "万", "元/人", "个", "，", "。", "、", "：", ";", ",", "；", "！", "?",
        " ", "\u{3000}", "项目", "公", "本", "支", "中小", "其他", "工作", "公务", "因公", "a", "（", "）", "(", ")", "“",
        "”", "\"", "三公", "\u{0301}", "年", "度",
    ]

    static let prefixes = ["", "", "", "国内", "日常", "占", "占本年", "占全部", "财政拨款", "采购", "与上年决算相比，", "2023年"]
    static let gaps = ["", "", "支出", "全年预算", "支出决算", "比上年", "较上年减少", "增长", "完成预算的", "占", "其中", "为", "合计", "的", "工作"]
    static let numbers = ["0.97", "12", "4,499.46", "7.496,5", "-0.32", "2023", "1.2.3", "3.", "0", "99.31", "5307.63"]
    static let units = ["万元", "万元", "元", "%", "%", "万", "元/人", "个", ""]
    static let marks = ["，", "。", "、", "：", ";", ",", "；", "", " "]

    /// A random line: clauses shaped like statements (a label, role words, a number and a
    /// unit), comparison sentences, and runs of random pieces.
    static func randomLine(_ random: inout SplitMix64) -> [Unicode.Scalar] {
        func pick(_ words: [String]) -> String { words[random.below(words.count)] }
        var text = ""
        for _ in 0..<random.below(random.oneIn(8) ? 24 : 6) {
            switch random.below(4) {
            case 0, 1:
                text += pick(prefixes) + pick(dictionary.labels)
                for _ in 0..<random.below(3) { text += pick(gaps) }
                text += (random.oneIn(3) ? " " : "") + pick(numbers) + (random.oneIn(3) ? " " : "") + pick(units) + pick(marks)
            case 2:
                text += pick(["与上年决算相比，", "比上年", "与上年相比，"]) + pick(["减少", "增加", "下降", "增长", ""])
                    + pick(numbers) + pick(units) + pick(marks)
            default:
                for _ in 0..<(1 + random.below(5)) { text += pick(pieces) }
            }
        }
        return Array(text.unicodeScalars)
    }

    /// A line of `scalars` whose physical lines start at a few random offsets.
    static func logicalLine(_ scalars: [Unicode.Scalar], _ random: inout SplitMix64) -> LogicalLine {
        var origins = [LogicalLine.Origin(offset: 0, line: 1 + random.below(5))]
        var offset = 0
        while scalars.count > 0, random.oneIn(3) {
            offset += 1 + random.below(max(1, scalars.count / 2))
            guard offset < scalars.count else { break }
            origins.append(LogicalLine.Origin(offset: offset, line: (origins.last?.line ?? 0) + 1))
        }
        return LogicalLine(scalars: scalars, origins: origins)
    }

    // MARK: Terms

    /// `matchIndex` as defined: the longest term whose text stands at `i` (the first of the
    /// dictionary's order among equally long ones), nil when one of its excluded prefixes stands
    /// before it.
    static func plainMatch(_ s: [Unicode.Scalar], at i: Int, in dictionary: TermDictionary = dictionary) -> Int? {
        var best: Int?
        for (n, t) in dictionary.terms.enumerated() where i + t.text.count <= s.count {
            guard !t.text.isEmpty, s[i..<(i + t.text.count)].elementsEqual(t.text) else { continue }
            if best.map({ dictionary.terms[$0].text.count < t.text.count }) ?? true { best = n }
        }
        guard let n = best else { return nil }
        let excluded = dictionary.terms[n].excludedPrefixes.contains { p in
            p.count <= i && s[(i - p.count)..<i].elementsEqual(p)
        }
        return excluded ? nil : n
    }

    @Test("the dictionary has no two terms of one text, so the longest match is one term")
    func distinctTerms() {
        let texts = Self.dictionary.terms.map { $0.text.map(\.value) }
        #expect(Set(texts).count == texts.count)
        #expect(Self.dictionary.labels == Self.dictionary.terms.map { String(String.UnicodeScalarView($0.text)) })
        #expect(Self.dictionary.lengths == Self.dictionary.terms.map(\.text.count))
    }

    @Test("a term found through the pair test and its list is the longest term standing there")
    func matchIndex() {
        var random = SplitMix64(seed: 61)
        for _ in 0..<500 {
            let s = Self.randomLine(&random)
            s.withUnsafeBufferPointer { b in
                for dictionary in Self.dictionaries {
                    for i in 0..<s.count {
                        #expect(dictionary.matchIndex(b, at: i) == Self.plainMatch(s, at: i, in: dictionary),
                                "\(String(String.UnicodeScalarView(s))) at \(i)")
                    }
                }
            }
        }
    }

    @Test("the trie of a random dictionary (texts that open others, repeated texts, one scalar) finds the longest term")
    func trieOfRandomTerms() {
        var random = SplitMix64(seed: 68)
        let alphabet: [Unicode.Scalar] = ["公", "务", "支", "出", "a", "，"]
        let metrics: [MetricID] = [.sangongReception, .totalExpenditure, .projectExpenditure]
        func text(_ count: Int) -> String {
            String(String.UnicodeScalarView((0..<count).map { _ in alphabet[random.below(alphabet.count)] }))
        }
        for _ in 0..<300 {
            var terms: [Term] = []
            for _ in 0..<(1 + random.below(8)) {
                let prefixes = random.oneIn(3) ? [text(1 + random.below(2))] : []
                terms.append(Term(text(1 + random.below(4)), metrics[random.below(metrics.count)], notAfter: prefixes))
            }
            // A text given twice: the first term of it is the one matched.
            if random.oneIn(3), let again = terms.randomElement(using: &random) {
                terms.append(Term(text: again.text, .basicExpenditure, rank: 1, notAfter: [], part: nil))
            }
            let dictionary = TermDictionary(terms: terms)
            for _ in 0..<10 {
                let s = Array(text(random.below(12)).unicodeScalars)
                s.withUnsafeBufferPointer { b in
                    for i in 0..<s.count {
                        #expect(dictionary.matchIndex(b, at: i) == Self.plainMatch(s, at: i, in: dictionary),
                                "\(terms.map { String(String.UnicodeScalarView($0.text)) }) \(String(String.UnicodeScalarView(s))) at \(i)")
                    }
                }
            }
        }
    }

    @Test("the skip search finds the first place a term matches, from any start")
    func firstMatch() {
        var random = SplitMix64(seed: 62)
        for _ in 0..<3_000 {
            let s = Self.randomLine(&random)
            let from = random.below(s.count + 2)
            s.withUnsafeBufferPointer { b in
                for dictionary in Self.dictionaries {
                    var plain: (start: Int, term: Int)?
                    for i in from..<max(from, s.count) {
                        if let t = dictionary.matchIndex(b, at: i) {
                            plain = (i, t)
                            break
                        }
                    }
                    let fast = dictionary.firstMatch(b, from: from)
                    #expect(fast?.start == plain?.start && fast?.term == plain?.term, "\(String(String.UnicodeScalarView(s))) from \(from)")
                    // Bounded: the first match that starts before `end`, wherever its text ends.
                    let end = random.below(s.count + 3) - 1
                    let before = plain.flatMap { $0.start < end ? $0 : nil }
                    let bounded = dictionary.firstMatch(b, from: from, before: end)
                    #expect(bounded?.start == before?.start && bounded?.term == before?.term,
                            "\(String(String.UnicodeScalarView(s))) from \(from) before \(end)")
                }
            }
        }
    }

    @Test("the last unit scalar after an offset is found from the end, eight at a step, as one at a time finds it")
    func lastUnit() {
        var random = SplitMix64(seed: 67)
        let pool: [Unicode.Scalar] = ["万", "元", "%", "中", "1", " ", "。", "\u{4E06}", "\u{5142}", "\u{25}", "&", "\u{10000}"]
        for _ in 0..<3_000 {
            let scalars: [Unicode.Scalar] = random.oneIn(2)
                ? Self.randomLine(&random)
                : (0..<random.below(40)).map { _ in random.oneIn(6) ? pool[random.below(pool.count)] : "中" }
            let after = random.below(scalars.count + 3) - 2
            let plain = scalars.indices.last { $0 > after && (scalars[$0] == "万" || scalars[$0] == "元" || scalars[$0] == "%") } ?? -1
            #expect(scalars.withUnsafeBufferPointer { StatementScanner.lastUnit(in: $0, after: after) } == plain)
        }
        #expect([Unicode.Scalar]().withUnsafeBufferPointer { StatementScanner.lastUnit(in: $0, after: -1) } == -1)
    }

    @Test("the eight-lane test for a sentence end is the set of sentence ends, at every scalar of the BMP and some above")
    func sentenceEndLanes() {
        var values = Array(UInt32(0)..<0x1_0000) + [0x1_0000, 0x1_FF01, 0x1_3002, 0x10_FFFF, 0x10_FF1F]
        while values.count % 8 != 0 { values.append(0x4E2D) }
        var found = 0
        for start in stride(from: 0, to: values.count, by: 8) {
            let v = SIMD8<UInt32>(values[start..<(start + 8)])
            let lanes = StatementScanner.SentenceEnds.endsSentence(v)
            for lane in 0..<8 {
                let scalar = Unicode.Scalar(values[start + lane])
                let plain = scalar.map { StatementScanner.sentenceEnders.contains($0) } ?? false
                #expect(lanes[lane] == plain, "\(values[start + lane])")
                if lanes[lane] { found += 1 }
            }
        }
        #expect(found == StatementScanner.sentenceEnders.count)
    }

    // MARK: Gaps

    /// The gap words as the reading defines them.
    static let gapWords: [(word: [Unicode.Scalar], cue: GapVocabulary.Cue)] = GapVocabulary.vocabulary.map {
        (Array($0.0.unicodeScalars), $0.1)
    }

    /// `GapVocabulary.read` as defined: at each place the longest gap word that stands there,
    /// a neutral range skipped as a share word, spaces, digits and points passed over, any
    /// other scalar unknown.
    static func plainGap(_ s: [Unicode.Scalar], _ range: Range<Int>, skipping neutral: [Range<Int>]) -> GapVocabulary.Reading {
        var r = GapVocabulary.Reading()
        var i = max(0, range.lowerBound)
        let upper = min(range.upperBound, s.count)
        while i < upper {
            if let share = neutral.first(where: { $0.contains(i) }) {
                r.hasShare = true
                r.lastRole = .share
                i = share.upperBound
                continue
            }
            let c = s[i]
            if ScalarFolding.isSpace(c) || ScalarFolding.isDigit(c) || c == "." {
                i += 1
                continue
            }
            let found = gapWords.filter { i + $0.word.count <= upper && s[i..<(i + $0.word.count)].elementsEqual($0.word) }
                .max { $0.word.count < $1.word.count }
            guard let (w, cue) = found else {
                r.unknown += 1
                i += 1
                continue
            }
            switch cue {
            case .change: r.hasChange = true; r.lastRole = .change
            case .budget: r.hasBudget = true; r.lastRole = .budget
            case .execution: r.hasExecution = true; r.lastRole = .execution
            case .share: r.hasShare = true; r.lastRole = .share
            case .value: r.lastRole = r.lastRole == .budget && w.count <= 2 ? .budget : .value
            case .filler: break
            }
            i += w.count
        }
        return r
    }

    @Test("a gap reads as the longest word at each place, through the flat word table")
    func gaps() {
        #expect(Set(Self.gapWords.map { $0.word.map(\.value) }).count == Self.gapWords.count)
        var random = SplitMix64(seed: 65)
        let words = Self.gapWords.map { String(String.UnicodeScalarView($0.word)) } + ["公务", "x", " ", "1", ".", "项目支出"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(12) { text += words[random.below(words.count)] }
            let s = Array(text.unicodeScalars)
            let lower = random.below(s.count + 1)
            let upper = lower + random.below(s.count - lower + 2)
            var neutral: [Range<Int>] = []
            var at = lower
            while random.oneIn(3), at < s.count {
                let start = at + random.below(s.count - at)
                let end = start + 1 + random.below(4)
                neutral.append(start..<end)
                at = end
            }
            let fast = s.withUnsafeBufferPointer { GapVocabulary.read($0, lower..<upper, skipping: neutral) }
            let plain = Self.plainGap(s, lower..<upper, skipping: neutral)
            #expect(fast.unknown == plain.unknown && fast.lastRole == plain.lastRole && fast.hasChange == plain.hasChange
                    && fast.hasShare == plain.hasShare && fast.hasExecution == plain.hasExecution
                    && fast.hasBudget == plain.hasBudget, "\(text) \(lower)..<\(upper) \(neutral)")
        }
    }

    // MARK: Statements

    /// The statement scanner's events as they were found before the fast paths: every mark
    /// of the line into an array (a term tried at every place), all numbers into another, the
    /// line given up only after both, and the two read in order of position.
    static func plainStatements(_ line: LineView, family: Metric.Family?, lineIndex: Int,
                                dictionary: TermDictionary = dictionary) -> [Observation] {
        let s = line.scalars
        let array = Array(s)
        guard s.contains(where: ScalarFolding.isDigit) else { return [] }
        var events: [StatementScanner.Event] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if StatementScanner.sentenceEnders.contains(c) {
                events.append(.sentenceEnd(i))
                i += 1
            } else if StatementScanner.clauseSeparators.contains(c)
                        && !(c == "," && i > 0 && i + 1 < s.count && ScalarFolding.isDigit(s[i - 1]) && ScalarFolding.isDigit(s[i + 1])) {
                events.append(.clauseEnd(i))
                i += 1
            } else if let t = Self.plainMatch(array, at: i, in: dictionary) {
                let end = i + dictionary.terms[t].text.count
                events.append(.term(start: i, end: end, term: t, denominator: StatementScanner.followsShareWord(s, i)))
                i = end
            } else {
                i += 1
            }
        }
        guard events.contains(where: { if case .term = $0 { true } else { false } }) else { return [] }
        let values = ValueToken.scan(s, in: 0..<s.count)
        var reading = StatementScanner.LineReading(line, family: family, lineIndex: lineIndex)
        var out: [Observation] = []
        var nextEvent = 0
        var nextValue = 0
        while nextEvent < events.count || nextValue < values.count {
            if nextValue < values.count, nextEvent == events.count || values[nextValue].range.lowerBound < events[nextEvent].position {
                reading.take(.value(values[nextValue]), dictionary, into: &out)
                nextValue += 1
            } else {
                reading.take(events[nextEvent], dictionary, into: &out)
                nextEvent += 1
            }
        }
        return out
    }

    @Test("the statements of a line are those of the plain scan of all its marks")
    func statements() {
        var random = SplitMix64(seed: 63)
        let scanner = StatementScanner()
        let families: [Metric.Family?] = [nil, .sangong, .procurement]
        var found = 0
        for n in 0..<3_000 {
            let line = Self.logicalLine(Self.randomLine(&random), &random)
            let family = families[random.below(families.count)]
            line.withView { view in
                let plain = Self.plainStatements(view, family: family, lineIndex: n)
                var fast = [Observation]()
                scanner.scan(view, family: family, lineIndex: n, into: &fast)
                #expect(fast == plain, "\(String(String.UnicodeScalarView(line.scalars)))")
                #expect(scanner.scan(view, family: family, lineIndex: n) == plain)
                found += plain.count
            }
        }
        // The lines state enough for the comparison to mean something.
        #expect(found > 1_500)
    }

    @Test("with terms that start with a mark, a comma or a space, or are one scalar long, the statements are the plain scan's")
    func statementsWithOddTerms() {
        var random = SplitMix64(seed: 66)
        let scanners = Self.oddDictionaries.map { StatementScanner(dictionary: $0) }
        var found = 0
        let oddPieces = ["，支出合计 3 万元", "，支出 2%", "1,5", "。其中 4 万元", " 公务接待费 5 万元", "公 6 元"]
        for n in 0..<1_500 {
            var scalars = Self.randomLine(&random)
            for _ in 0..<random.below(4) {
                scalars.insert(contentsOf: oddPieces[random.below(oddPieces.count)].unicodeScalars, at: random.below(scalars.count + 1))
            }
            let line = Self.logicalLine(scalars, &random)
            line.withView { view in
                for scanner in scanners {
                    let plain = Self.plainStatements(view, family: nil, lineIndex: n, dictionary: scanner.dictionary)
                    #expect(scanner.scan(view, family: nil, lineIndex: n) == plain, "\(String(String.UnicodeScalarView(line.scalars)))")
                    found += plain.count
                }
            }
        }
        #expect(found > 1_000)
    }

    // MARK: Numbers

    @Test("a number parsed when asked is the one read with its token: malformed by its shape or its parse")
    func lazyNumbers() {
        var random = SplitMix64(seed: 72)
        var parsed = 0
        for _ in 0..<3_000 {
            let scalars = Self.randomLine(&random)
            scalars.withUnsafeBufferPointer { s in
                for token in ValueToken.scan(s, in: 0..<s.count) {
                    // As the reader decided it with the token, before the number was left for later.
                    let start = token.range.lowerBound
                    var malformed = FixedDecimal(scalars: s[token.range]) == nil
                    if s[token.range].contains(",") { malformed = true }
                    if start > 0, s[start - 1] == "." || s[start - 1] == ",", start > 1, ScalarFolding.isDigit(s[start - 2]) {
                        malformed = true
                    }
                    let eager = malformed ? nil : FixedDecimal(scalars: s[token.range])
                    #expect(token.number(in: s) == eager)
                    #expect(token.kind(in: s) == (malformed ? .malformed : token.unit))
                    #expect(token.unit != .malformed)
                    if eager != nil { parsed += 1 }
                }
            }
        }
        #expect(parsed > 3_000)
    }

    // MARK: Strings

    /// The plain definition: a string built scalar by scalar through the standard library.
    static func validated(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test("strings made from scalars without validation are the validated ones: bytes, equality, order, hash")
    func scalarStrings() {
        var random = SplitMix64(seed: 71)
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\t", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "中", "。",
                                      "\u{3000}", "\u{0301}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}"]
        let ascii: [Unicode.Scalar] = ["a", "Z", "0", " ", "\t", "\u{7F}", "%", "."]
        for _ in 0..<2_000 {
            let from = random.oneIn(3) ? ascii : pool
            let scalars = (0..<random.below(random.oneIn(8) ? 200 : 20)).map { _ in from[random.below(from.count)] }
            let lo = random.below(scalars.count + 1)
            let hi = lo + random.below(scalars.count - lo + 1)
            scalars.withUnsafeBufferPointer { s in
                let plain = Self.validated(scalars[lo..<hi])
                let fast = ScalarString.make(s, lo..<hi)
                #expect(Array(fast.utf8) == Array(plain.utf8) && fast == plain && fast.hashValue == plain.hashValue
                        && fast.count == plain.count && Array(fast.unicodeScalars) == Array(scalars[lo..<hi]))
                let other = Self.validated(scalars[..<lo])
                #expect((fast < other) == (plain < other) && (other < fast) == (other < plain))
                var tabless = Array(scalars[lo..<hi])
                for k in tabless.indices where tabless[k] == "\t" { tabless[k] = " " }
                #expect(ScalarString.make(s, lo..<hi, tabsAsSpaces: true) == Self.validated(tabless))
                #expect(TableRowScanner.spaced(s, lo..<hi) == Self.validated(tabless))
                #expect(LogicalLine.string(s[lo..<hi]) == plain)
            }
        }
        // A range past the scalars is clamped to them.
        let short: [Unicode.Scalar] = ["中", "a"]
        short.withUnsafeBufferPointer { s in
            #expect(ScalarString.make(s, 1..<9) == "a" && ScalarString.make(s, 5..<9) == "")
        }
    }

    // MARK: Table rows

    /// The table scanner as it was: all cells split into an array, each looked at as a label.
    static func plainTableRows(_ line: LineView, unit: AmountUnit, lineIndex: Int) -> [Observation] {
        let s = line.scalars
        let numerals = Set(HeadingParser.numerals)
        let tails: [[Unicode.Scalar]] = [
            "", "合计", "小计", "总额", "支出", "支出合计", "金额", "决算数", "支出决算", "预算数", "（万元）", "(万元)", "（元）", "(元)",
        ].map { Array($0.unicodeScalars) }
        let array = Array(s)
        func labelTerm(_ cell: Range<Int>) -> Term? {
            var lo = cell.lowerBound
            while lo < cell.upperBound, ScalarFolding.isDigit(s[lo]) || numerals.contains(s[lo]) { lo += 1 }
            if lo < cell.upperBound, lo > cell.lowerBound, s[lo] == "、" || s[lo] == "." { lo += 1 } else { lo = cell.lowerBound }
            guard let n = Self.plainMatch(array, at: lo) else { return nil }
            let term = Self.dictionary.terms[n]
            let rest = Array(s[(lo + term.text.count)..<cell.upperBound])
            return tails.contains(rest) ? term : nil
        }
        let cells = TableCell.split(s).map(\.range)
        var out: [Observation] = []
        for (index, cell) in cells.enumerated() {
            guard let term = labelTerm(cell) else { continue }
            var k = index + 1
            if k + 1 < cells.count, (1...3).contains(cells[k].count), s[cells[k]].allSatisfy(ScalarFolding.isDigit) { k += 1 }
            guard k < cells.count, let number = FixedDecimal(scalars: s[cells[k]]), let amount = Amount(number, unit: unit) else { continue }
            let r = cells[k]
            out.append(Observation(
                metric: term.metric, role: .value, stated: number, unit: unit, amount: amount,
                line: line.line(at: r.lowerBound),
                snippet: line.text(cells[index].lowerBound..<r.upperBound).replacingTabs,
                place: .table, label: line.text(cell), labelRank: term.rank, sentence: lineIndex * 10_000))
        }
        return out
    }

    @Test("the figures of a table row are those of the plain scan of all its cells")
    func tableRows() {
        var random = SplitMix64(seed: 64)
        let scanner = TableRowScanner()
        let cellPieces = Self.dictionary.labels + [
            "一、", "（一）", "1.", "2、", "合计", "小计", "支出", "（万元）", "(元)", "其他", "58", "7", "123", "1234", "5307.63",
            "0.97", "-3", "1,2", "", " ", "\u{3000}", "\u{0301}", "国内", "财政拨款", "本年收入合计",
        ]
        func pick(_ words: [String]) -> String { words[random.below(words.count)] }
        var found = 0
        for n in 0..<3_000 {
            // Cells shaped like a label (an ordinal, a term, a tail), like a 行次 or an amount,
            // or made of random pieces.
            var cells: [String] = []
            for _ in 0..<random.below(10) {
                switch random.below(4) {
                case 0:
                    cells.append(pick(["", "", "一、", "1.", "（一）", "十二、"]) + pick(Self.dictionary.labels)
                                 + pick(["", "", "合计", "小计", "（万元）", "(元)", "其他"]) + pick(["", "", " "]))
                case 1:
                    cells.append(pick(["", " "]) + pick(["58", "7", "123", "1234", "5307.63", "0.97", "-3", "1,2", "", "9223372036854775807"]))
                default:
                    var cell = ""
                    for _ in 0..<(1 + random.below(3)) { cell += pick(cellPieces) }
                    cells.append(cell)
                }
            }
            let text = cells.joined(separator: "\t")
            let line = Self.logicalLine(Array(text.unicodeScalars), &random)
            let unit: AmountUnit = random.oneIn(3) ? .yuan : .wanYuan
            line.withView { view in
                let plain = Self.plainTableRows(view, unit: unit, lineIndex: n)
                var fast = [Observation]()
                scanner.scan(view, unit: unit, lineIndex: n, into: &fast)
                #expect(fast == plain, "\(text)")
                found += plain.count
            }
        }
        #expect(found > 300)
    }
}

private extension String {
    /// The table snippet as first made: the row's text with its tab characters replaced.
    var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }
}
