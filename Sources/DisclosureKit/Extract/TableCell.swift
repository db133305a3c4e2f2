/// One tab-separated cell of a table row, trimmed, with its place in the line.
///
/// `本年支出合计\t58\t5307.63` has the cells `本年支出合计`, `58`, `5307.63`; an empty cell
/// (`7.50\t\t7.50`) is kept, because a cell's position is its column.
struct TableCell: Sendable {
    /// Scalar offsets of the trimmed text in the line.
    let range: Range<Int>
    var isEmpty: Bool { range.isEmpty }

    /// The cell's text in its line `s`. Made only when asked: most cells are only looked at.
    func text(in s: [Unicode.Scalar]) -> String { String(scalars: s[range]) }

    /// The cells of `s`, split at tabs and trimmed of spaces.
    static func split(_ s: [Unicode.Scalar]) -> [TableCell] {
        var out: [TableCell] = []
        var start = 0
        for i in 0...s.count where i == s.count || s[i] == "\t" {
            var lo = start
            var hi = i
            while lo < hi, ScalarFolding.isSpace(s[lo]) { lo += 1 }
            while hi > lo, ScalarFolding.isSpace(s[hi - 1]) { hi -= 1 }
            out.append(TableCell(range: lo..<hi))
            start = i + 1
        }
        return out
    }
}
