/// Finds the issuing department's name and region in a report's text.
///
/// Every name the text gives of the form *regions + department* is collected
/// (`某自治区甲市工业和信息化局`, `丁区工业和信息化局`, `甲市丁区工业和信息化局`).
/// The department named most often wins (by its name without regions); of its spellings the
/// one with the most administrative levels is the bureau, less a leading province when a
/// city or county follows (`甲市工业和信息化局`); its last level is the region.
enum BureauNameFinder {
    /// Endings of a department's name.
    static let departmentEndings: [[Unicode.Scalar]] = ["局", "厅", "委员会", "办公室"].map { Array($0.unicodeScalars) }
    /// Endings of an administrative region.
    static let regionEndings: Set<Unicode.Scalar> = ["省", "市", "区", "县", "旗", "州", "盟"]
    /// `regionEndings`, looked up without hashing.
    private static let regionEnding = ScalarSet(regionEndings)
    /// Words that may stand right before a name and are not part of it.
    static let leadingWords: [[Unicode.Scalar]] = [
        "设立", "成立", "包括", "包含", "本部门", "本单位", "部门", "单位", "年度", "年", "度", "为", "是", "由", "对",
        "在", "将", "和", "与", "及", "的", "即", "原", "现", "称", "经", "报送", "中共", "名称", "我局", "本局",
    ].map { Array($0.unicodeScalars) }

    /// The most administrative levels read before a department's name.
    static let maxRegionLevels = 6

    struct Name: Hashable {
        let regions: [String]
        let department: String
        var full: String { regions.joined() + department }
    }

    /// A name as its scalars: counted per occurrence, it is hashed without `String`'s
    /// normalization; the `String`s are made once per distinct spelling.
    private struct Spelling: Hashable {
        let regions: [[Unicode.Scalar]]
        let department: [Unicode.Scalar]
        var full: [Unicode.Scalar] { regions.joined() + department }
    }

    /// The names of a text, read at its department endings (`MetadataReading` reads them with
    /// the other votes).
    struct Tally {
        private var spellings: [Spelling: Int] = [:]

        /// Counts the name whose department ending starts at `i`, if one does.
        mutating func read(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) {
            guard let end = BureauNameFinder.endingEnd(s, at: i) else { return }
            BureauNameFinder.readName(s, endingAt: i, end: end) { regions, department in
                spellings[Spelling(regions: regions, department: department), default: 0] += 1
            }
        }

        /// The bureau and its region, by the votes described on `BureauNameFinder`.
        ///
        /// Decided on the scalars: a name's scalars are all CJK ideographs (the walk in
        /// `readName` takes no other), which have no canonical decompositions and are one
        /// character each, so scalar equality, order and count are `String`'s. Hashing them as
        /// `String`s normalized every name several times per report.
        var found: (bureau: String, region: String?)? {
            guard !spellings.isEmpty else { return nil }
            return BureauNameFinder.best(of: spellings)
        }
    }

    static func find(in lines: [LogicalLine]) -> (bureau: String, region: String?)? {
        var tally = Tally()
        let endingByFirst = Self.endingByFirst
        for line in lines {
            line.scalars.withUnsafeBufferPointer { s in
                for i in s.indices where endingByFirst[s[i]] != 0 { tally.read(s, at: i) }
            }
        }
        return tally.found
    }

    private static func best(of names: [Spelling: Int]) -> (bureau: String, region: String?)? {
        let counts = canonicalizingLeadingRegions(names)
        var byDepartment: [[Unicode.Scalar]: Int] = [:]
        for (n, c) in counts { byDepartment[n.department, default: 0] += c }
        guard let department = byDepartment.max(by: { a, b in
            a.value != b.value ? a.value < b.value : precedes(b.key, a.key)
        })?.key else { return nil }
        let spellings = counts.filter { $0.key.department == department }.map { (full: $0.key.full, spelling: $0.key, count: $0.value) }
        guard let best = spellings.max(by: { a, b in
            if a.spelling.regions.count != b.spelling.regions.count { return a.spelling.regions.count < b.spelling.regions.count }
            if a.count != b.count { return a.count < b.count }
            if a.full.count != b.full.count { return a.full.count < b.full.count }
            return precedes(b.full, a.full)
        })?.spelling else { return nil }
        var regions = best.regions
        if regions.count > 1, let first = regions.first, first.last == "省" || first.suffix(3).elementsEqual(autonomousRegion) {
            regions.removeFirst()
        }
        return (String(scalars: regions.joined() + department), regions.last.map { String(scalars: $0) })
    }

    private static let autonomousRegion = Array("自治区".unicodeScalars)

    /// `String`'s order on names made of CJK ideographs (see `Tally.found`).
    private static func precedes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        a.lexicographicallyPrecedes(b) { $0.value < $1.value }
    }

    /// A leading region that swallowed a word before it (`家为甲市` from `共有1家为甲市…`)
    /// is replaced by its suffix that the text uses more often as a region (`甲市`).
    private static func canonicalizingLeadingRegions(_ counts: [Spelling: Int]) -> [Spelling: Int] {
        var unitCounts: [[Unicode.Scalar]: Int] = [:]
        for (n, c) in counts { for r in n.regions { unitCounts[r, default: 0] += c } }
        var out: [Spelling: Int] = [:]
        for (n, c) in counts {
            var regions = n.regions
            if let first = regions.first {
                let own = unitCounts[first] ?? 0
                var best: ([Unicode.Scalar], Int)?
                var start = 1
                while first.count - start >= 2 {
                    let k = Array(first[start...])
                    if let sc = unitCounts[k], sc > own, sc > (best?.1 ?? 0) { best = (k, sc) }
                    start += 1
                }
                if let b = best { regions[0] = b.0 }
            }
            out[Spelling(regions: regions, department: n.department), default: 0] += c
        }
        return out
    }

    /// Names in one line: each department ending, walked back over its name and regions.
    static func names(in s: [Unicode.Scalar]) -> [Name] {
        var out: [Name] = []
        forEachName(in: s) { regions, department in
            out.append(Name(regions: regions.map { String(scalars: $0) }, department: String(scalars: department)))
        }
        return out
    }

    /// `names(in:)` as scalars: the regions, outermost first, and the department.
    private static func forEachName(in line: [Unicode.Scalar], _ body: ([[Unicode.Scalar]], [Unicode.Scalar]) -> Void) {
        line.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                guard let end = endingEnd(s, at: i) else {
                    i += 1
                    continue
                }
                defer { i = end }
                readName(s, endingAt: i, end: end, body)
            }
        }
    }

    /// Where the `departmentEndings` entry that starts at `i` ends, if one does.
    ///
    /// Asked at every scalar of the text, most of which start no ending: one load answers
    /// them (a search through the list of endings was most of the finder's time).
    @inline(__always)
    static func endingEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int? {
        let number = Int(endingByFirst[s[i]])
        guard number != 0 else { return nil }
        let ending = departmentEndings[number - 1]
        guard i + ending.count <= s.count, s[i..<(i + ending.count)].elementsEqual(ending) else { return nil }
        return i + ending.count
    }

    /// The name whose department ending stands at `i ..< end`, if regions precede it.
    private static func readName(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingAt i: Int, end: Int,
                                 _ body: ([[Unicode.Scalar]], [Unicode.Scalar]) -> Void) {
        let regionEnding = Self.regionEnding
        // The department's own words: back to a region ending, 2–12 scalars.
        var k = i - 1
        while k >= 0, isCJK(s[k]), !regionEnding.contains(s[k]), i - k <= 12 { k -= 1 }
        // A region ending right after another one starts the department's name, as 市 does in
        // `甲市市场监督管理局` (甲市 + 市场监督管理局): a region is never a lone `市`.
        if k >= 1, regionEnding.contains(s[k]), regionEnding.contains(s[k - 1]), i - k <= 12 { k -= 1 }
        let coreStart = k + 1
        guard i - coreStart >= 2, k >= 0, regionEnding.contains(s[k]) else { return }
        // Regions: runs ending in a region ending, walking left.
        var regions: [[Unicode.Scalar]] = []
        var unitEnd = coreStart
        var j = k
        // At most `maxRegionLevels` levels (province, city, district, …): a line of several MB
        // of `ab市ab市…` would otherwise be walked, and inserted into, level by level.
        while j >= 0, regionEnding.contains(s[j]), regions.count < maxRegionLevels {
            var m = j - 1
            while m >= 0, isCJK(s[m]), !regionEnding.contains(s[m]), j - m <= 6 { m -= 1 }
            var unitStart = m + 1
            // `自治区`, `自治州`, `自治县`: the ending spans three scalars.
            let trimmedCount = leadingWordsCount(s[unitStart..<unitEnd])
            unitStart += trimmedCount
            guard unitEnd - unitStart >= 2 else { break }
            regions.insert(Array(s[unitStart..<unitEnd]), at: 0)
            // Stop when the unit did not reach back to another region ending.
            if trimmedCount > 0 || m < 0 || !regionEnding.contains(s[m]) { break }
            unitEnd = unitStart
            j = m
        }
        guard !regions.isEmpty else { return }
        body(regions, Array(s[coreStart..<end]))
    }

    /// The `departmentEndings` by first scalar (index + 1; 0: none). The endings start with
    /// different scalars, so the first one decides which ending to compare.
    static let endingByFirst = ScalarMap(numbering: departmentEndings.compactMap(\.first))

    static func stripLeadingWords(_ unit: [Unicode.Scalar]) -> [Unicode.Scalar] {
        unit.withUnsafeBufferPointer { Array(unit.dropFirst(leadingWordsCount($0[...]))) }
    }

    /// How many scalars `stripLeadingWords` drops from `unit`: counted in place, a region
    /// candidate is copied out once, not once before and once after the stripping.
    static func leadingWordsCount(_ unit: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Int {
        var u = unit
        var changed = true
        while changed {
            changed = false
            for w in leadingWords where u.count > w.count + 1 && u.starts(with: w) {
                u = u.dropFirst(w.count)
                changed = true
                break
            }
        }
        return unit.count - u.count
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
