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
    /// The cells are read one at a time (`TableCell.piece`), each once as a possible label and
    /// the one or two after a label again as its 行次 and amount: most rows name no label, and
    /// the arrays of their cells were most of what reading them cost. Not inlined into the
    /// report's loop: a profile shows the scanner as one function.
    @inline(never)
    func scan(_ line: LineView, unit: AmountUnit, lineIndex: Int = 0, into out: inout [Observation]) {
        let s = line.scalars
        // Every figure is a number cell, and a number has a digit: a row without one has none.
        guard ScalarSearch.firstDigit(in: s, from: 0) < s.count else { return }
        // Read once here: a static is checked for its first use at every access.
        let numerals = Self.numerals
        var next: Int? = 0
        while let start = next {
            let cell = TableCell.piece(s, from: start)
            next = cell.next
            guard let term = labelTerm(s, cell.range, numerals), let afterLabel = cell.next else { continue }
            var amountCell = TableCell.piece(s, from: afterLabel)
            // Skip the row number (行次): a 1–3 digit integer followed by another cell.
            if let afterRowNumber = amountCell.next, isRowNumber(s, amountCell.range) {
                amountCell = TableCell.piece(s, from: afterRowNumber)
            }
            let r = amountCell.range
            guard let number = numberCell(s, r), let amount = Amount(number, unit: unit) else { continue }
            out.append(Observation(
                metric: dictionary.terms[term].metric, role: .value, stated: number, unit: unit, amount: amount,
                line: line.line(at: r.lowerBound),
                snippet: line.text(cell.range.lowerBound..<r.upperBound).replacingTabs,
                place: .table, label: line.text(cell.range), labelRank: dictionary.terms[term].rank, sentence: lineIndex * 10_000))
        }
    }

    /// `HeadingParser.numerals`, asked of every cell's first scalar without hashing.
    private static let numerals = ScalarSet(HeadingParser.numerals)

    /// What may follow a label in its cell.
    private static let allowedTails: [[Unicode.Scalar]] = [
        "", "合计", "小计", "总额", "支出", "支出合计", "金额", "决算数", "支出决算", "预算数", "（万元）", "(万元)", "（元）", "(元)",
    ].map { Array($0.unicodeScalars) }

    /// The term a cell names, as its index in the dictionary's `terms`: the whole cell, less an
    /// ordinal (`一、`) and a `合计`/`小计` tail.
    private func labelTerm(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>, _ numerals: ScalarSet) -> Int? {
        var lo = cell.lowerBound
        // Ordinal prefix: 一、 （一） 1.
        while lo < cell.upperBound, ScalarFolding.isDigit(s[lo]) || numerals.contains(s[lo]) { lo += 1 }
        if lo < cell.upperBound, lo > cell.lowerBound, s[lo] == "、" || s[lo] == "." { lo += 1 } else { lo = cell.lowerBound }
        guard let term = dictionary.matchIndex(s, at: lo) else { return nil }
        let rest = s[(lo + dictionary.lengths[term])..<cell.upperBound]
        guard Self.allowedTails.contains(where: { rest.elementsEqual($0) }) else { return nil }
        return term
    }

    private func isRowNumber(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> Bool {
        cell.count >= 1 && cell.count <= 3 && s[cell].allSatisfy(ScalarFolding.isDigit)
    }

    private func numberCell(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> FixedDecimal? {
        FixedDecimal(scalars: s[cell])
    }
}

extension String {
    var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }
}
