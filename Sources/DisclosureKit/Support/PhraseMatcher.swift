/// Finds many phrases in one pass over UTF-8 bytes (an Aho–Corasick automaton).
///
/// `MetadataDetector` counts eighteen template phrases (`决算情况说明`, `部门预算`, `（部门）`, …)
/// and `ContentsChecker` looks for every entry of a report's 目录 in its body. Searching for
/// each phrase in turn costs phrases × text; on a 100 MB text with its contents repeated 400
/// times that was quadratic. The automaton reads each byte once, whatever the number of
/// phrases: time O(text + total phrase length), memory O(total phrase length).
///
/// UTF-8 is self-synchronising, so a byte match of a whole valid phrase is a character match.
struct PhraseMatcher: Sendable {
    /// The phrases, as given (an empty phrase is in every text).
    let phrases: [[UInt8]]
    /// Trie edges of every state but the root, as (byte, next state); few per state.
    private var edges: [[(byte: UInt8, next: Int32)]] = [[]]
    /// The root's edges as a full table (0 = stay at the root): most bytes leave from it.
    private var rootNext = [Int32](repeating: 0, count: 256)
    /// The longest proper suffix of a state's string that is also a state.
    private var failure: [Int32] = [0]
    /// The phrases that end exactly at a state.
    private var endingHere: [[Int]] = [[]]
    /// The nearest state on the failure chain (the state excluded) where a phrase ends; -1 if none.
    private var outputLink: [Int32] = [-1]
    /// The state itself when a phrase ends there, else its `outputLink`.
    private var firstOutput: [Int32] = []
    /// Every transition, `state << 8 | byte`, when the automaton is small enough (up to
    /// `maxTableStates` states, 4 MB): one load per byte instead of walking failure links.
    private var table: [Int32] = []
    static let maxTableStates = 4096

    init(_ phrases: [[UInt8]]) {
        self.phrases = phrases
        for (index, phrase) in phrases.enumerated() where !phrase.isEmpty {
            var state = 0
            for byte in phrase {
                if let next = child(of: state, byte) {
                    state = next
                    continue
                }
                let next = Int32(edges.count)
                edges.append([])
                failure.append(0)
                endingHere.append([])
                outputLink.append(-1)
                if state == 0 { rootNext[Int(byte)] = next } else { edges[state].append((byte, next)) }
                state = Int(next)
            }
            endingHere[state].append(index)
        }
        // Failure and output links, breadth first: a state's links use those of shallower states.
        var queue: [Int] = rootNext.filter { $0 != 0 }.map(Int.init)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, next) in edges[state] {
                let target = Int(next)
                var fallback = Int(failure[state])
                while fallback != 0, child(of: fallback, byte) == nil { fallback = Int(failure[fallback]) }
                let link = child(of: fallback, byte) ?? 0
                failure[target] = Int32(link == target ? 0 : link)
                let f = Int(failure[target])
                outputLink[target] = endingHere[f].isEmpty ? outputLink[f] : Int32(f)
                queue.append(target)
            }
        }
        firstOutput = (0..<edges.count).map { endingHere[$0].isEmpty ? outputLink[$0] : Int32($0) }
        if edges.count <= Self.maxTableStates {
            // Breadth first, so a state's failure state (shallower) has its row already.
            var table = [Int32](repeating: 0, count: edges.count << 8)
            for byte in 0..<256 { table[byte] = rootNext[byte] }
            for state in queue {
                let fallback = Int(failure[state]) << 8
                for byte in 0..<256 { table[state << 8 | byte] = table[fallback | byte] }
                for edge in edges[state] { table[state << 8 | Int(edge.byte)] = edge.next }
            }
            self.table = table
        }
    }

    init(_ phrases: [String]) {
        self.init(phrases.map { Array($0.utf8) })
    }

    private func child(of state: Int, _ byte: UInt8) -> Int? {
        if state == 0 {
            let next = rootNext[Int(byte)]
            return next == 0 ? nil : Int(next)
        }
        for edge in edges[state] where edge.byte == byte { return Int(edge.next) }
        return nil
    }

    /// The state after reading `byte` in `state`.
    private func step(_ state: Int, _ byte: UInt8) -> Int {
        if !table.isEmpty { return Int(table[state << 8 | Int(byte)]) }
        var current = state
        while current != 0 {
            if let next = child(of: current, byte) { return next }
            current = Int(failure[current])
        }
        return Int(rootNext[Int(byte)])
    }

    /// How many non-overlapping times each phrase occurs, counted left to right as a search for
    /// that phrase alone would (`UTF8Search.count`): `决算决算` holds `决算` twice.
    func counts(in text: some Sequence<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: phrases.count)
        // A phrase may be counted again only from this position on.
        var nextAllowed = [Int](repeating: 0, count: phrases.count)
        var state = 0
        var position = 0
        for byte in text {
            state = step(state, byte)
            var output = Int(firstOutput[state])
            while output > 0 {
                for phrase in endingHere[output] {
                    let start = position + 1 - phrases[phrase].count
                    if start >= nextAllowed[phrase] {
                        counts[phrase] += 1
                        nextAllowed[phrase] = position + 1
                    }
                }
                output = Int(outputLink[output])
            }
            position += 1
        }
        return counts
    }

    /// Which phrases occur in `text` at least once.
    func found(in text: some Sequence<UInt8>) -> [Bool] {
        var found = phrases.map(\.isEmpty)
        // States whose phrases (and those of their output chain) were all marked already.
        var reported = [Bool](repeating: false, count: edges.count)
        var state = 0
        for byte in text {
            state = step(state, byte)
            var output = Int(firstOutput[state])
            while output > 0, !reported[output] {
                reported[output] = true
                for phrase in endingHere[output] { found[phrase] = true }
                output = Int(outputLink[output])
            }
        }
        return found
    }
}
