/// Finds many phrases in one pass over a text's Unicode scalars (an Aho–Corasick automaton).
///
/// `MetadataDetector` counts eighteen template phrases (`决算情况说明`, `部门预算`, `（部门）`, …)
/// in a text given whole (`kind(_:)`, `scope(_:)`, `templateScore(_:)`); the pipeline counts
/// them in `MetadataReading`'s one pass over the lines, which the tests hold to these counts.
/// (The contents check, which used it too, now has `LinePhraseFinder`: its titles are long and
/// many, and a per-report automaton over them cost more than reading the body.) Searching for
/// each phrase in turn costs phrases × text; the automaton reads each scalar once, whatever the
/// number of phrases: time O(text + total phrase length), memory O(total phrase length).
///
/// It reads scalars, not UTF-8 bytes: the report is held as scalars, so nothing is encoded,
/// and a Chinese character is one step instead of three. The alphabet is the phrases' own
/// scalars, numbered by a `ScalarMap`; any other scalar sends the automaton back to its root.
/// Bytes are accepted too (decoded as UTF-8); for valid UTF-8 a byte match of a whole phrase
/// is a scalar match, so the results are those of a byte search.
struct PhraseMatcher: Sendable {
    /// The phrases, as given (an empty phrase is in every text).
    let phrases: [[UInt8]]
    /// Each phrase's length in scalars.
    private let lengths: [Int]
    /// The phrases' scalars, numbered 1 … `symbolCount - 1`; 0 for every other scalar.
    private let symbols: ScalarMap
    private let symbolCount: Int
    // The trie and its links, in flat arrays (no array per state: building and freeing an
    // automaton per report was more than reading the report with it).
    /// The root's edges as a full table by symbol (0 = stay at the root): most steps leave from it.
    private var rootNext: [Int32]
    /// By state: its first edge (-1: none), the longest proper suffix of its string that is
    /// also a state, and the first phrase that ends exactly there (-1: none).
    private var firstEdge: [Int32] = [-1]
    private var failure: [Int32] = [0]
    private var firstPhrase: [Int32] = [-1]
    /// The nearest state on the failure chain (the state excluded) where a phrase ends; -1 if none.
    private var outputLink: [Int32] = [-1]
    /// The state itself when a phrase ends there, else its `outputLink`; -1 if none.
    private var firstOutput: [Int32] = []
    /// By edge of a state other than the root: its symbol, its target and the state's next edge (-1: none).
    private var edgeSymbol: [Int32] = []
    private var edgeNext: [Int32] = []
    private var edgeSibling: [Int32] = []
    /// By phrase: the next phrase that ends at the same state (a repeated phrase; -1: none).
    private var samePhrase: [Int32]
    /// Every transition, `state * symbolCount + symbol`, when the automaton is small enough (up
    /// to `maxTableStates` states and `maxTableEntries` entries): one load per scalar instead of
    /// walking failure links. A row per state costs a store per symbol to build: a report's
    /// table of contents (some 500 states, 300 symbols) took longer to tabulate than its
    /// body (some 30 000 scalars) takes to read by the links.
    private var table: [Int32] = []
    static let maxTableStates = 4096
    static let maxTableEntries = 1 << 14

    init(_ phrases: [String]) {
        self.init(bytes: phrases.map { Array($0.utf8) }, scalars: phrases.map { Array($0.unicodeScalars) })
    }

    /// Phrases as UTF-8 (of valid text: an invalid sequence is read as U+FFFD, as `String` reads it).
    init(_ phrases: [[UInt8]]) {
        self.init(bytes: phrases, scalars: phrases.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) })
    }

    private var stateCount: Int { failure.count }

    /// What a step needs, apart: a loop holds it in a few locals (see `Counter.read(contentsOf:)`).
    private var walk = Walk()

    private struct Walk {
        var symbols = ScalarMap()
        var symbolCount = 1
        var rootNext: [Int32] = [0]
        var firstEdge: [Int32] = [-1]
        var failure: [Int32] = [0]
        var edgeSymbol: [Int32] = []
        var edgeNext: [Int32] = []
        var edgeSibling: [Int32] = []
        var table: [Int32] = []

        /// The state after reading `scalar` in `state`.
        @inline(__always)
        func step(_ state: Int, _ scalar: Unicode.Scalar) -> Int {
            let symbol = Int(symbols[scalar])
            // A scalar of no phrase: no phrase's prefix ends with it.
            if symbol == 0 { return 0 }
            if !table.isEmpty { return Int(table[state * symbolCount + symbol]) }
            var current = state
            while current != 0 {
                var edge = Int(firstEdge[current])
                while edge >= 0 {
                    if Int(edgeSymbol[edge]) == symbol { return Int(edgeNext[edge]) }
                    edge = Int(edgeSibling[edge])
                }
                current = Int(failure[current])
            }
            return Int(rootNext[symbol])
        }
    }

    private init(bytes: [[UInt8]], scalars: [[Unicode.Scalar]]) {
        phrases = bytes
        lengths = scalars.map { $0.count }
        symbols = ScalarMap(numbering: scalars.joined())
        symbolCount = 1 + symbols.count
        rootNext = [Int32](repeating: 0, count: symbolCount)
        samePhrase = [Int32](repeating: -1, count: scalars.count)
        for (index, phrase) in scalars.enumerated() where !phrase.isEmpty {
            var state = 0
            for scalar in phrase {
                let symbol = Int(symbols[scalar])
                if let next = child(of: state, symbol) {
                    state = next
                    continue
                }
                let next = Int32(stateCount)
                firstEdge.append(-1)
                failure.append(0)
                firstPhrase.append(-1)
                outputLink.append(-1)
                if state == 0 {
                    rootNext[symbol] = next
                } else {
                    edgeSymbol.append(Int32(symbol))
                    edgeNext.append(next)
                    edgeSibling.append(firstEdge[state])
                    firstEdge[state] = Int32(edgeSymbol.count - 1)
                }
                state = Int(next)
            }
            samePhrase[index] = firstPhrase[state]
            firstPhrase[state] = Int32(index)
        }
        // Failure and output links, breadth first: a state's links use those of shallower states.
        var queue: [Int] = rootNext.filter { $0 != 0 }.map(Int.init)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            var edge = Int(firstEdge[state])
            while edge >= 0 {
                let symbol = Int(edgeSymbol[edge])
                let target = Int(edgeNext[edge])
                var fallback = Int(failure[state])
                while fallback != 0, child(of: fallback, symbol) == nil { fallback = Int(failure[fallback]) }
                let link = child(of: fallback, symbol) ?? 0
                failure[target] = Int32(link == target ? 0 : link)
                let f = Int(failure[target])
                outputLink[target] = firstPhrase[f] < 0 ? outputLink[f] : Int32(f)
                queue.append(target)
                edge = Int(edgeSibling[edge])
            }
        }
        firstOutput = (0..<stateCount).map { firstPhrase[$0] < 0 ? outputLink[$0] : Int32($0) }
        if stateCount <= Self.maxTableStates, stateCount * symbolCount <= Self.maxTableEntries {
            // Breadth first, so a state's failure state (shallower) has its row already.
            var table = [Int32](repeating: 0, count: stateCount * symbolCount)
            for symbol in 0..<symbolCount { table[symbol] = rootNext[symbol] }
            for state in queue {
                let row = state * symbolCount
                let fallback = Int(failure[state]) * symbolCount
                for symbol in 0..<symbolCount { table[row + symbol] = table[fallback + symbol] }
                var edge = Int(firstEdge[state])
                while edge >= 0 {
                    table[row + Int(edgeSymbol[edge])] = edgeNext[edge]
                    edge = Int(edgeSibling[edge])
                }
            }
            self.table = table
        }
        walk = Walk(symbols: symbols, symbolCount: symbolCount, rootNext: rootNext, firstEdge: firstEdge, failure: failure,
                    edgeSymbol: edgeSymbol, edgeNext: edgeNext, edgeSibling: edgeSibling, table: table)
    }

    private func child(of state: Int, _ symbol: Int) -> Int? {
        if state == 0 {
            let next = rootNext[symbol]
            return next == 0 ? nil : Int(next)
        }
        var edge = Int(firstEdge[state])
        while edge >= 0 {
            if Int(edgeSymbol[edge]) == symbol { return Int(edgeNext[edge]) }
            edge = Int(edgeSibling[edge])
        }
        return nil
    }

    /// The state after reading `scalar` in `state`.
    @inline(__always)
    private func step(_ state: Int, _ scalar: Unicode.Scalar) -> Int { walk.step(state, scalar) }

    /// How many non-overlapping times each phrase occurs, counted left to right as a search for
    /// that phrase alone would (`UTF8Search.count`): `决算决算` holds `决算` twice.
    func counts(in text: some Sequence<UInt8>) -> [Int] {
        var counter = Counter(self)
        Self.decode(text) { counter.read($0) }
        return counter.counts
    }

    /// Which phrases occur in `text` at least once.
    func found(in text: some Sequence<UInt8>) -> [Bool] {
        var finder = Finder(self)
        Self.decode(text) { finder.read($0) }
        return finder.found
    }

    /// The scalars of UTF-8 `bytes`; an invalid sequence as U+FFFD, as `String` decodes it.
    private static func decode(_ bytes: some Sequence<UInt8>, _ body: (Unicode.Scalar) -> Void) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): body(scalar)
            case .error: body("\u{FFFD}")
            case .emptyInput: return
            }
        }
    }

    /// `counts(in:)` for text given piece by piece (the lines of a report): read every scalar.
    struct Counter {
        let matcher: PhraseMatcher
        private(set) var counts: [Int]
        /// A phrase may be counted again only from this position on.
        private var nextAllowed: [Int]
        private var state = 0
        private var position = 0

        init(_ matcher: PhraseMatcher) {
            self.matcher = matcher
            counts = [Int](repeating: 0, count: matcher.phrases.count)
            nextAllowed = counts
        }

        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar) {
            state = matcher.step(state, scalar)
            if matcher.firstOutput[state] > 0 { count() }
            position += 1
        }

        /// `read` for each of `scalars`. The loop holds the automaton's arrays in locals: read
        /// one scalar at a time, every field of the matcher was reloaded for every scalar.
        mutating func read(contentsOf scalars: some Sequence<Unicode.Scalar>) {
            let walk = matcher.walk
            let firstOutput = matcher.firstOutput
            var state = self.state
            for scalar in scalars {
                state = walk.step(state, scalar)
                if firstOutput[state] > 0 {
                    self.state = state
                    count()
                }
                position += 1
            }
            self.state = state
        }

        /// Counts the phrases that end at `position`.
        private mutating func count() {
            var output = Int(matcher.firstOutput[state])
            while output > 0 {
                var phrase = Int(matcher.firstPhrase[output])
                while phrase >= 0 {
                    let start = position + 1 - matcher.lengths[phrase]
                    if start >= nextAllowed[phrase] {
                        counts[phrase] += 1
                        nextAllowed[phrase] = position + 1
                    }
                    phrase = Int(matcher.samePhrase[phrase])
                }
                output = Int(matcher.outputLink[output])
            }
        }
    }

    /// `found(in:)` for text given piece by piece: read every scalar.
    struct Finder {
        let matcher: PhraseMatcher
        private(set) var found: [Bool]
        /// States whose phrases (and those of their output chain) were all marked already.
        private var reported: [Bool]
        private var state = 0

        init(_ matcher: PhraseMatcher) {
            self.matcher = matcher
            found = matcher.phrases.map(\.isEmpty)
            reported = [Bool](repeating: false, count: matcher.stateCount)
        }

        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar) {
            state = matcher.step(state, scalar)
            if matcher.firstOutput[state] > 0 { mark() }
        }

        /// `read` for each of `scalars` that `transform` keeps, as it gives it (nil: skipped),
        /// the automaton's arrays held in locals (as `Counter.read(contentsOf:)`): read one at
        /// a time, every field was reloaded per scalar; copied into a buffer first, the copy
        /// cost as much as the reading.
        @inline(__always)
        mutating func read(_ scalars: [Unicode.Scalar], through transform: (Unicode.Scalar) -> Unicode.Scalar?) {
            let walk = matcher.walk
            let firstOutput = matcher.firstOutput
            var state = self.state
            for scalar in scalars {
                guard let kept = transform(scalar) else { continue }
                state = walk.step(state, kept)
                if firstOutput[state] > 0 {
                    self.state = state
                    mark()
                }
            }
            self.state = state
        }

        /// Marks the phrases that end here.
        private mutating func mark() {
            var output = Int(matcher.firstOutput[state])
            while output > 0, !reported[output] {
                reported[output] = true
                var phrase = Int(matcher.firstPhrase[output])
                while phrase >= 0 {
                    found[phrase] = true
                    phrase = Int(matcher.samePhrase[phrase])
                }
                output = Int(matcher.outputLink[output])
            }
        }
    }
}
