/// Finds the template's sections and tables in a normalized report.
///
/// A heading opens a section that lasts until the next heading of the same or a higher
/// level; a section inherits the family of the nearest enclosing heading that has one, so
/// `（一）机关运行经费支出情况说明` under `十、其他重要事项情况说明` is an admin section.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: NormalizedText) -> [LineContext] {
        var contexts: [LineContext] = []
        contexts.reserveCapacity(text.lines.count)
        // Stack of open headings: (level, family).
        var stack: [(level: Int, family: Metric.Family?)] = []
        var inContents = false
        var contentsHeadingsSeen = 0
        var firstEntry: String?
        var tableUnit: AmountUnit?
        var linesSinceUnit = 0
        for line in text.lines {
            let s = line.scalars
            if let unit = Self.declaredUnit(s) {
                tableUnit = unit
                linesSinceUnit = 0
            } else {
                linesSinceUnit += 1
            }
            // A table unit holds for the table below it; prose far away resets it.
            if linesSinceUnit > 120 { tableUnit = nil }
            if Self.isContentsTitle(s) {
                inContents = true
                contentsHeadingsSeen = 0
                firstEntry = nil
                contexts.append(LineContext(kind: .text, family: nil, inContents: true, tableUnit: tableUnit))
                continue
            }
            if s.contains("\t") && !Self.isContentsEntry(s) {
                contexts.append(LineContext(kind: .tableRow, family: stack.last(where: { $0.family != nil })?.family,
                                            inContents: inContents, tableUnit: tableUnit))
                continue
            }
            // A contents entry is a heading followed by its page number.
            let headingScalars = Self.isContentsEntry(s) ? Array(s[..<(s.lastIndex(of: "\t") ?? s.endIndex)]) : s
            if let level = HeadingParser.level(of: headingScalars) ?? (line.wasMarkdownHeading ? 1 : nil) {
                let plain = line.text
                if inContents {
                    // The contents end where the body repeats the first listed entry
                    // (`第一部分 单位概况` listed, then written).
                    let key = Self.entryKey(plain)
                    if let first = firstEntry, key == first {
                        inContents = false
                    } else if firstEntry == nil, !key.isEmpty {
                        firstEntry = key
                    }
                    contentsHeadingsSeen += 1
                }
                while let top = stack.last, top.level >= level { stack.removeLast() }
                let family = SectionClassifier.family(of: plain)
                stack.append((level, family))
                contexts.append(LineContext(kind: .heading(level: level), family: stack.last(where: { $0.family != nil })?.family,
                                            inContents: inContents, tableUnit: tableUnit))
                continue
            }
            // Narrative that is not a contents entry ends the contents.
            if inContents && !Self.isContentsEntry(s) && contentsHeadingsSeen > 0 && HeadingParser.statesAmount(s[...]) {
                inContents = false
            }
            if inContents && s.count > 40 && !Self.isContentsEntry(s) { inContents = false }
            contexts.append(LineContext(kind: .text, family: stack.last(where: { $0.family != nil })?.family,
                                        inContents: inContents, tableUnit: tableUnit))
        }
        return contexts
    }

    /// A heading without bullets, marks, spaces and page numbers: `- 八、…说明	19` → `八、…说明`.
    static func entryKey(_ text: String) -> String {
        var t = Substring(text)
        while let f = t.first, f == "-" || f == "*" || f == "#" || f == " " { t = t.dropFirst() }
        while let l = t.last, l.isNumber || l == "\t" || l == " " || l == "." || l == "…" { t = t.dropLast() }
        return t.filter { $0 != " " && $0 != "\t" }
    }

    /// `目录`, `目 录`, `目录：`: the line that opens the table of contents (without spaces it
    /// starts with 目录 and has at most four characters).
    static func isContentsTitle(_ s: [Unicode.Scalar]) -> Bool {
        var compact: [Unicode.Scalar] = []
        for scalar in s where scalar != " " {
            compact.append(scalar)
            // Far more than 目录 and a mark or two: not the contents' title.
            if compact.count > 16 { return false }
        }
        guard compact.count >= 2, compact[0] == "目", compact[1] == "录" else { return false }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: compact)
        let text = String(v)
        return text == "目录" || text.hasPrefix("目录") && text.count <= 4
    }

    /// `金额单位：万元`, `单位：元`, `（单位：万元）`, `项目资金 (万元)`.
    static func declaredUnit(_ text: String) -> AmountUnit? {
        declaredUnit(Array(text.unicodeScalars))
    }

    static func declaredUnit(_ s: [Unicode.Scalar]) -> AmountUnit? {
        guard s.count >= 3 else { return nil }
        for i in 0..<(s.count - 2) where s[i] == "单" && s[i + 1] == "位" && (s[i + 2] == "：" || s[i + 2] == ":") {
            var k = i + 3
            while k < s.count, ScalarFolding.isSpace(s[k]) { k += 1 }
            if k + 1 < s.count, s[k] == "万", s[k + 1] == "元" { return .wanYuan }
            if k < s.count, s[k] == "元" { return .yuan }
        }
        return nil
    }

    /// A contents entry: a heading followed by a page number (`一、收入支出决算总表	3`).
    static func isContentsEntry(_ s: [Unicode.Scalar]) -> Bool {
        guard let tab = s.lastIndex(of: "\t") else { return false }
        let tail = s[(tab + 1)...].filter { !ScalarFolding.isSpace($0) }
        return !tail.isEmpty && tail.allSatisfy(ScalarFolding.isDigit) && HeadingParser.level(of: Array(s[..<tab])) != nil
    }
}
