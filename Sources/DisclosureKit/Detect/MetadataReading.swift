/// What the metadata votes read from a report's lines, read in one pass.
///
/// The votes each looked at every scalar of the text: the phrase counts, the years (at each
/// `年`), the bureau names (at each department ending) and the unit count (at `单位共`), four
/// reads of the text where nearly every scalar starts none of them. Here a scalar costs one
/// byte load, once, and only a scalar that starts something is looked at further.
///
/// The results are those of the separate reads: `PhraseCounts(lines:)`, `YearTally.add` of
/// each line, `BureauNameFinder.find(in:)`, the first line `UnitCountFinder` would join from.
struct MetadataReading {
    private(set) var phrases: MetadataDetector.PhraseCounts
    private(set) var years = MetadataDetector.YearTally()
    private(set) var names = BureauNameFinder.Tally()
    /// Where `单位共` starts, each time, in order: `UnitCountFinder` reads the text only there.
    private(set) var unitAnchors: [JoinedLines.Index] = []
    /// The first line that holds `单位共`, if one does.
    var firstUnitAnchorLine: Int? { unitAnchors.first?.line }
    /// Each line's last tab and declared unit, as `Segmenter.lastTabAndDeclaredUnit` finds them:
    /// a tab and `单` are start scalars too, and the segmenter reads these instead of every scalar again.
    private(set) var lineMarks: [Segmenter.LineMarks] = []

    /// What a start scalar may start besides phrases, as bits of its `roles` entry.
    /// `tab` only makes the tab a start scalar: the loop notes it before any role is read.
    private static let yearMark: UInt8 = 1, departmentEnding: UInt8 = 2, unitAnchor: UInt8 = 4, tab: UInt8 = 8

    /// The scalars that start something (a phrase of `MetadataDetector.phrases`, a year's
    /// `年`, a department ending, `单位共`), numbered 0, 1, … (a dozen), and what each starts.
    ///
    /// The phrases are read as a trie: from a start scalar's node, one scalar of the text per
    /// step, each node counting the phrase that ends there. Every phrase that starts with `决`
    /// starts with `决算`, so most `决` and `预` (frequent in these texts) are compared once, not
    /// once per phrase, and after `决算` one scalar picks the one branch that may follow (a list
    /// of the phrases of each first scalar, each compared on its own, cost a third of the pass).
    /// The tables are flat and read through buffer pointers in the loop.
    private struct Starts {
        /// By the low 16 bits of a scalar's value: 0 when no start scalar has them, else one more
        /// than the number of the one that has them, or `shared` when several do (only a scalar
        /// above the BMP can share them with another) or the number does not fit.
        var byLowBits = [UInt8](repeating: 0, count: 1 << 16)
        /// By number.
        var starts: [Start] = []
        /// The phrases' trie; each start scalar's node is noted in `starts`.
        var trie = ScalarTrie([])
        var phraseCount = 0

        static let shared: UInt8 = .max

        struct Start {
            let scalar: Unicode.Scalar
            /// Its `yearMark`, `departmentEnding` and `unitAnchor` bits.
            var roles: UInt8 = 0
            /// Its node in the trie, the phrases' text after it; 0 (the root) when it starts none.
            var node: Int32 = 0
        }

        /// The tables read in place, valid inside `withBuffers` only.
        struct Buffers {
            let byLowBits: UnsafeBufferPointer<UInt8>
            let starts: UnsafeBufferPointer<Start>
            let trie: ScalarTrie.View
        }

        func withBuffers<R>(_ body: (Buffers) -> R) -> R {
            byLowBits.withUnsafeBufferPointer { byLowBits in
                starts.withUnsafeBufferPointer { starts in
                    trie.withView { trie in body(Buffers(byLowBits: byLowBits, starts: starts, trie: trie)) }
                }
            }
        }

        /// The number of `scalar` among the start scalars, added if it is not one yet.
        mutating func number(adding scalar: Unicode.Scalar) -> Int {
            if let n = starts.firstIndex(where: { $0.scalar == scalar }) { return n }
            starts.append(Start(scalar: scalar))
            let low = Int(scalar.value & 0xFFFF)
            byLowBits[low] = byLowBits[low] == 0 && starts.count < Int(Self.shared) ? UInt8(starts.count) : Self.shared
            return starts.count - 1
        }

        /// The trie of `phrases`, its first scalars noted as start scalars with their nodes.
        mutating func addTrie(of phrases: [[Unicode.Scalar]]) {
            trie = ScalarTrie(phrases)
            for edge in trie.firstScalars { starts[number(adding: edge.scalar)].node = edge.child }
        }
    }

    private static let table: Starts = {
        var table = Starts()
        let texts = MetadataDetector.phrases.map { Array($0.unicodeScalars) }
        table.phraseCount = texts.count
        table.addTrie(of: texts)
        func mark(_ scalar: Unicode.Scalar, _ role: UInt8) {
            let n = table.number(adding: scalar)
            table.starts[n].roles |= role
        }
        mark("年", yearMark)
        for ending in BureauNameFinder.departmentEndings { if let first = ending.first { mark(first, departmentEnding) } }
        mark("单", unitAnchor)
        mark("\t", tab)
        return table
    }()

    /// By phrase: how often it was counted, and from which offset (in the text's buffer) of
    /// which line it may be counted again. No phrase holds a line break, so an occurrence never
    /// spans lines and each line starts afresh: an offset holds only on the line `allowedLine`
    /// names (no clearing of all of them per line).
    private struct PhraseTally {
        var count = 0
        var nextAllowed = 0
        var allowedLine = -1
    }

    /// The offsets of `all[from ..< to]` whose scalars' low 16 bits are a start scalar's,
    /// written to `found` (as many as fit); the offset the search reached and how many it wrote.
    ///
    /// A byte load, a compare and a branch per scalar, eight at a step, over the text's lines
    /// at once; apart from the loop that reads what starts there. Called per line and returning
    /// at each start, the search cost its call and its tail per line and per start (as much as
    /// the scalars it skipped); inside that loop it kept its values on the stack.
    @inline(never)
    private static func collectStarts(_ all: UnsafeBufferPointer<Unicode.Scalar>, from: Int, to: Int,
                                      _ byLowBits: UnsafeBufferPointer<UInt8>,
                                      into found: UnsafeMutableBufferPointer<Int>) -> (end: Int, count: Int) {
        guard let base = all.baseAddress, let table = byLowBits.baseAddress, let out = found.baseAddress,
              byLowBits.count == 1 << 16, from >= 0, to <= all.count else { return (max(from, to), 0) }
        /// Whether the scalar at `k` has a start scalar's low 16 bits (they index the 65,536 entries).
        @inline(__always) func starts(_ k: Int) -> Bool { table[Int(UInt16(truncatingIfNeeded: base[k].value))] != 0 }
        let room = found.count
        var k = from
        var n = 0
        // Steps of eight, as many at a time as both the text and the room allow (a step writes
        // at most eight), so that a step checks only where it is.
        while true {
            let steps = min((to &- k) >> 3, (room &- n) >> 3)
            guard steps > 0 else { break }
            let stop = k &+ steps << 3
            /// The step at `k`: eight checks, each writing where it found a start.
            @inline(__always) func step(_ k: Int) {
                if starts(k) { out[n] = k; n &+= 1 }
                if starts(k &+ 1) { out[n] = k &+ 1; n &+= 1 }
                if starts(k &+ 2) { out[n] = k &+ 2; n &+= 1 }
                if starts(k &+ 3) { out[n] = k &+ 3; n &+= 1 }
                if starts(k &+ 4) { out[n] = k &+ 4; n &+= 1 }
                if starts(k &+ 5) { out[n] = k &+ 5; n &+= 1 }
                if starts(k &+ 6) { out[n] = k &+ 6; n &+= 1 }
                if starts(k &+ 7) { out[n] = k &+ 7; n &+= 1 }
            }
            // Two steps at a time while two fit: the loop's count and compare once per sixteen.
            let pairsStop = k &+ (steps >> 1) << 4
            while k < pairsStop {
                step(k)
                step(k &+ 8)
                k &+= 16
            }
            if k < stop {
                step(k)
                k &+= 8
            }
        }
        // Less room than a step takes: the caller reads these and asks again from here (one by one,
        // the rest of a run cost six times a step's share each).
        guard to &- k < 8 else { return (k, n) }
        while k < to, n < room {
            if starts(k) { out[n] = k; n &+= 1 }
            k &+= 1
        }
        return (k, n)
    }

    /// The votes other than the phrases at a start scalar with `roles`: the year before a `年`,
    /// the name before a department ending, whether `单位共` starts line `line` (`s`) at `i`, the
    /// unit a `单` declares (the line's first is kept). A tab is noted before, in the loop.
    @inline(__always)
    private static func read(_ roles: UInt8, _ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, line: Int,
                             _ years: inout MetadataDetector.YearTally, _ names: inout BureauNameFinder.Tally,
                             _ unitAnchors: inout [JoinedLines.Index], _ marks: inout Segmenter.LineMarks) {
        if roles & yearMark != 0 { years.add(s, yearMarkAt: i) }
        if roles & departmentEnding != 0 { names.read(s, at: i) }
        if roles & unitAnchor != 0 {
            if marks.unit == nil { marks.unit = Segmenter.declaredUnit(s, at: i) }
            if UnitCountFinder.isAnchor(s, at: i) { unitAnchors.append(JoinedLines.Index(line: line, offset: i)) }
        }
    }

    init(lines: [[Unicode.Scalar]]) {
        let text = NormalizedText(lines: lines.map { LogicalLine(scalars: $0, origins: []) }, physicalLineCount: lines.count,
                                  wasHardWrapped: false)
        self = text.withLines { MetadataReading(lines: $0) }
    }

    init(lines: NormalizedText.Lines) {
        let table = Self.table
        var tallies = [PhraseTally](repeating: PhraseTally(), count: table.phraseCount)
        var years = MetadataDetector.YearTally()
        var names = BureauNameFinder.Tally()
        var unitAnchors: [JoinedLines.Index] = []
        let all = lines.scalars
        let spans = lines.spans
        var lineMarks = [Segmenter.LineMarks](repeating: Segmenter.LineMarks(), count: spans.count)
        lineMarks.withUnsafeMutableBufferPointer { lineMarksIn in
        tallies.withUnsafeMutableBufferPointer { talliesIn in
            // Copies: the closures' parameters are inout, and each use loaded them again.
            let lineMarks = lineMarksIn
            let tallies = talliesIn
            table.withBuffers { t in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { found in
                    var first = 0
                    while first < spans.count {
                        // A run of lines that follow each other in the buffer (all of them, as the
                        // joiner lays them out) is searched at once; what stands between two of its
                        // lines may hold a start scalar, which is passed over.
                        var last = first
                        while last + 1 < spans.count, spans[last + 1].scalars.lowerBound >= spans[last].scalars.upperBound { last += 1 }
                        let end = spans[last].scalars.upperBound
                        var line = first
                        var lineStart = spans[first].scalars.lowerBound
                        var lineEnd = spans[first].scalars.upperBound
                        var from = lineStart
                        // The last tab read on `line` (an offset in `all`), -1 when none is: noted in its
                        // marks when the walk leaves the line, not at every tab of a table row.
                        var lastTab = -1
                        while from < end {
                            let (reached, count) = Self.collectStarts(all, from: from, to: end, t.byLowBits, into: found)
                            from = reached
                            for q in 0..<count {
                                // Offsets in `all`, ascending; the line's bounds kept until one is past them.
                                let p = found[q]
                                if p >= lineEnd {
                                    if lastTab >= 0 {
                                        lineMarks[line].lastTab = lastTab &- lineStart
                                        lastTab = -1
                                    }
                                    // `p < end`, the last line's end: the walk stops at that line at the latest.
                                    repeat { line += 1 } while spans[line].scalars.upperBound <= p
                                    lineStart = spans[line].scalars.lowerBound
                                    lineEnd = spans[line].scalars.upperBound
                                }
                                guard p >= lineStart else { continue }
                                let scalar = all[p]
                                // A tab starts nothing else: only noted (the last one read is the line's last),
                                // without the look-ups below (a table row holds many).
                                if scalar == "\t" {
                                    lastTab = p
                                    continue
                                }
                                let entry = t.byLowBits[Int(scalar.value & 0xFFFF)]
                                guard entry != 0 else { continue }
                                var n = Int(entry) &- 1
                                if entry == Starts.shared || t.starts[n].scalar != scalar {
                                    // Above the BMP with a start scalar's low bits, or one of several that share them.
                                    guard entry == Starts.shared, let number = t.starts.firstIndex(where: { $0.scalar == scalar }) else { continue }
                                    n = number
                                }
                                let start = t.starts[n]
                                if start.roles != 0 {
                                    Self.read(start.roles, UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), at: p - lineStart, line: line,
                                              &years, &names, &unitAnchors, &lineMarks[line])
                                }
                                // The trie from the start scalar's node: each node reached counts its phrase,
                                // each on its own and non-overlapping from the left, as one search for it counts.
                                var node = Int(start.node)
                                guard node != 0 else { continue }
                                var i = p &+ 1
                                while true {
                                    let here = t.trie.nodes[node]
                                    if here.text >= 0 {
                                        let phrase = Int(here.text)
                                        if tallies[phrase].allowedLine != line || p >= tallies[phrase].nextAllowed {
                                            tallies[phrase].count &+= 1
                                            tallies[phrase].nextAllowed = i
                                            tallies[phrase].allowedLine = line
                                        }
                                    }
                                    guard i < lineEnd else { break }
                                    node = t.trie.child(of: here, on: all[i])
                                    guard node >= 0 else { break }
                                    i &+= 1
                                }
                            }
                        }
                        if lastTab >= 0 { lineMarks[line].lastTab = lastTab &- lineStart }
                        first = last + 1
                    }
                }
            }
        }
        }
        phrases = MetadataDetector.PhraseCounts(counts: tallies.map(\.count))
        self.lineMarks = lineMarks
        self.years = years
        self.names = names
        self.unitAnchors = unitAnchors
    }
}
