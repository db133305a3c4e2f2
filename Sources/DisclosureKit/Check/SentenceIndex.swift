/// Statements of some roles and metrics by sentence: "the amount stated in the same sentence,
/// at or before this line" in O(log n) instead of a scan of every statement.
///
/// One sorted array of small entries (sentence, role and metric, line, position), built once for
/// every check that asks: a dictionary of arrays by sentence and metric, built per check and
/// role, hashed its keys and grew its arrays for a fifth of the checks' cost. Positions, not
/// copies: copying a statement retains its strings.
struct SentenceIndex {
    private struct Entry {
        let sentence: Int
        /// The metric's `catalogIndex` × 8 + the role's `code`.
        let group: Int
        let line: Int
        /// The position in the statements.
        let position: Int
        /// Whether the lines of the entry's group never decrease along its positions (always so
        /// for `ReportExtractor`'s statements, which are sorted by line): then the line is found
        /// by binary search, else linearly.
        var sortedGroup = true
    }

    /// By sentence, group and position: a group's entries stand together, in the statements' order.
    private var entries: [Entry] = []

    /// The index of the statements whose role and metric `isIncluded` takes: the only ones
    /// `last` may then be asked about.
    init(_ observations: [Observation], including isIncluded: (Observation.Role, MetricID) -> Bool) {
        entries.reserveCapacity(observations.count)
        for p in observations.indices where isIncluded(observations[p].role, observations[p].metric) {
            entries.append(Entry(sentence: observations[p].sentence, group: Self.group(observations[p].role, observations[p].metric),
                                 line: observations[p].line, position: p))
        }
        entries.sort { ($0.sentence, $0.group, $0.position) < ($1.sentence, $1.group, $1.position) }
        var start = 0
        while start < entries.count {
            var end = start + 1
            var sorted = true
            while end < entries.count, entries[end].sentence == entries[start].sentence, entries[end].group == entries[start].group {
                if entries[end].line < entries[end - 1].line { sorted = false }
                end += 1
            }
            if !sorted {
                for k in start..<end { entries[k].sortedGroup = false }
            }
            start = end
        }
    }

    /// The position of the last statement (in the statements' order) of `role` and `metric` in
    /// `sentence` on or before `line`.
    func last(_ role: Observation.Role, of metric: MetricID, sentence: Int, atOrBefore line: Int) -> Int? {
        let group = Self.group(role, metric)
        let lo = firstEntry { ($0.sentence, $0.group) >= (sentence, group) }
        let hi = firstEntry { ($0.sentence, $0.group) > (sentence, group) }
        guard lo < hi else { return nil }
        guard entries[lo].sortedGroup else { return entries[lo..<hi].last { $0.line <= line }?.position }
        // The first entry whose line is after `line`; the one before it is the answer.
        var a = lo
        var b = hi
        while a < b {
            let mid = a + (b - a) / 2
            if entries[mid].line <= line { a = mid + 1 } else { b = mid }
        }
        return a > lo ? entries[a - 1].position : nil
    }

    /// The first entry that `isPast` takes, for a predicate that takes every entry after one it takes.
    private func firstEntry(where isPast: (Entry) -> Bool) -> Int {
        var a = 0
        var b = entries.count
        while a < b {
            let mid = a + (b - a) / 2
            if isPast(entries[mid]) { b = mid } else { a = mid + 1 }
        }
        return a
    }

    private static func group(_ role: Observation.Role, _ metric: MetricID) -> Int {
        let code: Int
        switch role {
        case .value: code = 0
        case .budget: code = 1
        case .change: code = 2
        case .changePercent: code = 3
        case .share: code = 4
        case .execution: code = 5
        }
        return metric.catalogIndex * 8 + code
    }
}
