/// Folds one physical line to canonical scalars: ASCII digits and signs, no markdown
/// emphasis, no thousands separators, no space between a number and its unit.
///
/// `**１，２３４．５６** 万元` → `1234.56万元`; `减少-5,252.65 万元` → `减少-5252.65万元`.
/// Offsets change, which is fine: provenance is kept per physical line, not per column.
enum ScalarFolding {
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0xA0, 0x2002, 0x2003, 0x2009, 0x3000: return true
        default: return false
        }
    }

    /// Full-width and look-alike characters to their ASCII forms, one scalar for one scalar.
    static func foldWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        // Below U+00A0 nothing folds: ASCII, most of the digits and marks of a report, is one test.
        if s.value < 0xA0 { return s }
        switch s.value {
        case 0xFF10...0xFF19: return Unicode.Scalar(s.value - 0xFF10 + 0x30) ?? s
        case 0xFF05: return "%"
        case 0x3000, 0xA0, 0x2002, 0x2003, 0x2009: return " "
        case 0x2212, 0xFE63: return "-"
        default: return s
        }
    }

    /// Folds a physical line; returns the scalars and whether it was a markdown heading.
    static func fold(_ line: Substring) -> (scalars: [Unicode.Scalar], heading: Bool) {
        var scalars = Array(line.unicodeScalars)
        let heading = fold(&scalars, from: 0)
        return (scalars, heading)
    }

    /// Folds the physical line that takes up `scalars[start...]` (the line break not included)
    /// in place and drops what folding freed; returns whether it was a markdown heading.
    static func fold(_ scalars: inout [Unicode.Scalar], from start: Int) -> Bool {
        let folded = fold(&scalars, start..<scalars.count)
        scalars.removeLast(scalars.count - folded.end)
        return folded.heading
    }

    /// Folds the physical line at `range` of `scalars` in place; returns whether it was a
    /// markdown heading and where the folded line ends (it starts where it did). The scalars
    /// from that end to `range.upperBound` are left as they were.
    ///
    /// In place, because folding never lengthens a line: the normalizer folds each line where
    /// it was decoded, without a copy.
    static func fold(_ scalars: inout [Unicode.Scalar], _ range: Range<Int>) -> (heading: Bool, end: Int) {
        scalars.withUnsafeMutableBufferPointer { fold($0, range) }
    }

    /// `fold` on a buffer: `PhysicalLineReader` folds a line inside the array it is still
    /// initializing, where there is no array to pass yet. `range` must be initialized.
    static func fold(_ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> (heading: Bool, end: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count)
        let start = range.lowerBound
        let n = range.upperBound
        let (heading, begin) = headingMarks(scalars, range)
        // Most lines have nothing to fold: find the first scalar that changes or is a mark.
        var i = begin
        // Whether everything kept so far is space (kept as a flag: asking the output each time
        // was quadratic on a line of many `*`).
        var onlySpacesSoFar = true
        while i < n {
            let v = scalars[i].value
            // Ideographs and CJK punctuation (U+3001…U+A4CF) neither fold nor mark emphasis.
            if v > 0x3000 && v <= 0xA4CF {
                onlySpacesSoFar = false
                i += 1
                continue
            }
            let s = foldWidth(scalars[i])
            if s != scalars[i] || s == "*" || s == "_" { break }
            if onlySpacesSoFar, !isSpace(s) { onlySpacesSoFar = false }
            i += 1
        }
        if begin == start && i == n { return (heading, n) }
        // Shift the unchanged part over the leading marks, then fold the rest. Writing at `w`
        // never overtakes reading at `i`, so the look at `i + 1` sees the line as written.
        var w = start
        for k in begin..<i {
            scalars[w] = scalars[k]
            w += 1
        }
        while i < n {
            let s = foldWidth(scalars[i])
            // `**` and `__` emphasis markers vanish; so does a lone `*` (half of a pair that a
            // converter cut across lines), except a leading `* ` bullet.
            if s == "*" || s == "_" {
                if i + 1 < n, scalars[i + 1] == s {
                    i += 2
                    continue
                }
                if s == "*", !(onlySpacesSoFar && i + 1 < n && isSpace(scalars[i + 1])) {
                    i += 1
                    continue
                }
            }
            scalars[w] = s
            w += 1
            if onlySpacesSoFar, !isSpace(s) { onlySpacesSoFar = false }
            i += 1
        }
        return (heading, w)
    }

    /// Whether the line at `range` is a markdown heading (up to six `#` after any spaces, then
    /// a space or the end), and where its text starts after those marks (after any spaces).
    @inline(__always)
    private static func headingMarks(_ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> (heading: Bool, begin: Int) {
        let n = range.upperBound
        var begin = range.lowerBound
        while begin < n, isSpace(scalars[begin]) { begin += 1 }
        var hashes = begin
        while hashes < n, scalars[hashes] == "#" { hashes += 1 }
        if hashes > begin, hashes - begin <= 6, hashes == n || isSpace(scalars[hashes]) { return (true, hashes) }
        return (false, begin)
    }

    /// `fold` for a line whose scalars are width-folded already (`foldWidth` leaves each as it
    /// is), as `PhysicalLineReader` writes them: only the markdown marks are left to fold.
    ///
    /// Why not `fold`: it looks at every scalar twice (the first loop for anything that folds,
    /// the second writing the rest), and the lines with marks are the long ones, with a bold
    /// number or two. Here the marks are found eight scalars at a step (`ScalarSearch`) and
    /// what stands between them is moved as a block; at a mark, the rules are `fold`'s.
    static func foldMarks(_ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> (heading: Bool, end: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count)
        let start = range.lowerBound
        let n = range.upperBound
        let (heading, begin) = headingMarks(scalars, range)
        let line = UnsafeBufferPointer(rebasing: scalars[..<n])
        var i = ScalarSearch.firstIndex(of: "*", or: "_", in: line, from: begin)
        if begin == start && i == n { return (heading, n) }
        // Whether everything kept so far is space (a `*` then space is a bullet while it is).
        var onlySpacesSoFar = true
        var w = start
        var from = begin
        while true {
            // The scalars before the mark at `i` stay, moved to `w`.
            if onlySpacesSoFar {
                var k = from
                while k < i, isSpace(scalars[k]) { k += 1 }
                if k < i { onlySpacesSoFar = false }
            }
            if w < from, let base = scalars.baseAddress {
                (base + w).update(from: base + from, count: i - from)
            }
            w += i - from
            guard i < n else { break }
            let s = scalars[i]
            // `**` and `__` emphasis markers vanish; so does a lone `*` (half of a pair that a
            // converter cut across lines), except a leading `* ` bullet.
            if i + 1 < n, scalars[i + 1] == s {
                i += 2
            } else if s == "*", !(onlySpacesSoFar && i + 1 < n && isSpace(scalars[i + 1])) {
                i += 1
            } else {
                scalars[w] = s
                w += 1
                onlySpacesSoFar = false
                i += 1
            }
            from = i
            i = ScalarSearch.firstIndex(of: "*", or: "_", in: line, from: i)
        }
        return (heading, w)
    }

    /// True when `canonicalNumbers` leaves `s` as it is: no ASCII comma, no full-width point
    /// or comma between digits, no full-width minus before a digit and no space after a digit.
    ///
    /// Most lines are prose without a separator or a unit space; this one look (a compare
    /// per CJK scalar) spares them the copy and the offset map.
    static func hasCanonicalNumbers<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars) -> Bool
    where Scalars.Index == Int {
        var previousIsDigit = false
        for k in s.indices {
            let v = s[k].value
            // Ideographs and CJK punctuation: none of the scalars looked for.
            if v > 0x3000 && v < 0xFF0C {
                previousIsDigit = false
                continue
            }
            if v == 0x2C { return false }
            if previousIsDigit, isSpace(s[k]) { return false }
            if v == 0xFF0D || (previousIsDigit && (v == 0xFF0E || v == 0xFF0C)) {
                if k + 1 < s.endIndex, isDigit(s[k + 1]) { return false }
            }
            previousIsDigit = v >= 0x30 && v <= 0x39
        }
        return true
    }

    /// Canonical numbers in a (joined) line: full-width `．` `，` `－` inside numbers, no
    /// thousands separators, no space between a number and its unit. Runs after lines are
    /// joined, because a converter may cut `１` / `．３３` or `4,4` / `99.46` apart.
    /// Returns the new scalars; `origins` (ascending offsets into `input`) are moved to the
    /// same places in them, for provenance.
    static func canonicalNumbers(_ input: [Unicode.Scalar], origins: inout [LogicalLine.Origin]) -> [Unicode.Scalar] {
        var source = input
        var kept = 0
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: input.count) { out, initialized in
            source.withUnsafeMutableBufferPointer { s in
                origins.withUnsafeMutableBufferPointer { kept = canonicalNumbers(s, into: out, origins: $0) }
            }
            initialized = kept
        }
        return out
    }

    /// `canonicalNumbers` from `s` (changed on the way: its full-width separators are folded in
    /// place) into `out`, which must have room for `s.count` scalars; returns how many it wrote.
    /// `LineJoiner` writes a joined line's canonical form straight back into the text's buffer.
    static func canonicalNumbers(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                 origins: UnsafeMutableBufferPointer<LogicalLine.Origin>) -> Int {
        // `，` U+FF0C, `－` U+FF0D, `．` U+FF0E: one range test per scalar.
        for k in s.indices where s[k].value &- 0xFF0C < 3 {
            let before = k > 0 && isDigit(s[k - 1])
            let after = k + 1 < s.count && isDigit(s[k + 1])
            if s[k] == "\u{FF0D}" {
                if after { s[k] = "-" }
            } else if before && after {
                s[k] = s[k] == "\u{FF0E}" ? "." : ","
            }
        }
        return removeSeparatorsAndUnitSpaces(UnsafeBufferPointer(s), into: out, origins: origins)
    }

    /// `canonicalNumbers` of `s` written over `s` itself, in one pass; returns how many scalars
    /// it kept (`s[..<kept]` is the line). `LineJoiner` makes each joined line canonical so.
    ///
    /// The definition folds the separators, then drops what `removeSeparatorsAndUnitSpaces`
    /// drops, from a copy: three passes and a copy per line, for lines most of which lose a
    /// space or a comma at most. Here the scan goes from one scalar that may change to the
    /// next (`nextChange`: a comma, `，` `－` `．`, a space after a digit), keeping what stands
    /// between as it is (moved back by what was dropped before it), and folds or drops that
    /// one (its neighbours' digits decide, and folding never makes or unmakes a digit). What is
    /// kept is written at or before where it stood, so what is ahead is still as it was. A
    /// comma's look back over the digits and commas before it (`isThousandsSeparator`) reads
    /// what was already overwritten: what it would find is kept as the scan goes (`DigitRun`,
    /// given the digits that end each stretch). An origin at old offset k goes to k less the
    /// scalars dropped before k. `CanonicalNumbersTests` holds this to the definition.
    static func makeNumbersCanonical(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                     origins: UnsafeMutableBufferPointer<LogicalLine.Origin>) -> Int {
        let n = s.count
        var run = DigitRun()
        // The last scalar looked at apart, as folded (U+0000 before the first).
        var lastFolded: Unicode.Scalar = "\u{0}"
        // Scalars dropped so far: what is kept is written `dropped` places back.
        var dropped = 0
        var nextOrigin = 0
        var i = 0
        while true {
            // The stretch up to the next scalar that may change: kept as it is, moved back.
            let change = dropped == 0 ? nextChange(s, from: i) : nextChange(s, from: i, movingBack: dropped)
            let stretch = change - i
            var w = change - dropped
            if change == n {
                moveOrigins(origins, &nextOrigin, through: Int.max, to: { min($0, n) - dropped })
                return w
            }
            // The scalar before, folded: the stretch's last (written at `w - 1`), or the last
            // scalar looked at apart.
            let previous = stretch > 0 ? s[w - 1] : lastFolded
            var c = s[change]
            let v = c.value
            i = change + 1
            // `，` U+FF0C, `－` U+FF0D, `．` U+FF0E inside a number.
            if v &- 0xFF0C < 3 {
                let after = change + 1 < n && isDigit(s[change + 1])
                if v == 0xFF0D {
                    if after { c = "-" }
                } else if after && isDigit(previous) {
                    c = v == 0xFF0E ? "." : ","
                }
            }
            if c == "," {
                // The digits that end the stretch join the run (those before its start did at
                // the comma before, or are not part of it).
                var digits = 0
                while digits < stretch, isDigit(s[w - 1 - digits]) { digits += 1 }
                if digits > 0 {
                    run.addDigits(digits, after: digits < stretch ? s[w - 1 - digits] : lastFolded)
                }
                let separates = run.closesGroup(after: previous) && Self.threeDigitsFollow(s, change)
                run.addComma(after: previous)
                lastFolded = c
                if separates {
                    moveOrigins(origins, &nextOrigin, through: change, to: { $0 - dropped })
                    dropped += 1
                    continue
                }
            } else if isSpace(c), w > 0, isDigit(s[w - 1]) {
                // The spaces between a number and its unit.
                var j = change + 1
                while j < n, isSpace(s[j]) { j += 1 }
                if j < n, s[j] == "万" || s[j] == "元" || s[j] == "%" || s[j] == "亿" {
                    moveOrigins(origins, &nextOrigin, through: change, to: { $0 - dropped })
                    moveOrigins(origins, &nextOrigin, through: j, to: { _ in w })
                    dropped += j - change
                    lastFolded = s[j - 1]
                    i = j
                    continue
                }
            }
            lastFolded = c
            s[w] = c
            w &+= 1
        }
    }

    /// Moves the origins from `next` on whose old offsets are at most `limit` to `offset(old)`.
    @inline(__always)
    private static func moveOrigins(_ origins: UnsafeMutableBufferPointer<LogicalLine.Origin>, _ next: inout Int,
                                    through limit: Int, to offset: (Int) -> Int) {
        while next < origins.count, origins[next].offset <= limit {
            origins[next] = LogicalLine.Origin(offset: offset(origins[next].offset), line: origins[next].line)
            next += 1
        }
    }

    /// The first scalar of `s` from `start` that `makeNumbersCanonical` looks at apart, because
    /// it may be folded or dropped: a comma, `，` `－` `．` before a digit, or a space after a
    /// digit (the first scalar's, after any scalar looked at apart, is asked about where it is
    /// handled). `s.count` when there is none. Every scalar before it is kept as it is: with
    /// `movingBack`, each is moved that many places back on the way.
    ///
    /// `，` `－` `．` not before a digit are kept as they are (`makeNumbersCanonical` would keep
    /// them too, and a kept scalar in the stretch is what it would remember as the last one):
    /// the `，` of prose, most of the scalars once looked at apart, are no change points.
    ///
    /// Eight scalars at a step: `changeCandidates` marks the lanes that may be a change point
    /// (a few compares for eight), and only those are looked at one by one (`isChange`); a step
    /// without a change is moved back as one store. The lines that come here are the numbers'
    /// (table rows, paragraphs with figures): looked at one by one, each of their scalars was
    /// a dozen instructions. `CanonicalNumbersTests` holds this to the plain loop
    /// (`nextChangePlain`).
    @inline(__always)
    static func nextChange(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, from start: Int, movingBack shift: Int = 0) -> Int {
        let n = s.count
        var k = start
        if let base = s.baseAddress {
            let raw = UnsafeMutableRawPointer(base)
            while k &+ 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
                var lanes = changeCandidates(v)
                while lanes != 0 {
                    let p = k &+ lanes.trailingZeroBitCount &>> 3
                    // The scalars before `p` (and the one before `k`) are still as read: this
                    // step is stored only once it holds no change.
                    if isChange(s, at: p, from: start) {
                        if shift > 0 {
                            var t = k
                            while t < p {
                                s[t &- shift] = s[t]
                                t &+= 1
                            }
                        }
                        return p
                    }
                    lanes &= lanes &- 1
                }
                // Writing `shift` places back never reaches past this step's own scalars.
                if shift > 0 { raw.storeBytes(of: v, toByteOffset: (k &- shift) &* 4, as: SIMD8<UInt32>.self) }
                k &+= 8
            }
        }
        while k < n {
            if isChange(s, at: k, from: start) { return k }
            if shift > 0 { s[k &- shift] = s[k] }
            k &+= 1
        }
        return n
    }

    /// Whether `s[k]` is a change point of `nextChange` from `start`: a comma, `，` `－` `．`
    /// before a digit, or a space first or after a digit.
    @inline(__always)
    private static func isChange(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, at k: Int, from start: Int) -> Bool {
        let scalar = s[k]
        let v = scalar.value
        // Ideographs and CJK punctuation, most of a line.
        if v &- 0x3001 < 0xFF0C - 0x3001 { return false }
        if v == 0x2C { return true }
        if v &- 0xFF0C < 3 { return k &+ 1 < s.count && isDigit(s[k &+ 1]) }
        return isSpace(scalar) && (k == start || isDigit(s[k &- 1]))
    }

    /// The lanes of `v` that may be a change point, one byte each (1 for a candidate, lane 0
    /// the lowest): every comma, `，` `－` `．` and space (`isSpace`), and a few scalars besides
    /// (`$` `(` `¤` `¨` `¬`, U+FF0F, U+2000 U+2001 U+2008 U+200A U+200B, and those above U+FFFF
    /// that end so), which `isChange` turns down. 0 for most steps of eight.
    ///
    /// Looked at in their low 16 bits, eight in one register; each set is a value with some
    /// bits masked off (`(v & ~0x8C) ^ 0x20` is 0 for U+0020, `,`, U+00A0 and the five others
    /// that differ from U+0020 only in bits 2, 3 and 7), its answer left in a lane's top bit:
    /// wrapping arithmetic, and no `.==` or `.<`, whose masks were built lane by lane.
    @inline(__always)
    static func changeCandidates(_ scalars: SIMD8<UInt32>) -> UInt64 {
        let v = SIMD8<UInt16>(truncatingIfNeeded: scalars)
        let spaceOrComma = laneIsZero((v & SIMD8(repeating: ~0x8C)) ^ SIMD8(repeating: 0x20))
        let separator = laneIsZero((v & SIMD8(repeating: ~0x03)) ^ SIMD8(repeating: 0xFF0C))
        let otherSpace = laneIsZero((v & SIMD8(repeating: ~0x0B)) ^ SIMD8(repeating: 0x2000))
            | laneIsZero(v ^ SIMD8(repeating: 0x3000))
        let candidate = (spaceOrComma | separator | otherSpace) &>> 15
        return UInt64(littleEndian: unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: candidate), to: UInt64.self))
    }

    /// The top bit of each lane set where `x` is 0.
    @inline(__always)
    private static func laneIsZero(_ x: SIMD8<UInt16>) -> SIMD8<UInt16> { (x &- 1) & ~x }

    /// `nextChange` one scalar at a time, as it was written first: the definition the tests
    /// hold the stepping one to.
    static func nextChangePlain(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, from start: Int, movingBack shift: Int = 0) -> Int {
        let n = s.count
        var k = start
        while k < n {
            let scalar = s[k]
            let v = scalar.value
            if v &- 0x3001 >= 0xFF0C - 0x3001 {
                if v == 0x2C { return k }
                if v &- 0xFF0C < 3 {
                    if k + 1 < n && isDigit(s[k + 1]) { return k }
                } else if isSpace(scalar), k == start || isDigit(s[k - 1]) {
                    return k
                }
            }
            if shift > 0 { s[k - shift] = scalar }
            k += 1
        }
        return n
    }

    /// The origins of a line being compacted, moved as the scan passes them: one at old offset
    /// k goes to the number of scalars kept before k (nothing is kept between a dropped scalar
    /// and the next one looked at, so each moves when the scan reaches or passes it).
    private struct OriginMover {
        let origins: UnsafeMutableBufferPointer<LogicalLine.Origin>
        var next: Int
        /// The next origin's offset; Int.max when none is left.
        var nextOffset: Int

        /// Those before `start` stay where they are (nothing before `start` is dropped).
        init(_ origins: UnsafeMutableBufferPointer<LogicalLine.Origin>, from start: Int) {
            self.origins = origins
            var next = 0
            while next < origins.count, origins[next].offset < start { next += 1 }
            self.next = next
            nextOffset = next < origins.count ? origins[next].offset : Int.max
        }

        /// Moves the origins at or before old offset `i` to `w`, the count kept before it.
        @inline(__always)
        mutating func move(through i: Int, keptBefore w: Int) {
            while nextOffset <= i {
                origins[next] = LogicalLine.Origin(offset: w, line: origins[next].line)
                next += 1
                nextOffset = next < origins.count ? origins[next].offset : Int.max
            }
        }

        /// Moves the origins left (past the last scalar) to the end of the `w` kept.
        mutating func finish(kept w: Int) {
            while next < origins.count {
                origins[next] = LogicalLine.Origin(offset: w, line: origins[next].line)
                next += 1
            }
        }
    }

    /// Exactly three digits after the comma at `i`, then anything but a digit.
    @inline(__always)
    private static func threeDigitsFollow(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        i + 3 < s.count && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3])
            && !(i + 4 < s.count && isDigit(s[i + 4]))
    }

    /// The digits and commas that stand right before the scalar being read, as far back as
    /// `isThousandsSeparator` walks: whether a comma there closes well-formed groups (1–3 digits
    /// that start the number, then groups of exactly three), kept as they are read.
    private struct DigitRun {
        /// Commas in the run, digits before its first comma, digits since its last comma (or
        /// since it started), and whether every group between two commas had three.
        var commas = 0
        var firstGroup = 0
        var group = 0
        var middleGroupsOfThree = true
        /// A point stands before the run (`7.496,5` is a fraction).
        var afterPoint = false

        /// Whether `previous` (the scalar before) belongs to the run.
        @inline(__always)
        static func continues(_ previous: Unicode.Scalar) -> Bool { ScalarFolding.isDigit(previous) || previous == "," }

        /// `isThousandsSeparator`'s look back from a comma that follows `previous`.
        @inline(__always)
        func closesGroup(after previous: Unicode.Scalar) -> Bool {
            guard Self.continues(previous), !afterPoint else { return false }
            if commas == 0 { return group >= 1 && group <= 3 }
            return group == 3 && middleGroupsOfThree && firstGroup >= 1 && firstGroup <= 3
        }

        /// `count` digits, the first of which follows `previous`.
        @inline(__always)
        mutating func addDigits(_ count: Int, after previous: Unicode.Scalar) {
            if Self.continues(previous) {
                group += count
            } else {
                self = DigitRun(group: count, afterPoint: previous == ".")
            }
        }

        @inline(__always)
        mutating func addComma(after previous: Unicode.Scalar) {
            if Self.continues(previous) {
                if commas == 0 {
                    firstGroup = group
                } else if group != 3 {
                    middleGroupsOfThree = false
                }
                commas += 1
                group = 0
            } else {
                self = DigitRun(commas: 1, afterPoint: previous == ".")
            }
        }
    }

    /// Drops thousands separators in well-formed groups (`4,499.46`, `33,389,400`) and the
    /// spaces between a number and 万元 / 元 / % (`0.97 万元` → `0.97万元`). An origin at old
    /// offset k moves to the number of scalars kept before k.
    static func removeSeparatorsAndUnitSpaces(_ s: [Unicode.Scalar], origins: inout [LogicalLine.Origin]) -> [Unicode.Scalar] {
        var kept = 0
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: s.count) { out, initialized in
            s.withUnsafeBufferPointer { s in
                origins.withUnsafeMutableBufferPointer { kept = removeSeparatorsAndUnitSpaces(s, into: out, origins: $0) }
            }
            initialized = kept
        }
        return out
    }

    /// `removeSeparatorsAndUnitSpaces` from `s` into `out` (room for `s.count` scalars, not
    /// overlapping `s`); returns how many scalars it wrote.
    ///
    /// Written by index (it is never longer than the input): appending scalar by scalar, with
    /// a closure call per scalar for the origins, was most of the joiner's cost on table rows.
    static func removeSeparatorsAndUnitSpaces(_ s: UnsafeBufferPointer<Unicode.Scalar>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                              origins: UnsafeMutableBufferPointer<LogicalLine.Origin>) -> Int {
        let n = s.count
        precondition(out.count >= n)
        // The last comma judged, and whether it separated thousands: `1,234,567` asks about
        // the comma before `567` only through the one before `234` (see `isThousandsSeparator`).
        var lastComma: (index: Int, separates: Bool)?
        // Most lines that come here lose nothing (a comma in prose, `建设,推动`): find the first
        // scalar dropped. Up to it, every scalar and origin stays where it is.
        var start = 0
        while start < n {
            let v = s[start].value
            // Ideographs and CJK punctuation: neither comma nor space.
            if !(v > 0x3000 && v < 0xFF0C),
               resumption(afterDropping: s, at: start, after: start > 0 ? s[start - 1] : nil, lastComma: &lastComma) != nil {
                break
            }
            start += 1
        }
        var w = 0
        while w < start {
            out[w] = s[w]
            w += 1
        }
        if start == n { return n }
        var moved = OriginMover(origins, from: start)
        var i = start
        while i < n {
            moved.move(through: i, keptBefore: w)
            let nextOffset = moved.nextOffset
            let c = s[i]
            // Ideographs and CJK punctuation, most of a joined paragraph: neither comma nor
            // space, kept as they are. Their run (up to the next origin) is copied at once.
            if c.value > 0x3000 && c.value < 0xFF0C {
                let stop = min(n, nextOffset)
                repeat {
                    out[w] = s[i]
                    w += 1
                    i += 1
                } while i < stop && s[i].value > 0x3000 && s[i].value < 0xFF0C
                continue
            }
            if let resume = resumption(afterDropping: s, at: i, after: w > 0 ? out[w - 1] : nil, lastComma: &lastComma) {
                i = resume
                continue
            }
            out[w] = c
            w += 1
            i += 1
        }
        moved.finish(kept: w)
        return w
    }

    /// Where reading goes on when the scalar at `i` is dropped, or nil when it is kept: a
    /// thousands separator is dropped, and so are the spaces between a digit (`kept`, the last
    /// scalar kept) and a unit.
    @inline(__always)
    private static func resumption(afterDropping s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, after kept: Unicode.Scalar?,
                                   lastComma: inout (index: Int, separates: Bool)?) -> Int? {
        let c = s[i]
        if c == "," {
            let separates = isThousandsSeparator(s, at: i, previous: lastComma)
            lastComma = (i, separates)
            return separates ? i + 1 : nil
        }
        guard let kept, isDigit(kept), isSpace(c) else { return nil }
        // Look past the spaces: a unit follows?
        var j = i
        while j < s.count, isSpace(s[j]) { j += 1 }
        if j < s.count, s[j] == "万" || s[j] == "元" || s[j] == "%" || s[j] == "亿" { return j }
        return nil
    }

    static func isThousandsSeparator(_ s: [Unicode.Scalar], at i: Int, previous: (index: Int, separates: Bool)? = nil) -> Bool {
        s.withUnsafeBufferPointer { isThousandsSeparator($0, at: i, previous: previous) }
    }

    /// A comma at `i` separates thousands when it follows 1–3 digits that start a number
    /// (or follow another such group) and precedes exactly three digits.
    ///
    /// `previous` is the verdict on an earlier comma, when known: a comma four places back that
    /// closes a group of three digits decides this one (with the three digits after it), so a
    /// number with thousands of groups is judged in one pass instead of walking back from
    /// every comma (which was quadratic on a line of several MB).
    static func isThousandsSeparator(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int,
                                     previous: (index: Int, separates: Bool)? = nil) -> Bool {
        guard i >= 0, i < s.count else { return false }
        // Exactly three digits after, then a non-digit.
        for k in (i + 1)...(i + 3) where k >= s.count || !isDigit(s[k]) { return false }
        if i + 4 < s.count, isDigit(s[i + 4]) { return false }
        if let previous, previous.index == i - 4, isDigit(s[i - 3]), isDigit(s[i - 2]), isDigit(s[i - 1]) {
            return previous.separates
        }
        // Walk back over the integer part: digits and commas, groups of three.
        var k = i - 1
        var run = 0
        while k >= 0, isDigit(s[k]) || s[k] == "," {
            if s[k] == "," {
                if run != 3 { return false }
                run = 0
            } else {
                run += 1
            }
            k -= 1
        }
        guard run >= 1, run <= 3 else { return false }
        // Not the fraction of a decimal (`7.496,5`) nor after a letter or another number.
        if k >= 0, s[k] == "." { return false }
        return true
    }
}
