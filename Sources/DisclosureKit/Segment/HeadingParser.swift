/// Recognises the template's ordinal headings and their level.
///
/// `第二部分 部门决算情况说明` → 0, `三、支出决算情况说明` → 1,
/// `（七）关于 2020 年度财政拨款“三公”经费支出决算情况说明` → 2. A line that states an
/// amount (`（一）人员经费 1464.79 万元。`) is a statement, not a heading.
enum HeadingParser {
    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "〇", "零"]
    static let maxLength = 64
    /// Spaces, `-` and `*` a heading may start with.
    static let maxLeadingMarks = 64

    /// Bit `v & 63` set for the value `v` of each of `numerals`: where it is clear the scalar is
    /// no numeral, told by a shift and a test before the switch's compares. Literal scalars, so
    /// that the mask is a constant.
    @inline(__always)
    static var numeralBits: UInt64 {
        func bit(_ s: Unicode.Scalar) -> UInt64 { 1 << (UInt64(s.value) & 63) }
        return bit("一") | bit("二") | bit("三") | bit("四") | bit("五") | bit("六") | bit("七") | bit("八") | bit("九")
            | bit("十") | bit("百") | bit("〇") | bit("零")
    }

    /// True for a scalar of `numerals`; a switch, because hashing each scalar into the set
    /// was most of the cost of asking every line whether it is a heading. Inlined: called per
    /// scalar of an ordinal, the call cost as much as the test.
    @inline(__always)
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        guard numeralBits >> (UInt64(s.value) & 63) & 1 != 0 else { return false }
        switch s {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "〇", "零": return true
        default: return false
        }
    }

    /// False for a line whose first scalar starts no heading (not a mark `level` strips, nor
    /// the first of an ordinal): asked where the segmenter reads each line, before the call.
    @inline(__always)
    static func mayStartHeading(_ line: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        guard let f = line.first else { return false }
        return f == "第" || f == "（" || f == "(" || f == "-" || f == "*" || ScalarFolding.isSpace(f) || isNumeral(f)
    }

    static func level(of line: [Unicode.Scalar]) -> Int? {
        line.withUnsafeBufferPointer { level(of: $0[...]) }
    }

    static func level(of line: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        level(of: line[...])
    }

    static func level(of line: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Int? {
        // A heading is short: past this length even a run of leading marks is not stripped
        // (LineJoiner asks about a growing paragraph at every join).
        guard line.count <= maxLength + maxLeadingMarks else { return nil }
        // Read at offsets from 0, each scalar once: the ordinal's form, then one skip over the
        // rest to its digits and tabs.
        let l = UnsafeBufferPointer(rebasing: line)
        let end = l.count
        var start = 0
        while start < end, ScalarFolding.isSpace(l[start]) || l[start] == "-" || l[start] == "*" { start += 1 }
        guard start < end, end - start <= maxLength else { return nil }
        let first = l[start]
        // The ordinal comes first: a line that starts with none of 第, （, ( or a numeral is
        // no heading, and that settles most lines. The ordinal's form (`第二部分`, `（七）`,
        // `三、`) is read before the scans for amounts and tabs, which only a line that has one
        // needs (many a sentence starts with a numeral: `一般公共预算…`).
        guard first == "第" || first == "（" || first == "(" || isNumeral(first) else { return nil }
        // The numerals of the ordinal: after 第 or the bracket, or from the first scalar on.
        let numeralsStart = isNumeral(first) ? start : start + 1
        var k = numeralsStart
        while k < end, isNumeral(l[k]) { k += 1 }
        guard k > numeralsStart, k < end else { return nil }
        let level: Int
        if first == "第" {
            guard k + 1 < end, l[k] == "部", l[k + 1] == "分" else { return nil }
            level = 0
        } else if first == "（" || first == "(" {
            guard l[k] == "）" || l[k] == ")" else { return nil }
            level = 2
        } else {
            guard l[k] == "、" else { return nil }
            level = 1
        }
        // The marks before `start` are neither digits nor tabs.
        guard !statesAmount(l, from: start, orHasTab: true) else { return nil }
        return level
    }

    /// True when the text holds a number followed by 万元, 元 or %.
    static func statesAmount(_ s: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        statesAmount(UnsafeBufferPointer(rebasing: s), from: 0, orHasTab: false)
    }

    /// `statesAmount` of `s[start...]`, or (when `orHasTab`) true as well when it holds a tab.
    ///
    /// A number is a digit, then digits, `.` and spaces, then the unit; any other scalar ends it.
    /// The skips to the next digit (or tab) go eight scalars at a step: most text between the
    /// numbers is read no closer.
    @inline(__always)
    static func statesAmount(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, orHasTab: Bool) -> Bool {
        let stop: Unicode.Scalar? = orHasTab ? "\t" : nil
        var i = ScalarSearch.firstDigit(or: stop, in: s, from: start)
        while i < s.count {
            if orHasTab, s[i] == "\t" { return true }
            var k = i + 1
            while k < s.count, ScalarFolding.isDigit(s[k]) || s[k] == "." || ScalarFolding.isSpace(s[k]) { k += 1 }
            guard k < s.count else { return false }
            let c = s[k]
            if c == "万" || c == "元" || c == "%" || orHasTab && c == "\t" { return true }
            i = ScalarSearch.firstDigit(or: stop, in: s, from: k + 1)
        }
        return false
    }
}
