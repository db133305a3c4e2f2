/// Which of many phrases occur in a text read line by line, where no phrase spans a line.
///
/// `ContentsChecker` looks for each entry of a report's 目录 (a few dozen to hundreds of
/// titles) in its body. An Aho–Corasick automaton over titles that long has hundreds of
/// states over hundreds of symbols, too many for a transition table: every body scalar
/// walked failure links and edge lists, and building the automaton per report cost more
/// still. Here each phrase is keyed by one window of up to four of its scalars (a
/// fingerprint); reading a scalar shifts it into a rolling key and costs one table load, and
/// only a key that is a phrase's window compares scalars. Reading stops being needed once
/// all are found (`allFound`).
///
/// Each line is read through a `Filter` that drops scalars (the spaces a title never has, the
/// punctuation of a loose comparison), keeping its state from line to line; a phrase is found
/// when it is a contiguous run of one line's kept scalars.
struct LinePhraseFinder {
    /// Drops the scalars that are not read; its state carries from one scalar to the next.
    protocol Filter {
        mutating func keeps(_ scalar: Unicode.Scalar) -> Bool
    }

    /// Whether each phrase was found (an empty phrase is in every text).
    private(set) var found: [Bool]
    /// How many of the first `required` phrases are still looked for.
    private(set) var remaining: Int
    /// The phrases after this many are looked for only while one before is (`见附件` matters
    /// only when a title is missing).
    private let required: Int
    /// Whether reading on can find anything that matters.
    var allFound: Bool { remaining == 0 }

    private let phrases: [[Unicode.Scalar]]
    /// The length of every phrase's window: four scalars, or the shortest phrase's length
    /// when that is less (`见附件`, a loose title of three).
    private let window: Int
    /// The bits of a window's key (`key(_:)`).
    private let mask: UInt64
    /// By phrase: where its window starts in it.
    private var windowStart: [Int]
    /// By phrase: the next phrase with the same window key (-1: none).
    private var next: [Int32]
    /// An open-addressing table of the windows' keys (linear probing): by slot, the key and
    /// its first phrase + 1 (0: an empty slot; `Int32.min`: a key whose phrases were all found).
    private var slotKey: [UInt64]
    private var slotFirst: [Int32]
    private let shift: UInt64
    /// The kept scalars of the line being read, written as they are read (as long as the
    /// longest line read).
    private var line: [Unicode.Scalar] = []
    /// Phrases whose window was read in the line, with where they would start among its kept
    /// scalars: compared once the line is read.
    private var candidates: [(phrase: Int, start: Int)] = []
    /// The phrases found in the line being read, taken out of the table after it.
    private var foundInLine: [Int] = []

    init(_ phrases: [[Unicode.Scalar]], required: Int? = nil) {
        self.phrases = phrases
        self.required = required ?? phrases.count
        // Closures, not key paths (`\.isEmpty`): a key path is applied through the runtime,
        // some hundred instructions per phrase.
        found = phrases.map { $0.isEmpty }
        remaining = found[..<self.required].count { !$0 }
        window = min(4, phrases.lazy.filter { !$0.isEmpty }.map { $0.count }.min() ?? 4)
        mask = window == 4 ? ~0 : (1 << (16 * UInt64(window))) - 1
        // Sixteen slots per phrase or more: most keys land on an empty one, decided by one load.
        var bits: UInt64 = 6
        while (1 << bits) < 16 * phrases.count { bits += 1 }
        shift = 64 - bits
        slotKey = [UInt64](repeating: 0, count: 1 << Int(bits))
        slotFirst = [Int32](repeating: 0, count: 1 << Int(bits))
        next = [Int32](repeating: -1, count: phrases.count)
        windowStart = [Int](repeating: 0, count: phrases.count)
        for (index, phrase) in phrases.enumerated() where !phrase.isEmpty {
            // The last window whose key no other phrase has yet: phrases that begin alike
            // (`2024年度…`) then have keys of their own, and a heading's end (`…决算表`) is
            // rarer in a body than its start. A phrase whose every window is taken shares.
            var chosen: (start: Int, slot: Int)?
            for start in stride(from: phrase.count - window, through: 0, by: -1) {
                let slot = slot(of: Self.key(phrase[start..<start + window]))
                if chosen == nil || slotFirst[slot] == 0 { chosen = (start, slot) }
                if slotFirst[slot] == 0 { break }
            }
            guard let (start, slot) = chosen else { continue }
            if slotFirst[slot] == 0 {
                slotKey[slot] = Self.key(phrase[start..<start + window])
            }
            windowStart[index] = start
            next[index] = max(slotFirst[slot], 0) - 1
            slotFirst[slot] = Int32(index + 1)
        }
    }

    /// The key of a window: the low sixteen bits of each scalar (exact for the Basic
    /// Multilingual Plane; a scalar above it may share a key, and the comparison decides),
    /// as `read` rolls it.
    private static func key(_ window: ArraySlice<Unicode.Scalar>) -> UInt64 {
        window.reduce(0) { $0 << 16 | UInt64($1.value & 0xFFFF) }
    }

    /// The slot of `key`: its own, or the empty one where it would go.
    private func slot(of key: UInt64) -> Int {
        var slot = Self.bucket(key, shift: shift)
        while slotFirst[slot] != 0, slotKey[slot] != key { slot = (slot + 1) & (slotKey.count - 1) }
        return slot
    }

    @inline(__always)
    private static func bucket(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Reads one line: marks the phrases among its scalars that `filter` keeps. The caller
    /// tells `filter` of the line break itself, if its state depends on it.
    mutating func read<F: Filter>(_ scalars: [Unicode.Scalar], through filter: inout F) {
        scalars.withUnsafeBufferPointer { read($0, through: &filter) }
    }

    mutating func read<F: Filter>(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, through filter: inout F) {
        guard remaining > 0 else { return }
        let (slotKey, slotFirst) = (self.slotKey, self.slotFirst)
        slotKey.withUnsafeBufferPointer { slotKey in
            slotFirst.withUnsafeBufferPointer { slotFirst in
                read(scalars, through: &filter, slotKey, slotFirst)
            }
        }
        if !foundInLine.isEmpty { removeFound() }
    }

    /// Reads lines one after another, `filter` told of a line break (`"\n"`) after each,
    /// until reading on cannot find anything that matters. The table is copied out once, not
    /// once per line (two retains and releases per line), and again only after a line in which
    /// phrases were found (they leave it).
    mutating func read<F: Filter>(lines: [[Unicode.Scalar]], through filter: inout F) {
        let text = NormalizedText(lines: lines.map { LogicalLine(scalars: $0, origins: []) }, physicalLineCount: lines.count,
                                  wasHardWrapped: false)
        text.withLines { text in read(lines: text.indices.lazy.map { text[$0].scalars }, through: &filter) }
    }

    mutating func read<F: Filter, Lines: Sequence<UnsafeBufferPointer<Unicode.Scalar>>>(lines: Lines, through filter: inout F) {
        var lines = lines.makeIterator()
        while remaining > 0 {
            let (slotKey, slotFirst) = (self.slotKey, self.slotFirst)
            let more = slotKey.withUnsafeBufferPointer { slotKey in
                slotFirst.withUnsafeBufferPointer { slotFirst in
                    while let scalars = lines.next() {
                        read(scalars, through: &filter, slotKey, slotFirst)
                        _ = filter.keeps("\n")
                        if !foundInLine.isEmpty { return true }
                    }
                    return false
                }
            }
            guard more else { return }
            removeFound()
        }
    }

    /// `read` of one line through the table's pointers: the loop loads it without going
    /// through `self` or checking bounds (a slot is masked to the table's size). The table is
    /// a copy, unchanged while reading (phrases found leave it after the line).
    ///
    /// Each kept scalar is written to `line` as it is read, and a key that is a phrase's
    /// window only notes the phrase (`candidates`): the phrase is compared when the line is
    /// read, since its scalars after the window are not yet. (Filtering each line again for
    /// the first window found in it was most of a loose search's cost.)
    @inline(__always)
    private mutating func read<F: Filter>(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, through filter: inout F,
        _ slotKey: UnsafeBufferPointer<UInt64>, _ slotFirst: UnsafeBufferPointer<Int32>
    ) {
        let (shift, mask, slotMask) = (self.shift, self.mask, slotKey.count - 1)
        // The buffer taken out of `self` while written (noting a candidate changes `self`).
        var buffer: [Unicode.Scalar] = []
        swap(&buffer, &line)
        defer { swap(&buffer, &line) }
        if buffer.count < scalars.count { buffer += repeatElement("\0", count: scalars.count - buffer.count) }
        let count = buffer.withUnsafeMutableBufferPointer { line -> Int in
            // What the loop changes in locals of its own (the filter copied in and back).
            var kept = filter
            var key: UInt64 = 0
            var count = 0
            var i = 0
            let n = scalars.count
            while i < n {
                let scalar = scalars[i]
                i &+= 1
                guard kept.keeps(scalar) else { continue }
                line[count] = scalar
                count &+= 1
                key = (key &<< 16 | UInt64(scalar.value & 0xFFFF)) & mask
                var slot = Self.bucket(key, shift: shift)
                while true {
                    let first = Int(slotFirst[slot])
                    if first == 0 { break }
                    if slotKey[slot] == key {
                        if first > 0 { note(first - 1, windowEnd: count) }
                        break
                    }
                    slot = (slot &+ 1) & slotMask
                }
            }
            filter = kept
            return count
        }
        if !candidates.isEmpty { compareCandidates(buffer, lineCount: count) }
    }

    /// Notes the phrases of a key's chain, from `first`, whose window ends after the line's
    /// `windowEnd` kept scalars. (Near the line's start a key holds fewer scalars than a window:
    /// a phrase would start before the line, and is not there.)
    @inline(never)
    private mutating func note(_ first: Int, windowEnd: Int) {
        var phrase = first
        while phrase >= 0 {
            if !found[phrase] { candidates.append((phrase, windowEnd - window - windowStart[phrase])) }
            phrase = Int(next[phrase])
        }
    }

    /// Marks the noted phrases that stand in full where their windows put them, among the
    /// line's `lineCount` kept scalars.
    private mutating func compareCandidates(_ line: [Unicode.Scalar], lineCount: Int) {
        for (phrase, start) in candidates where !found[phrase] {
            let count = phrases[phrase].count
            if start >= 0, start + count <= lineCount, line[start..<start + count].elementsEqual(phrases[phrase]) {
                found[phrase] = true
                foundInLine.append(phrase)
                if phrase < required { remaining -= 1 }
            }
        }
        candidates.removeAll(keepingCapacity: true)
    }

    /// Takes the phrases found in the line just read out of their chains: a title that the
    /// body repeats is compared once, not at every repetition.
    private mutating func removeFound() {
        for phrase in foundInLine {
            let slot = slot(of: Self.key(phrases[phrase][windowStart[phrase]..<windowStart[phrase] + window]))
            var previous = -1
            var current = Int(slotFirst[slot]) - 1
            while current >= 0, current != phrase {
                previous = current
                current = Int(next[current])
            }
            guard current == phrase else { continue }
            if previous >= 0 {
                next[previous] = next[phrase]
            } else {
                slotFirst[slot] = next[phrase] >= 0 ? next[phrase] + 1 : Int32.min
            }
        }
        foundInLine.removeAll(keepingCapacity: true)
    }
}
