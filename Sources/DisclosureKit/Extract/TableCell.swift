/// One tab-separated cell of a table row, trimmed, with its place in the line.
///
/// `本年支出合计\t58\t5307.63` has the cells `本年支出合计`, `58`, `5307.63`; an empty cell
/// (`7.50\t\t7.50`) is kept, because a cell's position is its column.
struct TableCell: Sendable {
    /// Scalar offsets of the trimmed text in the line.
    let range: Range<Int>
    var isEmpty: Bool { range.isEmpty }

    /// The cell's text in its line `s`. Made only when asked: most cells are only looked at.
    func text(in s: UnsafeBufferPointer<Unicode.Scalar>) -> String { LogicalLine.string(s[range]) }

    /// The cells of `s`, split at tabs and trimmed of spaces.
    ///
    /// Every table row's scalars pass here: the search for the next tab is a tight loop of
    /// its own (in the loop that trims and appends, it cost twice the instructions per scalar).
    static func split(_ s: [Unicode.Scalar]) -> [TableCell] {
        s.withUnsafeBufferPointer { split($0) }
    }

    static func split(_ b: UnsafeBufferPointer<Unicode.Scalar>) -> [TableCell] {
        var out: [TableCell] = []
        // Room for a usual row at once: grown from empty, the array was reallocated
        // three or four times per row, more than the rest of the split.
        out.reserveCapacity(16)
        var start = 0
        while true {
            let i = nextTab(b, from: start)
            var lo = start
            var hi = i
            while lo < hi, ScalarFolding.isSpace(b[lo]) { lo += 1 }
            while hi > lo, ScalarFolding.isSpace(b[hi - 1]) { hi -= 1 }
            out.append(TableCell(range: lo..<hi))
            guard i < b.count else { return out }
            start = i + 1
        }
    }

    /// The offset of the first tab at or after `i` (`b.count` if none).
    @inline(never)
    private static func nextTab(_ b: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Int {
        var k = i
        while k < b.count, b[k] != "\t" { k += 1 }
        return k
    }
}
