/// A number in the text together with the unit written after it.
///
/// `0.97万元` → amount in 万元; `9700元` → amount in 元; `52.31%` → percent; `44 个` → other.
/// A malformed number (`7.496,5`, `1.2.3`, forty digits) is `.malformed` and never a figure.
struct ValueToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case amount(AmountUnit)
        case percent
        /// A number with no money or percent unit: a count, a year, a table cell.
        case bare
        case malformed
    }

    /// Scalar offsets of the number (without the unit).
    let range: Range<Int>
    /// Offset just past the unit (or the number when there is none).
    let end: Int
    /// The unit written after the number (`.amount`, `.percent` or `.bare`), whatever the number.
    let unit: Kind

    /// The number, parsed from the line `s` it was read in; nil when it is malformed.
    ///
    /// Parsed only when asked: a number binds a statement only after a label, and most numbers
    /// of a line (years, counts, those without a label) are read for their place alone.
    func number(in s: UnsafeBufferPointer<Unicode.Scalar>) -> FixedDecimal? {
        let start = range.lowerBound
        // `7.496,5`: a separator inside the run that normalization did not remove.
        for k in range where s[k] == "," { return nil }
        // Glued to a preceding decimal part (`1.2.3` split oddly) is malformed too.
        if start > 1, s[start - 1] == "." || s[start - 1] == ",", ScalarFolding.isDigit(s[start - 2]) { return nil }
        return FixedDecimal(scalars: s[range])
    }

    /// What the token is: its unit, or `.malformed` when its number is.
    func kind(in s: UnsafeBufferPointer<Unicode.Scalar>) -> Kind {
        number(in: s) == nil ? .malformed : unit
    }

    /// Every number in `s[range]`, in order.
    static func scan(_ s: UnsafeBufferPointer<Unicode.Scalar>, in range: Range<Int>) -> [ValueToken] {
        var out: [ValueToken] = []
        var reader = Reader(s, in: range)
        while let token = reader.next() { out.append(token) }
        return out
    }

    /// The numbers of `s[range]` one at a time, in order: what `scan` collects, for a caller
    /// that takes them in step with other marks of the line, without an array per line.
    struct Reader {
        private let s: UnsafeBufferPointer<Unicode.Scalar>
        private let lower: Int
        private let upper: Int
        /// The line up to `upper`, for the skip to the next digit or `-` (every other scalar only
        /// moves the scan on).
        private let head: UnsafeBufferPointer<Unicode.Scalar>
        private var i: Int

        init(_ s: UnsafeBufferPointer<Unicode.Scalar>, in range: Range<Int>) {
            self.s = s
            lower = range.lowerBound
            upper = min(range.upperBound, s.count)
            head = UnsafeBufferPointer(rebasing: s[..<max(upper, 0)])
            i = range.lowerBound
        }

        /// The next number, nil past the last.
        mutating func next() -> ValueToken? {
            while i < upper {
                i = ScalarSearch.firstDigit(or: "-", in: head, from: i)
                guard i < upper else { break }
                let c = s[i]
                let isDigit = ScalarFolding.isDigit(c)
                let isSign = c == "-" && i + 1 < upper && ScalarFolding.isDigit(s[i + 1])
                    && (i == lower || !(ScalarFolding.isDigit(s[i - 1]) || ValueToken.isLetter(s[i - 1])))
                guard isDigit || isSign else {
                    i += 1
                    continue
                }
                // A digit glued to a letter or a preceding number part is not a figure start.
                if isDigit, i > 0, ValueToken.isLetter(s[i - 1]) {
                    var j = i
                    while j < upper, ScalarFolding.isDigit(s[j]) { j += 1 }
                    i = j
                    continue
                }
                let start = i
                var j = isSign ? i + 1 : i
                while j < upper, ScalarFolding.isDigit(s[j]) || s[j] == "." || s[j] == "," { j += 1 }
                var numberEnd = j
                // A trailing point is punctuation (`1.` list numbers): leave it out.
                while numberEnd > start + 1, s[numberEnd - 1] == "." || s[numberEnd - 1] == "," { numberEnd -= 1 }
                // The run is ASCII (digits, `.`, `,`, a leading `-`), parsed where it stands when
                // its number is asked for (`number(in:)`).
                var k = numberEnd
                while k < upper, ScalarFolding.isSpace(s[k]) { k += 1 }
                var kind: ValueToken.Kind = .bare
                var end = numberEnd
                if k < upper {
                    if s[k] == "%" {
                        kind = .percent
                        end = k + 1
                    } else if s[k] == "万" {
                        if k + 1 < upper, s[k + 1] == "元" {
                            kind = .amount(.wanYuan)
                            end = k + 2
                        } else if k + 1 >= upper || ValueToken.isPunctuation(s[k + 1]) {
                            kind = .amount(.wanYuan)
                            end = k + 1
                        }
                    } else if s[k] == "元", !(k + 1 < upper && (s[k + 1] == "/" || s[k + 1] == "每")) {
                        kind = .amount(.yuan)
                        end = k + 1
                    }
                }
                i = max(j, end)
                return ValueToken(range: start..<numberEnd, end: end, unit: kind)
            }
            return nil
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "。", "；", "、", "：", ",", ".", ";", ":", "！", "？", ")", "）", "”": return true
        default: return ScalarFolding.isSpace(s)
        }
    }
}
