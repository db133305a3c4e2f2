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

    /// True for a scalar of `numerals`; a switch, because hashing each scalar into the set
    /// was most of the cost of asking every line whether it is a heading.
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "〇", "零": return true
        default: return false
        }
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
        var start = line.startIndex
        let end = line.endIndex
        while start < end, ScalarFolding.isSpace(line[start]) || line[start] == "-" || line[start] == "*" { start += 1 }
        guard start < end, end - start <= maxLength else { return nil }
        let first = line[start]
        // The ordinal comes first: a line that starts with none of 第, （, ( or a numeral is
        // no heading, and that settles most lines. The ordinal's form (`第二部分`, `（七）`,
        // `三、`) is read before the scans for amounts and tabs, which only a line that has one
        // needs (many a sentence starts with a numeral: `一般公共预算…`).
        guard first == "第" || first == "（" || first == "(" || isNumeral(first) else { return nil }
        let s = line[start..<end]
        let level: Int
        if first == "第" {
            let rest = s.dropFirst()
            let n = rest.prefix { isNumeral($0) }
            guard !n.isEmpty, rest.dropFirst(n.count).starts(with: "部分".unicodeScalars) else { return nil }
            level = 0
        } else if first == "（" || first == "(" {
            let rest = s.dropFirst()
            let n = rest.prefix { isNumeral($0) }
            guard !n.isEmpty, let close = rest.dropFirst(n.count).first, close == "）" || close == ")" else { return nil }
            level = 2
        } else {
            let n = s.prefix { isNumeral($0) }
            guard !n.isEmpty, let mark = s.dropFirst(n.count).first, mark == "、" else { return nil }
            level = 1
        }
        guard !statesAmount(s), !s.contains("\t") else { return nil }
        return level
    }

    /// True when the text holds a number followed by 万元, 元 or %.
    static func statesAmount(_ s: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
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
}
