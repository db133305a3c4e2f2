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
        // Markdown heading marks and block quotes at the start of a line.
        var heading = false
        var begin = start
        while begin < n, isSpace(scalars[begin]) { begin += 1 }
        var hashes = begin
        while hashes < n, scalars[hashes] == "#" { hashes += 1 }
        if hashes > begin, hashes - begin <= 6, hashes == n || isSpace(scalars[hashes]) {
            heading = true
            begin = hashes
        }
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
        // The next origin to move, and its offset (Int.max when none is left): every one at or
        // before the scalar being looked at moves to the count kept so far (nothing is kept
        // between a skipped scalar and the next one looked at).
        var nextOrigin = 0
        while nextOrigin < origins.count, origins[nextOrigin].offset < start { nextOrigin += 1 }
        var nextOffset = nextOrigin < origins.count ? origins[nextOrigin].offset : Int.max
        var i = start
        while i < n {
            while nextOffset <= i {
                origins[nextOrigin] = LogicalLine.Origin(offset: w, line: origins[nextOrigin].line)
                nextOrigin += 1
                nextOffset = nextOrigin < origins.count ? origins[nextOrigin].offset : Int.max
            }
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
        while nextOrigin < origins.count {
            origins[nextOrigin] = LogicalLine.Origin(offset: w, line: origins[nextOrigin].line)
            nextOrigin += 1
        }
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
