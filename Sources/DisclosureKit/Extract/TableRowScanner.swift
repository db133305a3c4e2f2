/// Reads figures from tab-separated table rows: a label cell, then its amount.
///
/// `本年收入合计	27	5307.63	本年支出合计	58	5307.63` gives `total_expenditure` 5307.63:
/// the label cell must be a catalog label (optionally with `合计`/`小计` or an ordinal such
/// as `一、`), a small integer right after it is the row number (行次) and is skipped, and
/// the unit is the table's declared one (`金额单位：万元`) or the report's.
struct TableRowScanner: Sendable {
    let dictionary: TermDictionary

    init(dictionary: TermDictionary = .standard) {
        self.dictionary = dictionary
    }

    func scan(_ line: LogicalLine, unit: AmountUnit, lineIndex: Int = 0) -> [Observation] {
        line.withView { scan($0, unit: unit, lineIndex: lineIndex) }
    }

    /// `scan` of a line read in place.
    func scan(_ line: LineView, unit: AmountUnit, lineIndex: Int = 0) -> [Observation] {
        var out: [Observation] = []
        scan(line, unit: unit, lineIndex: lineIndex, into: &out)
        return out
    }

    /// `scan`, appending to `out` (a report's statements go into one array).
    ///
    /// Only the cells where a term matches are read as labels: a cell's label stands at a
    /// place between its start and the tab after it (that tab's place included), so a cell
    /// holding no place where a term matches names none. The places are found by the
    /// dictionary's skip search; most rows name no label, and reading each of their cells (its
    /// tab, its trimming, its ordinal) was most of what they cost. Not inlined into the
    /// report's loop: a profile shows the scanner as one function.
    @inline(never)
    func scan(_ line: LineView, unit: AmountUnit, lineIndex: Int = 0, into out: inout [Observation]) {
        let s = line.scalars
        // Every figure is a number cell, and a number has a digit: a row without one has none.
        guard ScalarSearch.firstDigit(in: s, from: 0) < s.count else { return }
        // Read once here: a static is checked for its first use at every access.
        let numerals = Self.numerals
        // The start of the first cell not yet read.
        var from = 0
        while let match = dictionary.firstMatch(s, from: from) {
            // The cell that holds the match: it starts after the last tab before it (and not
            // before `from`, a cell's start) and ends at the first tab at or after it.
            var start = match.start
            while start > from, s[start - 1] != "\t" { start -= 1 }
            let tab = ScalarSearch.firstIndex(of: "\t", in: s, from: match.start)
            if let label = labelTerm(s, start..<tab, numerals), tab < s.count {
                var amountCell = TableCell.piece(s, from: tab + 1)
                // Skip the row number (行次): a 1–3 digit integer followed by another cell.
                if let afterRowNumber = amountCell.next, isRowNumber(s, amountCell.range) {
                    amountCell = TableCell.piece(s, from: afterRowNumber)
                }
                let r = amountCell.range
                if let number = numberCell(s, r), let amount = Amount(number, unit: unit) {
                    out.append(Observation(
                        metric: dictionary.terms[label.term].metric, role: .value, stated: number, unit: unit, amount: amount,
                        line: line.line(at: r.lowerBound),
                        snippet: Self.spaced(s, label.cell.lowerBound..<r.upperBound),
                        place: .table, label: ScalarString.make(s, label.cell), labelRank: dictionary.terms[label.term].rank,
                        sentence: lineIndex * 10_000))
                }
            }
            guard tab < s.count else { return }
            from = tab + 1
        }
    }

    /// `HeadingParser.numerals`, asked of every cell's first scalar without hashing.
    private static let numerals = ScalarSet(HeadingParser.numerals)

    /// What may follow a label in its cell.
    private static let allowedTails: [[Unicode.Scalar]] = [
        "", "合计", "小计", "总额", "支出", "支出合计", "金额", "决算数", "支出决算", "预算数", "（万元）", "(万元)", "（元）", "(元)",
    ].map { Array($0.unicodeScalars) }

    /// The term the cell `piece` (a row's text between two tabs) names, as its index in the
    /// dictionary's `terms`, with the cell's trimmed range: the whole cell, less an ordinal
    /// (`一、`) and a `合计`/`小计` tail.
    ///
    /// The cell's end is trimmed only once a term stands at its start: the ordinal is digits or
    /// numerals and the tests after it look at a scalar that is not a space, so they come out
    /// the same against the piece's end as against the trimmed one.
    private func labelTerm(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ piece: Range<Int>, _ numerals: ScalarSet) -> (term: Int, cell: Range<Int>)? {
        var lower = piece.lowerBound
        while lower < piece.upperBound, ScalarFolding.isSpace(s[lower]) { lower += 1 }
        var lo = lower
        // Ordinal prefix: 一、 （一） 1.
        while lo < piece.upperBound, ScalarFolding.isDigit(s[lo]) || numerals.contains(s[lo]) { lo += 1 }
        if lo < piece.upperBound, lo > lower, s[lo] == "、" || s[lo] == "." { lo += 1 } else { lo = lower }
        guard let term = dictionary.matchIndex(s, at: lo) else { return nil }
        var upper = piece.upperBound
        while upper > lower, ScalarFolding.isSpace(s[upper - 1]) { upper -= 1 }
        // A term holds no space or tab, so it ends within the trimmed cell.
        let end = lo + dictionary.lengths[term]
        guard end <= upper else { return nil }
        let rest = s[end..<upper]
        guard Self.allowedTails.contains(where: { rest.elementsEqual($0) }) else { return nil }
        return (term, lower..<upper)
    }

    private func isRowNumber(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> Bool {
        cell.count >= 1 && cell.count <= 3 && s[cell].allSatisfy(ScalarFolding.isDigit)
    }

    private func numberCell(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> FixedDecimal? {
        FixedDecimal(scalars: s[cell])
    }
}

extension TableRowScanner {
    /// The text of `s[range]` with each tab written as a space: what replacing the tab
    /// characters of its string gave (a tab is a character of its own, whatever stands next to
    /// it), without mapping the string character by character.
    static func spaced(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> String {
        ScalarString.make(s, range, tabsAsSpaces: true)
    }
}
