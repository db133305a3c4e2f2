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
/// passes the read index, and the buffer holds as many scalars as there are bytes.
enum PhysicalLineReader {
    /// The lines of `bytes`, folded, and how many there are (a blank line counts; a form feed
    /// ends a line only when text stands before it, and is never part of one). An ill-formed
    /// sequence reads as U+FFFD.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: PhysicalLines, count: Int) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return (PhysicalLines(), 0) }
        var lines: [PhysicalLines.Line] = []
        // About one line per 36 bytes in reports; too few only costs a regrowth.
        lines.reserveCapacity(count / 32 + 16)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            // A copy of the (fixed) buffer: the parameter itself is inout, read through memory at every write.
            let out = buffer
            var line = LineScan(start: 0)
            var w = 0
            var i = 0
            while i < count {
                // A run of ideographs, CJK punctuation and full-width forms such as `（：；`
                // (three bytes each, wide, never space, never folded), most of a report: only
                // written, and measured once at its end.
                // The three bytes are read as one little-endian word with the byte after them (so
                // while four bytes are left; the last scalar of a file goes the general way).
                let runStart = w
                while true {
                    // Two scalars from one eight-byte word: the first tested as any scalar of a
                    // run, the second taken along when it is an ideograph. Runs are short (two
                    // or three scalars between digits and marks on average), so a run's end is
                    // found by one failed test, and half the loop's cost per scalar was its own
                    // bookkeeping.
                    if i &+ 7 < count {
                        let pair = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian
                        // 1110xxxx 10xxxxxx 10xxxxxx
                        guard pair & 0xC0_C0F0 == 0x80_80E0 else { break }
                        let v0 = UInt32(truncatingIfNeeded: (pair & 0x0F) << 12 | (pair & 0x3F00) >> 2 | (pair & 0x3F_0000) >> 16)
                        guard v0 &- 0x3001 < 0xA4CF - 0x3000 || isPlainWideForm(v0, first: w == runStart) else { break }
                        // In 0x3001...0xA4CF or 0xFF01...0xFF60: a scalar (never a surrogate).
                        out[w] = unsafeBitCast(v0, to: Unicode.Scalar.self)
                        let v1 = UInt32(truncatingIfNeeded: (pair & 0x0F00_0000) >> 12 | (pair & 0x3F_0000_0000) >> 26
                                        | (pair & 0x3F00_0000_0000) >> 40)
                        if pair & 0xC0C0_F000_0000 == 0x8080_E000_0000 && v1 &- 0x3001 < 0xA4CF - 0x3000 {
                            out[w &+ 1] = unsafeBitCast(v1, to: Unicode.Scalar.self)
                            w &+= 2
                            i &+= 6
                        } else {
                            w &+= 1
                            i &+= 3
                        }
                        continue
                    }
                    // One of the last few bytes: the scalar read with the byte after it.
                    guard i &+ 3 < count else { break }
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self).littleEndian
                    guard word & 0x00C0_C0F0 == 0x0080_80E0 else { break }
                    let value = (word & 0x0F) << 12 | (word & 0x3F00) >> 2 | (word & 0x3F_0000) >> 16
                    guard value &- 0x3001 < 0xA4CF - 0x3000 || isPlainWideForm(value, first: w == runStart) else { break }
                    out[w] = unsafeBitCast(value, to: Unicode.Scalar.self)
                    w &+= 1
                    i &+= 3
                }
                if w > runStart { line.addWide(runStart..<w) }
                guard i < count else { break }
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    // Only the three ASCII breaks end a line.
                    if lead <= 0x0D, lead == 0x0A || lead == 0x0D || lead == 0x0C {
                        if lead != 0x0C || w > line.start {
                            w = line.end(out, at: w, number: lines.count + 1, into: &lines)
                        }
                        if lead == 0x0D, i < count, bytes[i] == 0x0A { i += 1 }
                        line = LineScan(start: w)
                        continue
                    }
                    line.addASCII(lead, at: w)
                    out[w] = Unicode.Scalar(lead)
                    w += 1
                    // The printable ASCII after it (the rest of a number, a word), without going
                    // back through the test for an ideograph run at every byte.
                    while i < count {
                        let next = bytes[i]
                        guard next &- 0x20 < 0x60 else { break }
                        line.addASCII(next, at: w)
                        out[w] = Unicode.Scalar(next)
                        w &+= 1
                        i &+= 1
                    }
                    continue
                }
                // Full-width digits and `％` (about a third of the scalars left after the runs)
                // fold to ASCII: read as the ASCII they fold to, without the general decoding.
                if lead == 0xEF, i &+ 2 < count, bytes[i &+ 1] == 0xBC {
                    let value = 0xFF00 | UInt32(bytes[i &+ 2] & 0x3F)
                    if bytes[i &+ 2] & 0xC0 == 0x80, value &- 0xFF10 < 10 || value == 0xFF05 {
                        let ascii = value == 0xFF05 ? 0x25 : UInt8(truncatingIfNeeded: value &- 0xFF10 &+ 0x30)
                        i &+= 3
                        line.addASCII(ascii, at: w)
                        out[w] = Unicode.Scalar(ascii)
                        w &+= 1
                        continue
                    }
                }
                let decoded = decodeMultiByte(bytes, at: i)
                i += decoded.length
                out[w] = line.add(decoded.scalar, at: w)
                w += 1
            }
            if w > line.start { w = line.end(out, at: w, number: lines.count + 1, into: &lines) }
            initialized = w
        }
        return (PhysicalLines(scalars: scalars, lines: lines), lines.count)
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

    /// What is known of the line being read, as its scalars go by.
    private struct LineScan {
        /// Where the line starts in the output.
        let start: Int
        /// Display columns so far (CJK = 2), and those before the first and through the last
        /// scalar other than space: the raw measures run between the two.
        var columns = 0
        var first = -1
        var columnsBeforeFirst = 0
        var last = -1
        var columnsThroughLast = 0
        /// What the scalar before was, for `ScalarFolding.hasCanonicalNumbers`: a digit, a
        /// separator that a digit after it would make part of a number (`－`, or `，` `．` after
        /// a digit), or anything else.
        var previous = Previous.other
        /// The first space after a digit: inside the trimmed line when it comes before the last
        /// scalar other than space.
        var firstSpaceAfterDigit = -1
        var hasTab = false
        /// A scalar other than space and tab.
        var hasContent = false
        /// A comma, or a separator followed by a digit.
        var hasSeparator = false
        /// `*` or `_` anywhere, or `#` first: `ScalarFolding.fold` decides.
        var hasMarks = false

        init(start: Int) { self.start = start }

        enum Previous { case other, digit, separator }

        /// Measures a run of ideographs and CJK punctuation at `run`.
        @inline(__always)
        mutating func addWide(_ run: Range<Int>) {
            if first < 0 {
                first = run.lowerBound
                columnsBeforeFirst = columns
            }
            columns += 2 * run.count
            last = run.upperBound - 1
            columnsThroughLast = columns
            hasContent = true
            previous = .other
        }

        @inline(__always)
        mutating func addASCII(_ v: UInt8, at k: Int) {
            if v == 0x20 {
                addSpace(at: k, width: 1)
                return
            }
            if first < 0 {
                if v == 0x23 { hasMarks = true }
                first = k
                columnsBeforeFirst = columns
            }
            columns += 1
            last = k
            columnsThroughLast = columns
            if v == 0x09 {
                hasTab = true
                previous = .other
            } else {
                hasContent = true
                if v &- 0x30 < 10 {
                    addDigit()
                    return
                }
                previous = .other
                if v == 0x2C { hasSeparator = true }
                if v == 0x2A || v == 0x5F { hasMarks = true }
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
            let width = WrapWidth.isWide(s) ? 2 : 1
            if ScalarFolding.isSpace(s) {
                addSpace(at: k, width: width)
                return s
            }
            if first < 0 {
                first = k
                columnsBeforeFirst = columns
            }
            columns += width
            last = k
            columnsThroughLast = columns
            hasContent = true
            switch s.value {
            case 0x30...0x39: addDigit()
            case 0xFF0D: previous = .separator
            case 0xFF0C, 0xFF0E: previous = previous == .digit ? .separator : .other
            default: previous = .other
            }
            return s
        }

        @inline(__always)
        mutating func addSpace(at k: Int, width: Int) {
            columns += width
            if previous == .digit && firstSpaceAfterDigit < 0 { firstSpaceAfterDigit = k }
            previous = .other
        }

        /// Records the line, which ends at `w` in `out`, as line `number`; returns where the next
        /// line starts (before `w` when folding dropped marks).
        ///
        /// Inlined where lines end (a call per line spilled the scanner's state), with the rare
        /// line that has marks to fold apart.
        @inline(__always)
        func end(_ out: UnsafeMutableBufferPointer<Unicode.Scalar>, at w: Int, number: Int,
                 into lines: inout [PhysicalLines.Line]) -> Int {
            let rawCharacters = first < 0 ? 0 : last - first + 1
            let rawColumns = first < 0 ? 0 : columnsThroughLast - columnsBeforeFirst
            if hasMarks {
                return endFolding(out, at: w, number: number, rawCharacters: rawCharacters, rawColumns: rawColumns,
                                  into: &lines)
            }
            let spaceAfterDigit = firstSpaceAfterDigit >= 0 && firstSpaceAfterDigit < last
            let edge = first >= 0 && (PhysicalLines.Line.isEdgeSeparator(out[first], first: true)
                                      || PhysicalLines.Line.isEdgeSeparator(out[last], first: false))
            lines.append(PhysicalLines.Line(range: start..<w, trimmed: first < 0 ? w..<w : first..<(last + 1), number: number,
                                            heading: false, rawCharacters: rawCharacters, rawColumns: rawColumns,
                                            hasTab: hasTab, isBlank: !hasContent,
                                            mayHoldSeparators: hasSeparator || spaceAfterDigit || edge))
            return w
        }

        /// `end` for a line with markdown marks: folded by the definition, then looked at again.
        @inline(never)
        func endFolding(_ out: UnsafeMutableBufferPointer<Unicode.Scalar>, at w: Int, number: Int,
                        rawCharacters: Int, rawColumns: Int, into lines: inout [PhysicalLines.Line]) -> Int {
            let folded = ScalarFolding.fold(out, start..<w)
            lines.append(PhysicalLines.Line(classifying: UnsafeBufferPointer(rebasing: out[..<folded.end]),
                                            start..<folded.end, number: number, heading: folded.heading,
                                            rawCharacters: rawCharacters, rawColumns: rawColumns))
            return folded.end
        }
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
