/// Drops watermark lines: a short line without digits that repeats many times.
///
/// PDF converters copy a page's watermark (`仅供内部审核`, `内部资料`) into the text once or
/// several times per page; left in place it would cut sentences apart.
enum WatermarkFilter {
    /// Lines of at most this many scalars can be watermarks.
    static let maxLength = 24
    /// …when they occur at least this many times.
    static let minRepeats = 5

    static func removingWatermarks(_ physical: PhysicalLines) -> PhysicalLines {
        // Candidates are grouped by their scalars, hashed once each: building a `String` per
        // line and hashing it (through Unicode normalization) was most of this filter's cost.
        let lines = physical.lines
        var groups: [CandidateKey: Int] = [:]
        var groupSizes: [Int] = []
        var groupOfLine = [Int](repeating: -1, count: lines.count)
        for index in lines.indices {
            guard let text = candidateText(physical, index) else { continue }
            // Strings compare by canonical equivalence (`豈` U+F900 equals `豈` U+8C48); scalars
            // compare the same way only for plain text.
            guard PlainScalar.isPlain(text) else { return removingWatermarksComparingStrings(physical) }
            let key = CandidateKey(text)
            if let group = groups[key] {
                groupSizes[group] += 1
                groupOfLine[index] = group
            } else {
                groups[key] = groupSizes.count
                groupOfLine[index] = groupSizes.count
                groupSizes.append(1)
            }
        }
        guard groupSizes.contains(where: { $0 >= minRepeats }) else { return physical }
        var result = physical
        for (index, group) in groupOfLine.enumerated() where group >= 0 && groupSizes[group] >= minRepeats {
            // Keep the line's slot (and number) but make it blank.
            result.lines[index].blank()
        }
        return result
    }

    /// The filter with the lines' texts as `String`s, for text with scalars whose equality as
    /// strings is not equality as scalars (compatibility ideographs, combining marks).
    static func removingWatermarksComparingStrings(_ physical: PhysicalLines) -> PhysicalLines {
        var counts: [String: Int] = [:]
        for index in physical.lines.indices {
            guard let key = candidateText(physical, index).map(string) else { continue }
            counts[key, default: 0] += 1
        }
        let marks = Set(counts.filter { $0.value >= minRepeats }.keys)
        if marks.isEmpty { return physical }
        var result = physical
        for index in physical.lines.indices {
            guard let key = candidateText(physical, index).map(string), marks.contains(key) else { continue }
            result.lines[index].blank()
        }
        return result
    }

    /// The trimmed text of line `index` when it may be a watermark, or nil.
    private static func candidateText(_ physical: PhysicalLines, _ index: Int) -> ArraySlice<Unicode.Scalar>? {
        let line = physical.lines[index]
        guard line.trimmed.count >= 2, line.trimmed.count <= maxLength, !line.heading else { return nil }
        let t = physical.scalars[line.trimmed]
        // A watermark holds letters only: no digits, tabs or sentence punctuation.
        for s in t where ScalarFolding.isDigit(s) || s == "\t" || s == "。" || s == "：" || s == "、" { return nil }
        return t
    }

    private static func string(_ t: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: t)
        return String(v)
    }

    /// A candidate's scalars with their hash computed once.
    private struct CandidateKey: Hashable {
        let scalars: ArraySlice<Unicode.Scalar>
        let hash: UInt64

        init(_ scalars: ArraySlice<Unicode.Scalar>) {
            self.scalars = scalars
            // FNV-1a over the scalar values: candidates are at most `maxLength` scalars.
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for s in scalars { h = (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3 }
            hash = h
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: CandidateKey, b: CandidateKey) -> Bool {
            a.hash == b.hash && a.scalars.elementsEqual(b.scalars)
        }
    }
}
