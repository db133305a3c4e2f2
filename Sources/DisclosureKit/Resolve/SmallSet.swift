/// A set that is nearly always small: a linear search while it holds a few elements, a hash
/// set past that.
///
/// The checks and the resolver remember what they have seen of a report (values stated, checks
/// reported): one or two things as a rule, for which creating and hashing into a `Set` cost more
/// than the rest of the work; a report that repeats a statement thousands of times still takes
/// linear time.
struct SmallSet<Element: Hashable> {
    /// How many elements are searched linearly before the hash set takes over.
    static var linearLimit: Int { 16 }

    /// The first element, kept apart: a set of one (the usual case) allocates nothing.
    private var first: Element?
    private var few: [Element] = []
    private var many: Set<Element>?

    init() {}

    /// Inserts `element`; true when it was not in the set (as `Set.insert(_:).inserted`).
    mutating func insert(_ element: Element) -> Bool {
        guard let first else {
            first = element
            return true
        }
        if many != nil { return many?.insert(element).inserted ?? false }
        if first == element || few.contains(element) { return false }
        if few.count < Self.linearLimit {
            few.append(element)
        } else {
            var set = Set(few)
            set.insert(first)
            set.insert(element)
            many = set
            few = []
        }
        return true
    }
}
