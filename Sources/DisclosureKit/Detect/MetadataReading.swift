/// What the metadata votes read from a report's lines, read in one pass.
///
/// The votes each looked at every scalar of the text: the phrase counts, the years (at each
/// `年`), the bureau names (at each department ending) and the unit count (at `单位共`), four
/// reads of the text where nearly every scalar starts none of them. Here a scalar costs one
/// table load, once, and only a scalar that starts something is looked at further.
///
/// The results are those of the separate reads: `PhraseCounts(lines:)`, `YearTally.add` of
/// each line, `BureauNameFinder.find(in:)`, the first line `UnitCountFinder` would join from.
struct MetadataReading {
    private(set) var phrases: MetadataDetector.PhraseCounts
    private(set) var years = MetadataDetector.YearTally()
    private(set) var names = BureauNameFinder.Tally()
    /// The first line that holds `单位共`, if one does.
    private(set) var firstUnitAnchorLine: Int?

    /// What a scalar may start, as the low bits of its `roles` entry (0: nothing); above
    /// `slotShift`, one more than the number of its list of phrases.
    private static let yearMark: UInt32 = 1, departmentEnding: UInt32 = 2, unitAnchor: UInt32 = 4
    private static let slotShift: UInt32 = 3

    /// The phrases of `MetadataDetector.phraseMatcher` (in its order), flat, so that no inner
    /// array is retained at each phrase start: phrase `p` is `scalars[ranges[p]]`, and the
    /// phrases of list `n` are `order[lists[n]]`.
    private struct PhraseTable {
        var scalars: [Unicode.Scalar] = []
        var ranges: [Range<Int>] = []
        var order: [Int] = []
        var lists: [Range<Int>] = []
    }

    private static let table: (roles: ScalarMap, phrases: PhraseTable) = {
        let texts = MetadataDetector.phraseMatcher.phrases.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
        var phrases = PhraseTable()
        var byFirst: [(first: Unicode.Scalar, members: [Int])] = []
        for (index, text) in texts.enumerated() {
            phrases.ranges.append(phrases.scalars.count..<(phrases.scalars.count + text.count))
            phrases.scalars += text
            guard let first = text.first else { continue }
            if let n = byFirst.firstIndex(where: { $0.first == first }) { byFirst[n].members.append(index) }
            else { byFirst.append((first, [index])) }
        }
        var roles = ScalarMap()
        for (n, list) in byFirst.enumerated() {
            phrases.lists.append(phrases.order.count..<(phrases.order.count + list.members.count))
            phrases.order += list.members
            roles[list.first] = UInt32(n + 1) << slotShift
        }
        func mark(_ scalar: Unicode.Scalar, _ role: UInt32) { roles[scalar] = roles[scalar] | role }
        mark("年", yearMark)
        for ending in BureauNameFinder.departmentEndings { if let first = ending.first { mark(first, departmentEnding) } }
        mark("单", unitAnchor)
        return (roles, phrases)
    }()

    /// The first offset after `i` whose scalar starts something (`s.count` if none does).
    ///
    /// Apart from the loop that reads what starts there: inside it, the skip over the other
    /// scalars (nearly all) kept its values on the stack, three times the instructions.
    @inline(never)
    private static func nextStart(_ s: UnsafeBufferPointer<Unicode.Scalar>, after i: Int, _ roles: ScalarMap) -> Int {
        var k = i + 1
        while k < s.count, roles[s[k]] == 0 { k += 1 }
        return k
    }

    init(lines: [[Unicode.Scalar]]) {
        let text = NormalizedText(lines: lines.map { LogicalLine(scalars: $0, origins: []) }, physicalLineCount: lines.count,
                                  wasHardWrapped: false)
        self = text.withLines { MetadataReading(lines: $0) }
    }

    init(lines: NormalizedText.Lines) {
        let (roles, table) = Self.table
        var counts = [Int](repeating: 0, count: table.ranges.count)
        // By phrase: the offset in the line from which it may be counted again. No phrase holds
        // a line break, so an occurrence never spans lines and each line starts afresh: an
        // offset holds only on the line `allowedLine` names (no clearing of all of them per line).
        var nextAllowed = counts
        var allowedLine = [Int](repeating: -1, count: counts.count)
        var years = MetadataDetector.YearTally()
        var names = BureauNameFinder.Tally()
        var firstUnitAnchorLine: Int?
        for lineIndex in lines.indices {
            do {
                let s = lines[lineIndex].scalars
                var i = -1
                while true {
                    i = Self.nextStart(s, after: i, roles)
                    guard i < s.count else { break }
                    let role = roles[s[i]]
                    if role & Self.yearMark != 0 { years.add(s, yearMarkAt: i) }
                    if role & Self.departmentEnding != 0 { names.read(s, at: i) }
                    if role & Self.unitAnchor != 0, firstUnitAnchorLine == nil, UnitCountFinder.isAnchor(s, at: i) {
                        firstUnitAnchorLine = lineIndex
                    }
                    let slot = Int(role >> Self.slotShift)
                    guard slot != 0 else { continue }
                    // Each phrase on its own, non-overlapping from the left, as one search for it counts.
                    for member in table.lists[slot - 1] {
                        let p = table.order[member]
                        let text = table.ranges[p]
                        guard allowedLine[p] != lineIndex || i >= nextAllowed[p], i + text.count <= s.count else { continue }
                        var k = 0
                        while k < text.count, s[i + k] == table.scalars[text.lowerBound + k] { k += 1 }
                        guard k == text.count else { continue }
                        counts[p] += 1
                        nextAllowed[p] = i + text.count
                        allowedLine[p] = lineIndex
                    }
                }
            }
        }
        phrases = MetadataDetector.PhraseCounts(counts: counts)
        self.years = years
        self.names = names
        self.firstUnitAnchorLine = firstUnitAnchorLine
    }
}
