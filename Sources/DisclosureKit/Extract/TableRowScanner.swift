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
        let s = line.scalars
        // Every figure is a number cell, and a number has a digit: a row without one has none.
        guard ScalarSearch.firstDigit(in: s, from: 0) < s.count else { return [] }
        let cells = TableCell.split(s).map { $0.range }
        var out: [Observation] = []
        for (index, cell) in cells.enumerated() {
            guard let term = labelTerm(s, cell) else { continue }
            var k = index + 1
            // Skip the row number (行次): a 1–3 digit integer followed by another cell.
            if k + 1 < cells.count, isRowNumber(s, cells[k]) { k += 1 }
            guard k < cells.count, let number = numberCell(s, cells[k]), let amount = Amount(number, unit: unit) else { continue }
            let r = cells[k]
            out.append(Observation(
                metric: term.metric, role: .value, stated: number, unit: unit, amount: amount,
                line: line.line(at: r.lowerBound),
                snippet: line.text(cells[index].lowerBound..<r.upperBound).replacingTabs,
                place: .table, label: line.text(cell), labelRank: term.rank, sentence: lineIndex * 10_000))
        }
        return out
    }

    /// `HeadingParser.numerals`, asked of every cell's first scalar without hashing.
    private static let numerals = ScalarSet(HeadingParser.numerals)

    /// What may follow a label in its cell.
    private static let allowedTails: [[Unicode.Scalar]] = [
        "", "合计", "小计", "总额", "支出", "支出合计", "金额", "决算数", "支出决算", "预算数", "（万元）", "(万元)", "（元）", "(元)",
    ].map { Array($0.unicodeScalars) }

    /// The term a cell names: the whole cell, less an ordinal (`一、`) and a `合计`/`小计` tail.
    private func labelTerm(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> Term? {
        var lo = cell.lowerBound
        // Ordinal prefix: 一、 （一） 1.
        while lo < cell.upperBound, ScalarFolding.isDigit(s[lo]) || Self.numerals.contains(s[lo]) { lo += 1 }
        if lo < cell.upperBound, lo > cell.lowerBound, s[lo] == "、" || s[lo] == "." { lo += 1 } else { lo = cell.lowerBound }
        guard let term = dictionary.match(s, at: lo) else { return nil }
        let rest = s[(lo + term.text.count)..<cell.upperBound]
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
