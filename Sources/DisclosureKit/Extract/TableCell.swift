/// One tab-separated cell of a table row, trimmed, with its place in the line.
///
/// `本年支出合计\t58\t5307.63` has the cells `本年支出合计`, `58`, `5307.63`; an empty cell
/// (`7.50\t\t7.50`) is kept, because a cell's position is its column.
struct TableCell: Sendable {
    /// Scalar offsets of the trimmed text in the line.
    let range: Range<Int>
    var isEmpty: Bool { range.isEmpty }

    /// The cell's text in its line `s`. Made only when asked: most cells are only looked at.
    func text(in s: UnsafeBufferPointer<Unicode.Scalar>) -> String { ScalarString.make(s, range) }

    /// The cells of `s`, split at tabs and trimmed of spaces.
    ///
    /// Every table row's scalars pass here: the search for the next tab compares eight scalars
    /// at a step (`ScalarSearch`), apart from the loop that trims and appends.
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
            let cell = piece(b, from: start)
            out.append(TableCell(range: cell.range))
            guard let next = cell.next else { return out }
            start = next
        }
    }

    /// The cell that starts at `start` (trimmed), and where the next one starts (nil when this
    /// is the row's last): the cells one at a time, for a reader that looks at most of them
    /// only once and needs no array of them.
    @inline(__always)
    static func piece(_ b: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> (range: Range<Int>, next: Int?) {
        let i = ScalarSearch.firstIndex(of: "\t", in: b, from: start)
        var lo = start
        var hi = i
        while lo < hi, ScalarFolding.isSpace(b[lo]) { lo += 1 }
        while hi > lo, ScalarFolding.isSpace(b[hi - 1]) { hi -= 1 }
        return (lo..<hi, i < b.count ? i + 1 : nil)
    }
}
