/// Finds the next (or last) scalar of a very small set in a line, eight scalars at a step.
///
/// The stages skip over most of a line to the few scalars they act on (a tab, `单`, a digit,
/// `见`). Compared one at a time that is a load, two compares and two branches per scalar;
/// compared as eight lanes at once (two SSE registers) it is a few instructions per eight,
/// and only the step that holds a match is looked at scalar by scalar.
enum ScalarSearch {
    /// The first offset at or after `start` whose scalar is `a` or `b`; `s.count` if none is.
    @inline(__always)
    static func firstIndex(of a: Unicode.Scalar, or b: Unicode.Scalar, in s: UnsafeBufferPointer<Unicode.Scalar>,
                           from start: Int) -> Int {
        var k = max(start, 0)
        let n = s.count
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let va = SIMD8<UInt32>(repeating: a.value)
            let vb = SIMD8<UInt32>(repeating: b.value)
            while k &+ 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
                if any((v .== va) .| (v .== vb)) { break }
                k &+= 8
            }
        }
        while k < n, s[k] != a, s[k] != b { k += 1 }
        return k
    }

    /// The last offset after `lower` whose scalar is `a`, `b` or `c`; -1 if none is. From the
    /// end, for a bound that every later look stops at (a line's last unit).
    @inline(__always)
    static func lastIndex(of a: Unicode.Scalar, or b: Unicode.Scalar, or c: Unicode.Scalar,
                          in s: UnsafeBufferPointer<Unicode.Scalar>, after lower: Int) -> Int {
        let floor = max(lower &+ 1, 0)
        var k = s.count
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let va = SIMD8<UInt32>(repeating: a.value)
            let vb = SIMD8<UInt32>(repeating: b.value)
            let vc = SIMD8<UInt32>(repeating: c.value)
            while k &- 8 >= floor {
                let v = raw.loadUnaligned(fromByteOffset: (k &- 8) &* 4, as: SIMD8<UInt32>.self)
                if any((v .== va) .| (v .== vb) .| (v .== vc)) { break }
                k &-= 8
            }
        }
        while k > floor {
            let x = s[k - 1]
            if x == a || x == b || x == c { return k - 1 }
            k -= 1
        }
        return -1
    }

    /// The first offset at or after `start` whose scalar is `a`; `s.count` if none is.
    @inline(__always)
    static func firstIndex(of a: Unicode.Scalar, in s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        firstIndex(of: a, or: a, in: s, from: start)
    }

    /// The first offset at or after `start` whose scalar is an ASCII digit; `s.count` if none is.
    @inline(__always)
    static func firstDigit(in s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        firstDigit(or: nil, in: s, from: start)
    }

    /// The first offset at or after `start` whose scalar is an ASCII digit or `other`.
    @inline(__always)
    static func firstDigit(or other: Unicode.Scalar?, in s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        var k = max(start, 0)
        let n = s.count
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let zero = SIMD8<UInt32>(repeating: 0x30)
            let ten = SIMD8<UInt32>(repeating: 10)
            // A digit stands for `other` when there is none: the test is then the digit test alone.
            let extra = SIMD8<UInt32>(repeating: other?.value ?? 0x30)
            while k &+ 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD8<UInt32>.self)
                // `v - 0x30 < 10` lane by lane (wrapping below 0x30 to a large value).
                if any(((v &- zero) .< ten) .| (v .== extra)) { break }
                k &+= 8
            }
        }
        while k < n, !ScalarFolding.isDigit(s[k]), s[k] != other { k += 1 }
        return k
    }

    /// The first offset at or after `start` whose scalar is outside `range`; `s.count` if none is.
    ///
    /// For the runs of ideographs and CJK punctuation that most of a line is and that a pass
    /// has nothing to do with: four lanes at a step, as runs are about ten scalars long (a
    /// step of eight would seldom fit between two commas).
    @inline(__always)
    static func firstOutside(_ range: ClosedRange<UInt32>, in s: UnsafeBufferPointer<Unicode.Scalar>,
                             from start: Int) -> Int {
        var k = max(start, 0)
        let n = s.count
        let lower = range.lowerBound
        let width = range.upperBound &- lower
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let low = SIMD4<UInt32>(repeating: lower)
            let span = SIMD4<UInt32>(repeating: width)
            while k &+ 4 <= n {
                let v = raw.loadUnaligned(fromByteOffset: k &* 4, as: SIMD4<UInt32>.self)
                // `v - lower <= width` lane by lane (wrapping below `lower` to a large value).
                if any((v &- low) .> span) { break }
                k &+= 4
            }
        }
        while k < n, s[k].value &- lower <= width { k &+= 1 }
        return k
    }
}
