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
    /// The first scalars of `leadingWords`: a unit that starts with none of them has no word to
    /// strip, and the list is not walked.
    private static let leadingWordStarts = ScalarSet(leadingWords.compactMap(\.first))

    /// The most administrative levels read before a department's name.
    static let maxRegionLevels = 6

    struct Name: Hashable {
        let regions: [String]
        let department: String
        var full: String { regions.joined() + department }
    }

    /// What follows each region in a spelling's key (`甲市␀丁区␀工业和信息化局`): a name's
    /// scalars are all CJK ideographs (the walk in `readName` takes no other), so it is none of them.
    private static let separator: Unicode.Scalar = "\u{0}"

    /// The names of a text, read at its department endings (`MetadataReading` reads them with
    /// the other votes).
    ///
    /// Each spelling is counted by its scalars in one flat table (`SequenceCounts`): keyed by
    /// arrays of scalar arrays, a dictionary hashed and allocated arrays for every name read.
    struct Tally {
        /// By distinct spelling: its regions, outermost first, each followed by `separator`, then
        /// its department.
        private var spellings = SequenceCounts()
        /// The key of the name being counted, and its regions' starts: kept between names, so
        /// that counting one allocates nothing.
        private var key: [Unicode.Scalar] = []
        private var regionStarts: [Int] = []

        /// Counts the name whose department ending starts at `i`, if one does.
        mutating func read(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) {
            guard let end = BureauNameFinder.endingEnd(s, at: i),
                  let core = BureauNameFinder.readName(s, endingAt: i, regionStarts: &regionStarts),
                  let outermost = regionStarts.last else { return }
            // The name's scalars and a separator per region.
            let length = end - outermost + regionStarts.count
            if key.count < length { key = [Unicode.Scalar](repeating: BureauNameFinder.separator, count: 2 * length) }
            let starts = regionStarts
            key.withUnsafeMutableBufferPointer { key in
                var w = 0
                // `starts` is innermost first: each region ends where the next inner one starts.
                for r in starts.indices.reversed() {
                    for k in starts[r]..<(r == 0 ? core : starts[r - 1]) {
                        key[w] = s[k]
                        w += 1
                    }
                    key[w] = BureauNameFinder.separator
                    w += 1
                }
                for k in core..<end {
                    key[w] = s[k]
                    w += 1
                }
                spellings.add(UnsafeBufferPointer(rebasing: key[..<w]), 1)
            }
        }

        /// The bureau and its region, by the votes described on `BureauNameFinder`.
        ///
        /// Decided on the scalars: a name's scalars are all CJK ideographs (the walk in
        /// `readName` takes no other), which have no canonical decompositions and are one
        /// character each, so scalar equality, order and count are `String`'s. Hashing them as
        /// `String`s normalized every name several times per report.
        var found: (bureau: String, region: String?)? {
            guard spellings.count > 0 else { return nil }
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

    /// The votes of `BureauNameFinder` over the counted spellings, read in their tables: a
    /// dictionary of each step's counts, rebuilt per report, hashed every key again.
    private static func best(of spellings: SequenceCounts) -> (bureau: String, region: String?)? {
        let canonical = spellings.scalars.withUnsafeBufferPointer { canonicalizingLeadingRegions(spellings, $0) }
        return canonical.scalars.withUnsafeBufferPointer { all -> (bureau: String, region: String?)? in
            // The department named most often (of a tie, the first in `String` order).
            var departments = SequenceCounts()
            var departmentOf: [Int] = []
            departmentOf.reserveCapacity(canonical.count)
            for n in 0..<canonical.count {
                let key = canonical.range(n)
                departmentOf.append(departments.add(rebased(all, lastSeparator(all, key) + 1..<key.upperBound), canonical.count(n)))
            }
            var department = 0
            departments.scalars.withUnsafeBufferPointer { d in
                for candidate in 0..<departments.count {
                    let (count, top) = (departments.count(candidate), departments.count(department))
                    if count > top || count == top && precedes(d[departments.range(candidate)], d[departments.range(department)]) {
                        department = candidate
                    }
                }
            }
            // Of its spellings: the most levels, then the most counted, then the longest, then the
            // first in `String` order.
            var best: (n: Int, levels: Int, length: Int)?
            for n in 0..<canonical.count where departmentOf[n] == department {
                let key = canonical.range(n)
                let levels = all[key].reduce(0) { $1 == separator ? $0 + 1 : $0 }
                let length = key.count - levels
                if let b = best {
                    if levels != b.levels { guard levels > b.levels else { continue } }
                    else if canonical.count(n) != canonical.count(b.n) { guard canonical.count(n) > canonical.count(b.n) else { continue } }
                    else if length != b.length { guard length > b.length else { continue } }
                    else {
                        guard precedes(all[key].lazy.filter { $0 != separator },
                                       all[canonical.range(b.n)].lazy.filter { $0 != separator }) else { continue }
                    }
                }
                best = (n, levels, length)
            }
            guard let b = best else { return nil }
            let key = canonical.range(b.n)
            let firstEnd = firstSeparator(all, key)
            let first = all[key.lowerBound..<firstEnd]
            // A leading province goes when a city or county follows.
            let dropsFirst = b.levels > 1 && (first.last == "省" || first.suffix(3).elementsEqual(autonomousRegion))
            let from = dropsFirst ? firstEnd + 1 : key.lowerBound
            let departmentStart = lastSeparator(all, key) + 1
            // The region is the last one, which ends at the department's separator.
            let regionStart = lastSeparator(all, key.lowerBound..<(departmentStart - 1)) + 1
            var bureau: [Unicode.Scalar] = []
            bureau.reserveCapacity(key.count)
            for k in from..<key.upperBound where all[k] != separator { bureau.append(all[k]) }
            return (String(scalars: bureau), String(scalars: all[regionStart..<(departmentStart - 1)]))
        }
    }

    private static let autonomousRegion = Array("自治区".unicodeScalars)

    /// `String`'s order on names made of CJK ideographs (see `Tally.found`).
    private static func precedes(_ a: some Sequence<Unicode.Scalar>, _ b: some Sequence<Unicode.Scalar>) -> Bool {
        a.lexicographicallyPrecedes(b) { $0.value < $1.value }
    }

    /// A leading region that swallowed a word before it (`家为甲市` from `共有1家为甲市…`)
    /// is replaced by its suffix that the text uses more often as a region (`甲市`).
    private static func canonicalizingLeadingRegions(_ spellings: SequenceCounts,
                                                     _ all: UnsafeBufferPointer<Unicode.Scalar>) -> SequenceCounts {
        // How often each region is written, at any level of any spelling.
        var regions = SequenceCounts()
        for n in 0..<spellings.count {
            var start = spellings.range(n).lowerBound
            for k in spellings.range(n) where all[k] == separator {
                regions.add(rebased(all, start..<k), spellings.count(n))
                start = k + 1
            }
        }
        var out = SequenceCounts()
        for n in 0..<spellings.count {
            let key = spellings.range(n)
            let firstEnd = firstSeparator(all, key)
            let own = regions.occurrences(of: rebased(all, key.lowerBound..<firstEnd))
            // The key from the chosen suffix of its first region on.
            var from = key.lowerBound
            var best = 0
            var start = key.lowerBound + 1
            while firstEnd - start >= 2 {
                let count = regions.occurrences(of: rebased(all, start..<firstEnd))
                if count > own, count > best { (from, best) = (start, count) }
                start += 1
            }
            out.add(rebased(all, from..<key.upperBound), spellings.count(n))
        }
        return out
    }

    /// The offset of the first `separator` of a key (every key has one, after its first region).
    private static func firstSeparator(_ all: UnsafeBufferPointer<Unicode.Scalar>, _ key: Range<Int>) -> Int {
        var k = key.lowerBound
        while k < key.upperBound, all[k] != separator { k += 1 }
        return k
    }

    /// The offset of the last `separator` in `range` (`range.lowerBound - 1` when there is none).
    private static func lastSeparator(_ all: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Int {
        var k = range.upperBound - 1
        while k >= range.lowerBound, all[k] != separator { k -= 1 }
        return k
    }

    private static func rebased(_ all: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UnsafeBufferPointer<Unicode.Scalar> {
        UnsafeBufferPointer(rebasing: all[range])
    }

    /// Names in one line: each department ending, walked back over its name and regions.
    static func names(in line: [Unicode.Scalar]) -> [Name] {
        var out: [Name] = []
        var regionStarts: [Int] = []
        line.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                guard let end = endingEnd(s, at: i) else {
                    i += 1
                    continue
                }
                defer { i = end }
                guard let core = readName(s, endingAt: i, regionStarts: &regionStarts) else { continue }
                var regions: [String] = []
                var regionEnd = core
                for start in regionStarts {
                    regions.insert(String(scalars: s[start..<regionEnd]), at: 0)
                    regionEnd = start
                }
                out.append(Name(regions: regions, department: String(scalars: s[core..<end])))
            }
        }
        return out
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
        guard i + ending.count <= s.count else { return nil }
        // Its first scalar is the one numbered; the rest compared in place (`elementsEqual` of a
        // slice cost more than the name walk after it).
        var k = 1
        while k < ending.count {
            guard s[i + k] == ending[k] else { return nil }
            k += 1
        }
        return i + ending.count
    }

    /// Where the department's own words before the ending at `i` start, if regions precede
    /// them; the regions' starts, innermost first, in `regionStarts` (each region ends where
    /// the next inner one, or the department, starts).
    ///
    /// Positions, not copies: the regions were arrays, inserted one by one into an array.
    private static func readName(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingAt i: Int, regionStarts: inout [Int]) -> Int? {
        let regionEnding = Self.regionEnding
        // Emptied only when it holds a name's regions (most endings follow no name): the
        // generic removal cost a call and a check of the buffer even on an empty array.
        if !regionStarts.isEmpty { regionStarts.removeAll(keepingCapacity: true) }
        // The department's own words: back to a region ending, 2–12 scalars.
        var k = i - 1
        while k >= 0, isCJK(s[k]), !regionEnding.contains(s[k]), i - k <= 12 { k -= 1 }
        // A region ending right after another one starts the department's name, as 市 does in
        // `甲市市场监督管理局` (甲市 + 市场监督管理局): a region is never a lone `市`.
        if k >= 1, regionEnding.contains(s[k]), regionEnding.contains(s[k - 1]), i - k <= 12 { k -= 1 }
        let coreStart = k + 1
        guard i - coreStart >= 2, k >= 0, regionEnding.contains(s[k]) else { return nil }
        // Regions: runs ending in a region ending, walking left.
        var unitEnd = coreStart
        var j = k
        // At most `maxRegionLevels` levels (province, city, district, …): a line of several MB
        // of `ab市ab市…` would otherwise be walked level by level.
        while j >= 0, regionEnding.contains(s[j]), regionStarts.count < maxRegionLevels {
            var m = j - 1
            while m >= 0, isCJK(s[m]), !regionEnding.contains(s[m]), j - m <= 6 { m -= 1 }
            var unitStart = m + 1
            // `自治区`, `自治州`, `自治县`: the ending spans three scalars.
            let trimmedCount = leadingWordsCount(s[unitStart..<unitEnd])
            unitStart += trimmedCount
            guard unitEnd - unitStart >= 2 else { break }
            regionStarts.append(unitStart)
            // Stop when the unit did not reach back to another region ending.
            if trimmedCount > 0 || m < 0 || !regionEnding.contains(s[m]) { break }
            unitEnd = unitStart
            j = m
        }
        return regionStarts.isEmpty ? nil : coreStart
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
        let starts = leadingWordStarts
        var u = unit
        var changed = true
        while changed, let first = u.first, starts.contains(first) {
            changed = false
            for w in leadingWords where w.first == first && u.count > w.count + 1 && u.starts(with: w) {
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

    /// Counts of scalar sequences, kept flat: every key in one buffer, found by its FNV-1a hash
    /// in an open-addressing table of key numbers (at most half full).
    fileprivate struct SequenceCounts {
        /// Every key's scalars, one after another.
        private(set) var scalars: [Unicode.Scalar] = []
        /// By key, in order of first count: where its scalars are, how often it was counted, its hash.
        private var entries: [Entry] = []
        /// Key numbers by hash; -1 for none. A power of two.
        private var slots = [Int](repeating: -1, count: 32)

        private struct Entry {
            let range: Range<Int>
            var count: Int
            let hash: UInt64
        }

        /// Room for a report's names from the start: grown from empty, the three arrays of a
        /// table were reallocated a dozen times for a dozen keys.
        init() {
            scalars.reserveCapacity(256)
            entries.reserveCapacity(16)
        }

        var count: Int { entries.count }
        /// Where key `n` is in `scalars`.
        func range(_ n: Int) -> Range<Int> { entries[n].range }
        /// How often key `n` was counted.
        func count(_ n: Int) -> Int { entries[n].count }

        /// Adds `count` to the count of `key` (a sequence not in `scalars`); its number.
        @discardableResult
        mutating func add(_ key: UnsafeBufferPointer<Unicode.Scalar>, _ count: Int) -> Int {
            let hash = Self.hash(key)
            let (found, slot) = find(key, hash: hash)
            if let n = found {
                entries[n].count += count
                return n
            }
            let n = entries.count
            entries.append(Entry(range: scalars.count..<(scalars.count + key.count), count: count, hash: hash))
            // One by one: `append(contentsOf:)` of a short buffer cost a few hundred instructions.
            for scalar in key { scalars.append(scalar) }
            slots[slot] = n
            if 2 * entries.count > slots.count { grow() }
            return n
        }

        /// How often `key` was counted (0 if never).
        func occurrences(of key: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
            find(key, hash: Self.hash(key)).number.map { entries[$0].count } ?? 0
        }

        /// The number of `key` if it is counted, and its slot (or the empty one it would take).
        ///
        /// Read through buffer pointers: indexed, the arrays were checked at every probe and every
        /// scalar compared (twice the cost of the hash).
        private func find(_ key: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) -> (number: Int?, slot: Int) {
            slots.withUnsafeBufferPointer { slots in
                entries.withUnsafeBufferPointer { entries in
                    scalars.withUnsafeBufferPointer { scalars in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash ^ hash >> 32) & mask
                        while true {
                            let n = slots[slot]
                            if n < 0 { return (nil, slot) }
                            if entries[n].hash == hash, Self.holds(scalars, entries[n].range, key) { return (n, slot) }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }

        /// Whether `scalars[range]` is `key`.
        private static func holds(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
                                  _ key: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
            guard range.count == key.count, range.lowerBound >= 0, range.upperBound <= scalars.count else { return false }
            for k in key.indices where scalars[range.lowerBound &+ k] != key[k] { return false }
            return true
        }

        private mutating func grow() {
            slots = [Int](repeating: -1, count: 2 * slots.count)
            let mask = slots.count - 1
            for n in entries.indices {
                var slot = Int(truncatingIfNeeded: entries[n].hash ^ entries[n].hash >> 32) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = n
            }
        }

        private static func hash(_ key: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for s in key { h = (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3 }
            return h
        }
    }
}
