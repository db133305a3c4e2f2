/// Drops watermark lines: a short line without digits that repeats many times.
///
/// PDF converters copy a page's watermark (`仅供内部审核`, `内部资料`) into the text once or
/// several times per page; left in place it would cut sentences apart.
enum WatermarkFilter {
    /// Lines of at most this many scalars can be watermarks.
    static let maxLength = 24
    /// …when they occur at least this many times.
    static let minRepeats = 5

    /// Blanks the watermark lines of `physical` in place: a copy of the lines to blank them in
    /// was a copy of every line of a report with a watermark.
    static func removeWatermarks(from physical: inout PhysicalLines) {
        guard let marked = watermarkLines(physical) else { return removeWatermarksComparingStrings(from: &physical) }
        for index in marked {
            // Keep the line's slot (and number) but make it blank.
            physical.lines[index].blank()
        }
    }

    /// The indices of the watermark lines, or nil when the candidates must be compared as
    /// `String`s: strings compare by canonical equivalence (`豈` U+F900 equals `豈` U+8C48),
    /// scalars the same way only for plain text.
    ///
    /// Candidates are grouped by their scalars in a table of their FNV-1a hashes, chained: a
    /// `Dictionary` hashed each key again through `Hasher`, and a `String` per line (hashed
    /// through Unicode normalization) was once most of this filter's cost.
    private static func watermarkLines(_ physical: PhysicalLines) -> [Int]? {
        let candidates = candidateLines(physical.lines)
        // A power of two, 256 or at least half the number of candidates (of which about half
        // are letters, and groups fewer): the chains stay a group or two long. Open addressing
        // needed twice the candidates, and that table's fill (4 KB, byte by byte through
        // `rep stosb`) cost more than its probes.
        var size = 256
        while 2 * size < candidates.count { size *= 2 }
        let mask = size - 1
        // By hash: the last group made, -1 for none.
        var slots = [Int32](repeating: -1, count: size)
        // Per group: the line whose text is its key, that text's hash, its size, and the group
        // made before it in its chain (-1 for none).
        var groups: [(line: Int, hash: UInt64, size: Int, next: Int32)] = []
        // At most one per candidate: grown from empty, it was reallocated a dozen times per report.
        groups.reserveCapacity(candidates.count)
        // By candidate: its group (-1 for none: not letters only).
        var groupOfCandidate = [Int32](repeating: -1, count: candidates.count)
        // Each candidate read once, in place: its letters checked, its plainness and its hash in
        // the same pass. The table and the candidates' groups are written through their buffers:
        // fixed in size, they need no uniqueness check per write.
        let comparable = physical.scalars.withUnsafeBufferPointer { all -> Bool in
            physical.lines.withUnsafeBufferPointer { lines -> Bool in
                slots.withUnsafeMutableBufferPointer { slots -> Bool in
                    groupOfCandidate.withUnsafeMutableBufferPointer { groupOfCandidate -> Bool in
                        for (c, index) in candidates.enumerated() {
                            let text = UnsafeBufferPointer(rebasing: all[lines[index].trimmed])
                            // FNV-1a over the scalar values: candidates are at most `maxLength` scalars.
                            var h: UInt64 = 0xCBF2_9CE4_8422_2325
                            var plain = true
                            var letters = true
                            for s in text {
                                // Ideographs (most of a watermark): letters, and plain.
                                if s.value &- 0x4E00 > 0x9FFF - 0x4E00 {
                                    if isNotLetter(s) {
                                        letters = false
                                        break
                                    }
                                    plain = plain && PlainScalar.isPlain(s)
                                }
                                h = (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3
                            }
                            guard letters else { continue }
                            guard plain else { return false }
                            let slot = Int(truncatingIfNeeded: h ^ h >> 32) & mask
                            var group = Int(slots[slot])
                            while group >= 0 {
                                if groups[group].hash == h,
                                   text.elementsEqual(UnsafeBufferPointer(rebasing: all[lines[groups[group].line].trimmed])) {
                                    break
                                }
                                group = Int(groups[group].next)
                            }
                            if group >= 0 {
                                groups[group].size += 1
                                groupOfCandidate[c] = Int32(truncatingIfNeeded: group)
                            } else {
                                groupOfCandidate[c] = Int32(truncatingIfNeeded: groups.count)
                                groups.append((index, h, 1, slots[slot]))
                                slots[slot] = Int32(truncatingIfNeeded: groups.count - 1)
                            }
                        }
                        return true
                    }
                }
            }
        }
        guard comparable else { return nil }
        guard groups.contains(where: { $0.size >= minRepeats }) else { return [] }
        return candidates.indices.compactMap { c in
            groupOfCandidate[c] >= 0 && groups[Int(groupOfCandidate[c])].size >= minRepeats ? candidates[c] : nil
        }
    }

    /// The lines of 2 … `maxLength` scalars that are not headings, in order: the only lines the
    /// filter reads the scalars of.
    ///
    /// Apart, so that the pass over every line's bounds keeps its values in registers (inside
    /// the loop that hashes the candidates, it reloaded them from the stack per line).
    /// Written into room for every line, not appended: an append checked the array's
    /// uniqueness and capacity per candidate.
    @inline(never)
    private static func candidateLines(_ lines: [PhysicalLines.Line]) -> [Int] {
        lines.withUnsafeBufferPointer { lines in
            [Int](unsafeUninitializedCapacity: lines.count) { candidates, count in
                var n = 0
                for index in lines.indices {
                    let length = lines[index].trimmed.count
                    if length >= 2, length <= maxLength, !lines[index].heading {
                        candidates.initializeElement(at: n, to: index)
                        n += 1
                    }
                }
                count = n
            }
        }
    }

    /// The filter with the lines' texts as `String`s, for text with scalars whose equality as
    /// strings is not equality as scalars (compatibility ideographs, combining marks).
    static func removeWatermarksComparingStrings(from physical: inout PhysicalLines) {
        var counts: [String: Int] = [:]
        for index in physical.lines.indices {
            guard let key = candidateText(physical, index).map(string) else { continue }
            counts[key, default: 0] += 1
        }
        let marks = Set(counts.filter { $0.value >= minRepeats }.keys)
        if marks.isEmpty { return }
        for index in physical.lines.indices {
            guard let key = candidateText(physical, index).map(string), marks.contains(key) else { continue }
            physical.lines[index].blank()
        }
    }

    /// The trimmed text of line `index` when it may be a watermark, or nil.
    private static func candidateText(_ physical: PhysicalLines, _ index: Int) -> ArraySlice<Unicode.Scalar>? {
        let line = physical.lines[index]
        guard line.trimmed.count >= 2, line.trimmed.count <= maxLength, !line.heading else { return nil }
        let t = physical.scalars[line.trimmed]
        for s in t where isNotLetter(s) { return nil }
        return t
    }

    /// A watermark holds letters only: no digits, tabs or sentence punctuation.
    @inline(__always)
    private static func isNotLetter(_ s: Unicode.Scalar) -> Bool {
        ScalarFolding.isDigit(s) || s == "\t" || s == "。" || s == "：" || s == "、"
    }

    private static func string(_ t: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: t)
        return String(v)
    }
}
