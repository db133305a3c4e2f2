/// A number (1, 2, …) for each scalar of a fixed set, 0 for every other scalar.
///
/// The scanners look a scalar up at every position of the text. A `Dictionary` or `Set` of
/// `Unicode.Scalar` hashes it each time (`Hasher` was a fifth of the statement scanner); here
/// a scalar of the Basic Multilingual Plane, where the report text lives, is two array loads:
/// its page of 256 scalars, then its number there. The rare scalars above it go to a dictionary.
///
/// Why pages: a flat array up to the largest scalar mapped (`（` is U+FF08) was 256 KB per
/// map, zero-filled and page-faulted in when a process starts; the tables made at start-up are
/// a good part of a one-report run. Pages hold only the 256-scalar blocks that have a member.
struct ScalarMap: Sendable {
    /// By the high byte of a BMP scalar: where its page starts in `entries` (0: the page of
    /// zeros that every block without a member shares).
    private var pageStart = [UInt32](repeating: 0, count: 256)
    /// The pages, 256 numbers each; the first is all zeros.
    private var entries = [UInt32](repeating: 0, count: 256)
    /// Numbers of the scalars above the BMP.
    private var astral: [Unicode.Scalar: UInt32] = [:]
    /// How many scalars `init(numbering:)` numbered.
    private(set) var count = 0

    init() {}

    /// The map of the distinct `scalars` to 1, 2, … in order of first occurrence.
    init(numbering scalars: some Collection<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars where self[scalar] == 0 {
            count += 1
            self[scalar] = UInt32(count)
        }
        self.count = count
    }

    /// The number of `scalar`, 0 when it has none.
    subscript(_ scalar: Unicode.Scalar) -> UInt32 {
        @inline(__always) get {
            let value = Int(scalar.value)
            if value <= 0xFFFF { return entries[Int(pageStart[value >> 8]) | value & 0xFF] }
            return astralNumber(scalar)
        }
        set {
            let value = Int(scalar.value)
            if value > 0xFFFF {
                astral[scalar] = newValue
                return
            }
            if pageStart[value >> 8] == 0 {
                guard newValue != 0 else { return }
                pageStart[value >> 8] = UInt32(entries.count)
                entries += repeatElement(0, count: 256)
            }
            entries[Int(pageStart[value >> 8]) | value & 0xFF] = newValue
        }
    }

    @inline(never)
    private func astralNumber(_ scalar: Unicode.Scalar) -> UInt32 { astral[scalar] ?? 0 }
}

/// A fixed set of scalars, looked up without hashing (see `ScalarMap`).
///
/// A bit per scalar of the Basic Multilingual Plane up to the largest member (8 KB at most),
/// not `ScalarMap`'s four bytes: a set of Chinese characters took 160 KB, zero-filled and
/// page-faulted in at start-up, which a one-report run pays in full.
struct ScalarSet: Sendable {
    /// Bit `v & 63` of word `v >> 6` for the BMP scalar `v`.
    private var words: [UInt64] = []
    /// The members above the BMP, sorted.
    private var astral: [UInt32] = []

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        let members = Array(scalars)
        var top = -1
        for scalar in members where scalar.value <= 0xFFFF { top = max(top, Int(scalar.value)) }
        var words = [UInt64](repeating: 0, count: top / 64 + 1)
        var astral: [UInt32] = []
        for scalar in members {
            let value = Int(scalar.value)
            if value <= 0xFFFF {
                words[value >> 6] |= 1 << UInt64(value & 63)
            } else {
                astral.append(scalar.value)
            }
        }
        self.words = words
        astral.sort()
        self.astral = astral
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        let word = value >> 6
        if word < words.count { return words[word] >> UInt64(value & 63) & 1 != 0 }
        return value > 0xFFFF && containsAstral(scalar.value)
    }

    @inline(never)
    private func containsAstral(_ value: UInt32) -> Bool { astral.contains(value) }
}
