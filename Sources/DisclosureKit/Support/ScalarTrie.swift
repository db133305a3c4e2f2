/// Texts of scalars as a trie laid out flat, for the passes that read a text's scalars once
/// and must know at each step which of many words they are in: the statement scanner's terms
/// (the longest that matches) and the metadata pass's phrases (every one that ends on the way).
///
/// Why a trie: words that share an opening (`决算…`, `政府采购…`, a dozen each) were compared
/// one by one from their first scalar, and most comparisons failed after the shared part. From
/// a node, one scalar of the text picks the one branch that may follow.
///
/// Flat: `nodes[0]` is the root, and a node's edges stand together in `edges`, so a walk is two
/// arrays read through buffer pointers, with no array per node.
struct ScalarTrie: Sendable {
    /// Structs, not tuples: the type of an array of tuples is made at run time, which a
    /// one-report run pays for at start.
    struct Node: Sendable {
        /// Its edges: `edges[firstEdge ..< firstEdge + edgeCount]`.
        let firstEdge: Int32
        let edgeCount: Int32
        /// The text that ends here (its index among the texts; of equal texts the first), -1
        /// when none does.
        let text: Int32
    }

    /// To `child` on `scalar`.
    struct Edge: Sendable {
        let scalar: Unicode.Scalar
        let child: Int32
    }

    private struct Pending {
        let node: Int
        let run: Range<Int>
        let depth: Int
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []

    /// The trie of `texts` (empty texts are left out).
    ///
    /// Built from the texts in order, scalar by scalar (a text before those it opens): the
    /// texts under a node are a run of that order, and its children the runs of their next
    /// scalar, so a node's edges are made together, one after another. No list of edges per
    /// node, grown as texts were added, is made (that was most of the building, which a
    /// one-report run pays for).
    init(_ texts: [[Unicode.Scalar]]) {
        let order = texts.indices.filter { !texts[$0].isEmpty }.sorted {
            texts[$0].lexicographicallyPrecedes(texts[$1]) { $0.value < $1.value }
        }
        var nodes = [Node(firstEdge: 0, edgeCount: 0, text: -1)]
        var edges: [Edge] = []
        // Nodes whose edges are not made yet: the run of `order` under each, and its depth (the
        // scalars its texts share).
        var pending = [Pending(node: 0, run: order.indices, depth: 0)]
        while let next = pending.popLast() {
            var lo = next.run.lowerBound
            let hi = next.run.upperBound
            let depth = next.depth
            // The texts that end here come first; of two of one text, the first.
            var text = -1
            while lo < hi, texts[order[lo]].count == depth {
                if text < 0 || order[lo] < text { text = order[lo] }
                lo += 1
            }
            let firstEdge = edges.count
            while lo < hi {
                let scalar = texts[order[lo]][depth]
                var end = lo + 1
                while end < hi, texts[order[end]][depth] == scalar { end += 1 }
                edges.append(Edge(scalar: scalar, child: Int32(nodes.count)))
                pending.append(Pending(node: nodes.count, run: lo..<end, depth: depth + 1))
                nodes.append(Node(firstEdge: 0, edgeCount: 0, text: -1))
                lo = end
            }
            nodes[next.node] = Node(firstEdge: Int32(firstEdge), edgeCount: Int32(edges.count - firstEdge), text: Int32(text))
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// The root's edges: each text's first scalar and the node after it.
    var firstScalars: ArraySlice<Edge> {
        let root = nodes[0]
        return edges[Int(root.firstEdge)..<Int(root.firstEdge + root.edgeCount)]
    }

    /// The trie read in place, valid inside `withView` only.
    struct View {
        let nodes: UnsafeBufferPointer<Node>
        let edges: UnsafeBufferPointer<Edge>

        /// The node after `here` on `scalar`, -1 when no text goes on so. Given the node, not
        /// its number: a walk that reads the node's text first has it loaded.
        @inline(__always)
        func child(of here: Node, on scalar: Unicode.Scalar) -> Int {
            var e = Int(here.firstEdge)
            let end = e &+ Int(here.edgeCount)
            while e < end, edges[e].scalar != scalar { e &+= 1 }
            return e < end ? Int(edges[e].child) : -1
        }
    }

    @inline(__always)
    func withView<R>(_ body: (View) -> R) -> R {
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in body(View(nodes: nodes, edges: edges)) }
        }
    }
}
