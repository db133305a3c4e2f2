/// Reads the physical lines of UTF-8 text in one pass over its bytes: each scalar is decoded,
/// ends its line (CR, LF, CRLF, a form feed) or is measured (`WrapWidth.measureRaw`), folded
/// (`ScalarFolding.foldWidth`) and looked at for the joiner (`PhysicalLines.Line(classifying:)`)
/// as it goes by, and written once, folded, where its line is kept.
///
/// Why one pass: decoding, splitting, measuring, folding and classifying were five loops over
/// every scalar, each reading what the one before wrote, and most of each loop was its own
/// bookkeeping. The definitions stay where they were; this reader must agree with them
/// (`PhysicalLineReaderTests` compares the two on generated text).
///
/// A line with a markdown mark (`*`, `_`, or `#` first) is read the same way and then folded
/// once more by `ScalarFolding.fold`, the definition: folding is idempotent, so folding the
/// width-folded line is folding the line. Such lines are rare.
///
/// Bounds-safe by construction: every scalar takes at least one byte, so the write index never
/// passes the read index, and the buffer holds as many scalars as there are bytes; every line
/// but the last ends at a line break byte, so there are at most one more lines than such bytes,
/// and the lines are written into an array of that many, counted before (`lineBound`).
enum PhysicalLineReader {
    /// The lines of `bytes`, folded, and how many there are (a blank line counts; a form feed
    /// ends a line only when text stands before it, and is never part of one). An ill-formed
    /// sequence reads as U+FFFD.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: PhysicalLines, count: Int) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return (PhysicalLines(), 0) }
        var scalars: [Unicode.Scalar] = []
        var replaced = false
        // Written in place, as many as there can be: appending a line (a uniqueness and a
        // capacity check, and the array's regrowth when a guess of the count was short) was a
        // tenth of the reader's cost.
        let lines = [PhysicalLines.Line](unsafeUninitializedCapacity: lineBound(bytes)) { lineBuffer, lineCount in
            let lineOut = lineBuffer
            var n = 0
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                // A copy of the (fixed) buffer: the parameter itself is inout, read through memory at every write.
                let out = buffer
                var line = LineScan(start: 0)
                var w = 0
                var i = 0
                while i < count {
                    let lead = base[i]
                    if lead < 0x80 {
                        i &+= 1
                        // Printable ASCII (a number, a word) and the printable ASCII after it,
                        // without going back through the test for a run at every byte.
                        if lead &- 0x20 < 0x60 {
                            var next = lead
                            while true {
                                line.addASCII(next, at: w)
                                out[w] = Unicode.Scalar(next)
                                w &+= 1
                                // The digits after a digit (most of a number's) change nothing
                                // that is known of the line: only written.
                                if next &- 0x30 < 10 {
                                    while i < count, base[i] &- 0x30 < 10 {
                                        out[w] = Unicode.Scalar(base[i])
                                        w &+= 1
                                        i &+= 1
                                    }
                                }
                                guard i < count else { break }
                                next = base[i]
                                guard next &- 0x20 < 0x60 else { break }
                                i &+= 1
                            }
                            continue
                        }
                        // Only the three ASCII breaks end a line.
                        if lead == 0x0A || lead == 0x0D || lead == 0x0C {
                            if lead != 0x0C || w > line.start {
                                w = line.end(out, at: w, number: n &+ 1, into: lineOut, n)
                                n &+= 1
                            }
                            if lead == 0x0D, i < count, base[i] == 0x0A { i &+= 1 }
                            // Blank lines, half of a report's: a break right after a break is a
                            // line with nothing to look at.
                            while i < count {
                                let next = base[i]
                                if next == 0x0A {
                                    i &+= 1
                                } else if next == 0x0D {
                                    i &+= 1
                                    if i < count, base[i] == 0x0A { i &+= 1 }
                                } else if next == 0x0C {
                                    // A form feed with nothing before it ends no line.
                                    i &+= 1
                                    continue
                                } else {
                                    break
                                }
                                lineOut[n] = PhysicalLines.Line(blankAt: w, number: n &+ 1)
                                n &+= 1
                            }
                            line = LineScan(start: w)
                            continue
                        }
                        // A tab or another control character.
                        line.addASCII(lead, at: w)
                        out[w] = Unicode.Scalar(lead)
                        w &+= 1
                        continue
                    }
                    // Full-width digits and `％` (about a third of the scalars outside the runs)
                    // fold to ASCII: read as the ASCII they fold to, without the general decoding.
                    // Looked at before a run, which never starts at one (`isPlainWideForm`): a step
                    // of four lanes that took nothing was most of their cost.
                    if lead == 0xEF, i &+ 2 < count, base[i &+ 1] == 0xBC {
                        let value = 0xFF00 | UInt32(base[i &+ 2] & 0x3F)
                        if base[i &+ 2] & 0xC0 == 0x80, value &- 0xFF10 < 10 || value == 0xFF05 {
                            let ascii = value == 0xFF05 ? 0x25 : UInt8(truncatingIfNeeded: value &- 0xFF10 &+ 0x30)
                            i &+= 3
                            line.addASCII(ascii, at: w)
                            out[w] = Unicode.Scalar(ascii)
                            w &+= 1
                            continue
                        }
                    }
                    // A run of ideographs, CJK punctuation and full-width forms such as `（：；`
                    // (three bytes each, wide, never space, never folded), most of a report: only
                    // written, and counted once at its end.
                    if lead & 0xF0 == 0xE0 {
                        let run = readWideRun(base, count: count, from: i, into: out, at: w)
                        if run.w > w {
                            line.wide &+= run.w &- w
                            line.previous = .other
                            i = run.i
                            w = run.w
                            continue
                        }
                    }
                    let decoded = decodeMultiByte(bytes, at: i)
                    // The only way to U+FFFD: the normalizer validates text that has one.
                    if decoded.scalar == "\u{FFFD}" { replaced = true }
                    i += decoded.length
                    out[w] = line.add(decoded.scalar, at: w)
                    w += 1
                }
                if w > line.start {
                    w = line.end(out, at: w, number: n &+ 1, into: lineOut, n)
                    n &+= 1
                }
                initialized = w
            }
            lineCount = n
        }
        var physical = PhysicalLines(scalars: scalars, lines: lines)
        physical.hasReplacementCharacter = replaced
        return (physical, lines.count)
    }

    /// At least the number of lines of `bytes`: one more than its bytes 0x0A…0x0D (LF, VT, FF,
    /// CR; a CRLF counts twice), counted thirty-two at a step (two vectors of sixteen, each
    /// counted in its own lanes: the loop's own steps were a third of its cost).
    static func lineBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var total = 1
        var k = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ten = SIMD16<UInt8>(repeating: 0x0A)
            let four = SIMD16<UInt8>(repeating: 4)
            let one = SIMD16<UInt8>(repeating: 1)
            while k &+ 16 <= count {
                // Lane counts of at most 255 steps of sixteen bytes (each set of lanes takes
                // half of them), then added up.
                var lanes = SIMD16<UInt8>()
                var lanes2 = SIMD16<UInt8>()
                let stop = min(count, k &+ 255 &* 16)
                while k &+ 32 <= stop {
                    let v = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                    let v2 = raw.loadUnaligned(fromByteOffset: k &+ 16, as: SIMD16<UInt8>.self)
                    lanes &+= one.replacing(with: 0, where: (v &- ten) .>= four)
                    lanes2 &+= one.replacing(with: 0, where: (v2 &- ten) .>= four)
                    k &+= 32
                }
                if k &+ 16 <= stop {
                    let v = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                    lanes &+= one.replacing(with: 0, where: (v &- ten) .>= four)
                    k &+= 16
                }
                // Widened first: the sixteen lanes add up to more than a byte holds.
                total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
                total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes2).wrappedSum())
            }
        }
        while k < count {
            if bytes[k] &- 0x0A < 4 { total &+= 1 }
            k &+= 1
        }
        return total
    }

    /// Reads the run of wide scalars at `i` (see `isPlainWideForm`) into `out` at `w`; returns
    /// where reading and writing stopped (`i` and `w` when no run starts at `i`).
    ///
    /// A scalar's three bytes are read as one little-endian word with the byte after them (so
    /// while four bytes are left; the last scalar of a file goes the general way). Ideographs and
    /// CJK punctuation go four at a step, one lane each (`ideographLanes`), from the first scalar
    /// on, and a full-width form such as `，（：` one at a time where a step stops at one (the
    /// first scalar of the run may not be `，` or `．`: nothing is written yet). Runs are about
    /// ten scalars long; one or two at a time, most of the cost per scalar was the tests and the
    /// bookkeeping, and the first scalar looked at alone was a sixth of the cost of a run.
    @inline(__always)
    static func readWideRun(_ base: UnsafePointer<UInt8>, count: Int, from start: Int,
                            into out: UnsafeMutableBufferPointer<Unicode.Scalar>, at startW: Int) -> (i: Int, w: Int) {
        var i = start
        var w = startW
        if let outBase = out.baseAddress {
            // The last lane reads up to byte i + 12; the four scalars written at `w` (never
            // after `i`) end before it.
            let laneEnd = count &- 12
            while i < laneEnd {
                let taken = ideographLanes(UnsafeRawPointer(base + i), writingTo: UnsafeMutableRawPointer(outBase + w))
                w &+= taken
                i &+= 3 &* taken
                if taken == 4 { continue }
                // The step stopped at a scalar other than an ideograph: a full-width form takes
                // the run on (four bytes are left: the step read them).
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self).littleEndian
                guard word & 0x00C0_C0F0 == 0x0080_80E0 else { return (i, w) }
                let value = decodeThreeBytes(word)
                guard isPlainWideForm(value, first: w == startW) else { return (i, w) }
                out[w] = unsafeBitCast(value, to: Unicode.Scalar.self)
                w &+= 1
                i &+= 3
            }
        }
        // The last bytes, one scalar at a time.
        while i &+ 3 < count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self).littleEndian
            guard word & 0x00C0_C0F0 == 0x0080_80E0 else { break }
            let value = decodeThreeBytes(word)
            // In 0x3001...0xA4CF or 0xFF01...0xFF60: a scalar (never a surrogate).
            guard value &- 0x3001 < 0xA4CF - 0x3000 || isPlainWideForm(value, first: w == startW) else { break }
            out[w] = unsafeBitCast(value, to: Unicode.Scalar.self)
            w &+= 1
            i &+= 3
        }
        return (i, w)
    }

    /// The scalar of a three-byte sequence read as a little-endian word (its fourth byte ignored).
    @inline(__always)
    static func decodeThreeBytes(_ word: UInt32) -> UInt32 {
        (word & 0x0F) << 12 | (word & 0x3F00) >> 2 | (word & 0x3F_0000) >> 16
    }

    /// Decodes the four three-byte sequences at `p` (bytes 0…12 are read) and writes them to
    /// `out`, whether or not they are scalars; returns how many of them, from the first, are
    /// ideographs or CJK punctuation (U+3001…U+A4CF). `out[n...]` is then not text.
    ///
    /// Each test leaves its answer in the sign bit of its lane (values are below 2^16, so the
    /// differences never overflow), and only the last step turns sign bits into lanes: with
    /// vector compares, the compiler took the lanes apart one by one.
    @inline(__always)
    static func ideographLanes(_ p: UnsafeRawPointer, writingTo out: UnsafeMutableRawPointer) -> Int {
        let x = SIMD4<Int32>(p.loadUnaligned(as: Int32.self).littleEndian,
                             p.loadUnaligned(fromByteOffset: 3, as: Int32.self).littleEndian,
                             p.loadUnaligned(fromByteOffset: 6, as: Int32.self).littleEndian,
                             p.loadUnaligned(fromByteOffset: 9, as: Int32.self).littleEndian)
        let v = (x & 0x0F) &<< 12 | (x &>> 2) & 0xFC0 | (x &>> 16) & 0x3F
        out.storeBytes(of: v, as: SIMD4<Int32>.self)
        // 1110xxxx 10xxxxxx 10xxxxxx: the masked word minus the pattern, less one, is negative.
        let structure = ((x & 0x00C0_C0F0) ^ 0x0080_80E0) &- 1
        // 0x3001 <= v < 0xA4D0: the two differences differ in sign.
        let ideograph = (v &- 0x3001) ^ (v &- 0xA4D0)
        let lanes = (structure & ideograph) &>> 31
        // A byte of ones per lane that is one, from the first lane up.
        let ones = unsafeBitCast(SIMD4<Int8>(truncatingIfNeeded: lanes), to: UInt32.self)
        return (~ones).trailingZeroBitCount &>> 3
    }

    /// Whether `value` is a full-width form that the run of ideographs may take in: wide, never
    /// space and never folded (not a digit, not `％`), and not a separator that changes what
    /// `LineScan` knows of the scalar before (`－` always; `，` and `．` after a digit, so only
    /// where one is not first in a run: the scalar before is then in the run).
    @inline(__always)
    static func isPlainWideForm(_ value: UInt32, first: Bool) -> Bool {
        let f = value &- 0xFF01
        guard f < 0x60 else { return false }
        // Offsets from U+FF01: `％` 4, `，` 11, `－` 12, `．` 13, `０`…`９` 15…24.
        if f >= 32 { return true }
        let never: UInt32 = 1 << 4 | 1 << 12 | 0x3FF << 15
        let notFirst: UInt32 = 1 << 11 | 1 << 13
        return (never | (first ? notFirst : 0)) >> f & 1 == 0
    }

    /// What is known of the line being read, as its scalars go by. Its ends are found when it
    /// ends (spaces are all U+0020 once folded, and one column wide), so only what needs the
    /// order of its scalars is kept on the way.
    private struct LineScan {
        /// Where the line starts in the output.
        let start: Int
        /// The wide scalars so far (CJK = 2 columns): the line's columns are its scalars and these.
        var wide = 0
        /// What the scalar before was, for `ScalarFolding.hasCanonicalNumbers`: a digit, a
        /// separator that a digit after it would make part of a number (`－`, or `，` `．` after
        /// a digit), or anything else.
        var previous = Previous.other
        /// The first space after a digit: inside the trimmed line when it comes before the last
        /// scalar other than space.
        var firstSpaceAfterDigit = -1
        var hasTab = false
        /// A comma, or a separator followed by a digit.
        var hasSeparator = false
        /// `*` or `_` anywhere (`#` first is seen at the end): `ScalarFolding.fold` decides.
        var hasMarks = false

        init(start: Int) { self.start = start }

        enum Previous { case other, digit, separator }

        @inline(__always)
        mutating func addASCII(_ v: UInt8, at k: Int) {
            switch v {
            case 0x30...0x39:
                addDigit()
            case 0x20:
                addSpace(at: k)
            case 0x09:
                hasTab = true
                previous = .other
            case 0x2C:
                hasSeparator = true
                previous = .other
            case 0x2A, 0x5F:
                hasMarks = true
                previous = .other
            default:
                previous = .other
            }
        }

        @inline(__always)
        mutating func addDigit() {
            if previous == .separator { hasSeparator = true }
            previous = .digit
        }

        /// Measures and looks at a scalar that is neither ASCII nor CJK; returns it folded.
        @inline(__always)
        mutating func add(_ raw: Unicode.Scalar, at k: Int) -> Unicode.Scalar {
            let s = ScalarFolding.foldWidth(raw)
            if WrapWidth.isWide(s) { wide &+= 1 }
            if ScalarFolding.isSpace(s) {
                addSpace(at: k)
                return s
            }
            switch s.value {
            case 0x30...0x39: addDigit()
            case 0xFF0D: previous = .separator
            case 0xFF0C, 0xFF0E: previous = previous == .digit ? .separator : .other
            default: previous = .other
            }
            return s
        }

        @inline(__always)
        mutating func addSpace(at k: Int) {
            if previous == .digit && firstSpaceAfterDigit < 0 { firstSpaceAfterDigit = k }
            previous = .other
        }

        /// Records the line, which ends at `w` in `out`, as line `number` at `lines[index]`;
        /// returns where the next line starts (before `w` when folding dropped marks).
        ///
        /// Inlined where lines end (a call per line spilled the scanner's state), with the rare
        /// line that has marks to fold apart.
        @inline(__always)
        func end(_ out: UnsafeMutableBufferPointer<Unicode.Scalar>, at w: Int, number: Int,
                 into lines: UnsafeMutableBufferPointer<PhysicalLines.Line>, _ index: Int) -> Int {
            // Trimmed of spaces (U+0020 once folded, one column each): the raw measures run
            // from the first scalar other than space to the last.
            var lo = start
            var hi = w
            while lo < hi, out[lo] == " " { lo &+= 1 }
            while hi > lo, out[hi &- 1] == " " { hi &-= 1 }
            let rawCharacters = hi &- lo
            let rawColumns = rawCharacters &+ wide
            if hasMarks || (lo < hi && out[lo] == "#") {
                let folded = PhysicalLineReader.endFolding(out, start..<w, number: number, rawCharacters: rawCharacters,
                                                           rawColumns: rawColumns)
                lines[index] = folded.line
                return folded.end
            }
            // Blank: nothing but spaces and tabs.
            var content = lo
            while content < hi, out[content] == "\t" || out[content] == " " { content &+= 1 }
            let spaceAfterDigit = firstSpaceAfterDigit >= 0 && firstSpaceAfterDigit &+ 1 < hi
            let edge = lo < hi && (PhysicalLines.Line.isEdgeSeparator(out[lo], first: true)
                                   || PhysicalLines.Line.isEdgeSeparator(out[hi &- 1], first: false))
            lines[index] = PhysicalLines.Line(range: start..<w, trimmed: lo..<hi, number: number, heading: false,
                                              rawCharacters: rawCharacters, rawColumns: rawColumns, hasTab: hasTab,
                                              isBlank: content == hi, mayHoldSeparators: hasSeparator || spaceAfterDigit || edge)
            return w
        }
    }

    /// `LineScan.end` for a line with markdown marks: its marks folded (`ScalarFolding.foldMarks`,
    /// `fold` for width-folded scalars), then looked at again; returns the line and where it ends.
    @inline(never)
    static func endFolding(_ out: UnsafeMutableBufferPointer<Unicode.Scalar>, _ range: Range<Int>, number: Int,
                           rawCharacters: Int, rawColumns: Int) -> (line: PhysicalLines.Line, end: Int) {
        let folded = ScalarFolding.foldMarks(out, range)
        let line = classifyFolded(UnsafeBufferPointer(rebasing: out[..<folded.end]), range.lowerBound..<folded.end,
                                  number: number, heading: folded.heading, rawCharacters: rawCharacters, rawColumns: rawColumns)
        return (line, folded.end)
    }

    /// `PhysicalLines.Line(classifying:)` with its two loops over the trimmed line (tabs and
    /// blankness; `ScalarFolding.hasCanonicalNumbers`) made one: what each asks of a scalar is
    /// asked in the same pass, ideographs and CJK punctuation settled by one test.
    static func classifyFolded(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, number: Int, heading: Bool,
                               rawCharacters: Int, rawColumns: Int) -> PhysicalLines.Line {
        let trimmed = PhysicalLines.Line.trimming(scalars, range)
        let lo = trimmed.lowerBound
        let hi = trimmed.upperBound
        var hasTab = false
        var isBlank = true
        // `hasCanonicalNumbers` of the trimmed line, as it goes.
        var canonical = true
        var previousIsDigit = false
        let line = UnsafeBufferPointer(rebasing: scalars[..<hi])
        var k = lo
        while k < hi {
            let s = scalars[k]
            let v = s.value
            // Ideographs and CJK punctuation: neither tab nor space, nor any separator; the
            // run they stand in is skipped four at a step.
            if v > 0x3000 && v < 0xFF0C {
                isBlank = false
                previousIsDigit = false
                k = ScalarSearch.firstOutside(0x3001...0xFF0B, in: line, from: k &+ 1)
                continue
            }
            if v == 0x09 {
                hasTab = true
            } else if isBlank, !ScalarFolding.isSpace(s) {
                isBlank = false
            }
            if canonical {
                if v == 0x2C || (previousIsDigit && ScalarFolding.isSpace(s)) {
                    canonical = false
                } else if v == 0xFF0D || (previousIsDigit && (v == 0xFF0E || v == 0xFF0C)) {
                    if k + 1 < hi, ScalarFolding.isDigit(scalars[k + 1]) { canonical = false }
                }
            }
            previousIsDigit = ScalarFolding.isDigit(s)
            k &+= 1
        }
        let mayHoldSeparators = lo < hi
            && (!canonical || PhysicalLines.Line.isEdgeSeparator(scalars[lo], first: true)
                || PhysicalLines.Line.isEdgeSeparator(scalars[hi - 1], first: false))
        return PhysicalLines.Line(range: range, trimmed: lo..<hi, number: number, heading: heading, rawCharacters: rawCharacters,
                                  rawColumns: rawColumns, hasTab: hasTab, isBlank: isBlank, mayHoldSeparators: mayHoldSeparators)
    }

    /// The scalar of the multi-byte UTF-8 sequence whose lead byte is at `i`, and its length;
    /// U+FFFD of length 1 for an ill-formed or cut sequence.
    static func decodeMultiByte(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[i])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = lead & 0x1F
        case 0xE0...0xEF:
            length = 3
            value = lead & 0x0F
        case 0xF0...0xF4:
            length = 4
            value = lead & 0x07
        default:
            return ("\u{FFFD}", 1)
        }
        guard i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in (i + 1)..<(i + length) {
            let byte = UInt32(bytes[k])
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | byte & 0x3F
        }
        // Overlong forms and surrogates are ill-formed.
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x1_0000
        guard value >= shortest, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}
