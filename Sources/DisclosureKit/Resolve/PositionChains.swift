/// Positions of a report's statements in numbered lists (one a metric, say), each list in the
/// order the positions were added.
///
/// One array of links for all the lists instead of an array a list: a dictionary of arrays of
/// statements made and freed a buffer for every metric of every report, and copied (retained)
/// each statement it held. A position is in one list at most.
struct PositionChains {
    /// The first and the last position of each list; -1 when it is empty.
    private var first: [Int]
    private var last: [Int]
    /// The position after each position in its list; -1 at a list's end.
    private var next: [Int]

    init(lists: Int, positions: Int) {
        first = Array(repeating: -1, count: lists)
        last = first
        next = Array(repeating: -1, count: positions)
    }

    /// Adds `position` (not yet in any list) at the end of `list`.
    mutating func append(_ position: Int, to list: Int) {
        if last[list] < 0 { first[list] = position } else { next[last[list]] = position }
        last[list] = position
    }

    func isEmpty(_ list: Int) -> Bool { first[list] < 0 }

    /// The positions of `list`, in the order they were added.
    func positions(_ list: Int) -> Positions { Positions(links: next, current: first[list]) }

    struct Positions: Sequence, IteratorProtocol {
        fileprivate let links: [Int]
        fileprivate var current: Int

        mutating func next() -> Int? {
            guard current >= 0 else { return nil }
            defer { current = links[current] }
            return current
        }
    }
}
