

/// The labels of the Ministry of Finance template, for every reported metric.
///
/// Written for the template's language, not for any one report: each metric lists the
/// wordings seen across provinces and years (`机关运行经费` / `机构运行经费`, `拟采购货物
/// 支出` in budgets). Variants with ASCII parentheses and other quote marks are generated.
///
/// A class: the scanners hold it and pass it to every line and event, and a struct of its
/// dozen tables was copied (and each of them retained) at each of those.
final class TermDictionary: Sendable {
    let terms: [Term]
    /// The terms' texts as a trie, for longest-match scanning: the node after a first scalar is
    /// `Int(firstScalars[scalar]) - 1` (none when 0). The scanners ask at the places a term may
    /// start; walking the terms of a first and second scalar longest first (`政府采购…` has a
    /// dozen) compared each from the start again, and most failed.
    private let firstScalars: ScalarMap
    private let trie: ScalarTrie
    /// Each term's excluded prefixes (`terms[n].excludedPrefixes`), looked at only when the
    /// term matches: reading them from `terms` copied the term.
    private let excludedPrefixes: [[[Unicode.Scalar]]]
    /// The window of the skip search (`firstMatch`): the shortest term's length, at most 8;
    /// 0 when a term is shorter than two scalars and the search reads every scalar.
    private let window: Int
    /// How far the skip search's window may move on when its last two scalars hash to entry
    /// `h` (`pairHash & (shiftEntries - 1)`): `window - 1` for a pair that stands in no term's
    /// first `window` scalars, less for one that does, and 0 for one that ends them.
    private let shifts: [UInt8]
    /// Each term's text as a string (`labels[n]` is `terms[n].text`): the label of a statement
    /// is the matched text, which is the term's, so it is made once, not per statement.
    let labels: [String]
    /// Each term's length in scalars (`lengths[n]` is `terms[n].text.count`).
    let lengths: [Int]

    static let standard = TermDictionary(terms: TermDictionary.baseTerms.flatMap(TermDictionary.variants))

    init(terms: [Term]) {
        self.terms = terms
        let trie = ScalarTrie(terms.map { $0.text })
        var firstScalars = ScalarMap()
        for edge in trie.firstScalars { firstScalars[edge.scalar] = UInt32(edge.child + 1) }
        self.firstScalars = firstScalars
        self.trie = trie
        excludedPrefixes = terms.map { $0.excludedPrefixes }
        // Closures, not key paths: a key path is looked up at run time, which a one-report run
        // pays for at start.
        let lengths = terms.map { $0.text.count }
        let shortest = lengths.min() ?? 0
        let window = shortest >= 2 ? min(shortest, 8) : 0
        var shifts = [UInt8](repeating: UInt8(max(window - 1, 0)), count: Self.shiftEntries)
        if window >= 2 {
            for t in terms {
                for j in 1..<window {
                    let h = Self.pairHash(t.text[j - 1], t.text[j]) & (Self.shiftEntries - 1)
                    shifts[h] = min(shifts[h], UInt8(window - 1 - j))
                }
            }
        }
        self.window = window
        self.shifts = shifts
        labels = terms.map { LogicalLine.string($0.text[...]) }
        self.lengths = lengths
    }

    /// The entries of `shifts`: 8 KB, few enough terms that most pairs of text scalars find
    /// the longest shift.
    private static let shiftEntries = 1 << 13

    /// The pair `(a, b)` hashed to 16 bits: (its low bits) its entry in `shifts`.
    @inline(__always)
    private static func pairHash(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        Int(truncatingIfNeeded: (a.value &* 0x9E37 ^ b.value) & 0xFFFF)
    }

    /// The longest term starting at `i`, if its excluded prefixes do not precede it.
    @inline(__always)
    func match(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Term? {
        matchIndex(s, at: i).map { terms[$0] }
    }

    /// `match(_:at:)` as an index into `terms`.
    @inline(__always)
    func matchIndex(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int? {
        guard i >= 0, i < s.count else { return nil }
        // Most scalars start no term: answered here, inline, with one load.
        let slot = Int(firstScalars[s[i]])
        guard slot > 0 else { return nil }
        return longest(s, at: i, from: slot - 1)
    }

    /// The longest term at `i` whose text after its first scalar (`s[i]`) is read from `node`
    /// on, nil when none stands there or an excluded prefix stands before the longest one.
    private func longest(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, from node: Int) -> Int? {
        trie.withView { trie in
            var node = node
            var found = Int(trie.nodes[node].text)
            var k = i &+ 1
            while k < s.count {
                node = trie.child(of: trie.nodes[node], on: s[k])
                guard node >= 0 else { break }
                k &+= 1
                if trie.nodes[node].text >= 0 { found = Int(trie.nodes[node].text) }
            }
            guard found >= 0 else { return nil }
            if excludedPrefixes[found].contains(where: { p in
                p.count <= i && s[(i - p.count)..<i].elementsEqual(p)
            }) { return nil }
            return found
        }
    }

    /// The first place at or after `i` where a term matches (`matchIndex` is not nil), with the
    /// term; nil when there is none.
    ///
    /// Most lines with a number name no term: this is all the statement scanner reads of them.
    /// The search looks at windows of the shortest term's length by their last two scalars
    /// (Wu and Manber's multi-pattern search): a window whose last pair ends no term's opening
    /// moves on by up to `window - 1` scalars without the others being read, and only where a
    /// pair ends one is `matchIndex` asked. A scalar test at every place was near a third of the
    /// statement scanner.
    func firstMatch(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> (start: Int, term: Int)? {
        firstMatch(s, from: i, before: s.count)
    }

    /// `firstMatch(_:from:)` among the places before `end`: a term that starts at `end` or
    /// later is not looked for (its text may reach past `end`). A caller that needs no term past
    /// a line's last unit does not search the rest of the line.
    func firstMatch(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, before end: Int) -> (start: Int, term: Int)? {
        let n = min(s.count, end)
        guard window >= 2 else {
            for k in max(i, 0)..<max(n, i) {
                if let t = matchIndex(s, at: k) { return (k, t) }
            }
            return nil
        }
        return shifts.withUnsafeBufferPointer { shifts in
            // The window is `pos - window + 1 ... pos`. No move passes a window where a term
            // opens: a pair at its offset `j` moves the end at most to that window's end.
            // Offsets stay below `s.count + window`: wrapping arithmetic, without overflow checks,
            // is a fifth fewer instructions per step.
            var pos = max(i, 0) &+ window &- 1
            // The last window that starts before `n` ends at `n + window - 2`, within the line.
            let stop = min(s.count, max(n, 0) &+ window &- 1)
            while pos < stop {
                let shift = Int(shifts[Self.pairHash(s[pos &- 1], s[pos]) & (Self.shiftEntries - 1)])
                if shift > 0 {
                    pos &+= shift
                    continue
                }
                let start = pos &- window &+ 1
                if let t = matchIndex(s, at: start) { return (start, t) }
                pos &+= 1
            }
            return nil
        }
    }

    private static let appropriationOnly = ["财政拨款", "拨款", "预算", "基金", "资本经营", "经营预算"]

    private static let baseTerms: [Term] = [
        // 三公
        Term("“三公”经费", .sangongTotal),
        Term("三公经费", .sangongTotal),
        Term("因公出国（境）费", .sangongOutbound),
        Term("因公出国（境）经费", .sangongOutbound),
        Term("因公出国（境）", .sangongOutbound, rank: 1),
        Term("因公出国费", .sangongOutbound),
        Term("公务用车购置及运行维护费", .sangongVehicle),
        Term("公务用车购置和运行维护费", .sangongVehicle),
        Term("公务用车购置及运行费", .sangongVehicle),
        Term("公务用车购置及运维费", .sangongVehicle),
        Term("公务用车费", .sangongVehicle, rank: 1),
        Term("公务用车购置费", .sangongVehiclePurchase),
        Term("公务用车购置", .sangongVehiclePurchase),
        Term("公务用车运行维护费", .sangongVehicleOperation),
        Term("公务用车运行维护", .sangongVehicleOperation),
        Term("公务用车运行费", .sangongVehicleOperation),
        Term("公务用车运维费", .sangongVehicleOperation),
        Term("公务接待费", .sangongReception, notAfter: ["国内", "外事", "国（境）外", "境外", "国外"]),
        // 机关运行经费
        Term("机关运行经费", .adminOperatingCost),
        Term("机构运行经费", .adminOperatingCost),
        Term("公用经费", .adminOperatingCost, rank: 1, notAfter: ["日常"]),
        // Expenditure
        Term("本年支出合计", .totalExpenditure, notAfter: appropriationOnly),
        Term("本年支出决算合计", .totalExpenditure, notAfter: appropriationOnly),
        Term("本年支出预算合计", .totalExpenditure, notAfter: appropriationOnly),
        Term("支出合计", .totalExpenditure, rank: 1, notAfter: appropriationOnly + ["采购"]),
        Term("支出决算合计", .totalExpenditure, rank: 1, notAfter: appropriationOnly + ["采购"]),
        Term("支出预算合计", .totalExpenditure, rank: 1, notAfter: appropriationOnly + ["采购"]),
        Term("基本支出", .basicExpenditure, notAfter: appropriationOnly),
        Term("项目支出", .projectExpenditure, notAfter: appropriationOnly),
        // Procurement
        Term("政府采购支出总额", .procurementTotal),
        Term("政府采购支出预算总额", .procurementTotal),
        Term("政府采购预算总额", .procurementTotal),
        Term("政府采购支出合计", .procurementTotal),
        Term("政府采购总额", .procurementTotal),
        Term("政府采购支出", .procurementTotal, rank: 1),
        Term("政府采购货物支出", .procurementGoods),
        Term("政府采购货物", .procurementGoods, rank: 1),
        Term("拟采购货物支出", .procurementGoods),
        Term("采购货物支出", .procurementGoods, rank: 1),
        Term("货物采购支出", .procurementGoods, rank: 1),
        Term("政府采购工程支出", .procurementWorks),
        Term("政府采购工程", .procurementWorks, rank: 1),
        Term("拟采购工程支出", .procurementWorks),
        Term("采购工程支出", .procurementWorks, rank: 1),
        Term("工程采购支出", .procurementWorks, rank: 1),
        Term("政府采购服务支出", .procurementServices),
        Term("政府采购服务", .procurementServices, rank: 1),
        Term("拟购买服务支出", .procurementServices),
        Term("拟采购服务支出", .procurementServices),
        Term("购买服务支出", .procurementServices, rank: 1),
        Term("采购服务支出", .procurementServices, rank: 1),
        Term("服务采购支出", .procurementServices, rank: 1),
        Term("授予中小企业合同金额", .procurementSME, notAfter: ["货物采购", "工程采购", "服务采购"]),
        Term("授予中小企业的合同金额", .procurementSME, notAfter: ["货物采购", "工程采购", "服务采购"]),
        Term("中小企业合同金额", .procurementSME, rank: 1, notAfter: ["货物采购", "工程采购", "服务采购", "小微企业"]),
        // Templates that state the SME awards in parts: reserved projects + other projects.
        Term("预留给中小企业的项目中授予中小企业", .procurementSME, part: "reserved"),
        Term("面向中小企业预留项目中授予中小企业", .procurementSME, part: "reserved"),
        Term("专门面向中小企业采购授予中小企业", .procurementSME, part: "reserved"),
        Term("预留份额授予中小企业", .procurementSME, part: "reserved"),
        Term("其他项目中授予中小企业", .procurementSME, part: "other"),
        Term("其他采购项目中授予中小企业", .procurementSME, part: "other"),
        Term("非预留项目中授予中小企业", .procurementSME, part: "other"),
        Term("授予小微企业合同金额", .procurementSmallMicro),
        Term("授予小微企业的合同金额", .procurementSmallMicro),
        Term("小微企业合同金额", .procurementSmallMicro, rank: 1),
    ]

    /// The term as written plus its ASCII-parenthesis and quote-mark variants.
    ///
    /// Built on scalar arrays: Foundation's `replacingOccurrences` goes through CFString on
    /// Linux, and the standard library's `replacing(_:with:)` and `contains(_:)` on strings are
    /// generic algorithms whose first use looks up protocol conformances at run time; either
    /// cost a one-report run more than a tenth of its time. Sorted by scalar values, which is
    /// `String`'s order for these texts (all in normal form C).
    private static func variants(_ t: Term) -> [Term] {
        let base = t.text
        var texts = [base, replacing(replacing(base, "（", by: "("), "）", by: ")")]
        let sangong = Array("“三公”".unicodeScalars)
        if firstRange(of: sangong, in: base) != nil {
            for (l, r) in [("\"", "\""), ("‘", "’"), ("「", "」"), ("”", "“"), ("“", "“"), ("”", "”"), ("'", "'")] {
                texts.append(replacing(base, sangong, by: Array((l + "三公" + r).unicodeScalars)))
            }
        }
        // At most nine texts: compared with those kept, not hashed into a set (whose inserts,
        // hashing each text and allocating, were half of the dictionary's making at start-up).
        var distinct: [[Unicode.Scalar]] = []
        for text in texts where !distinct.contains(text) { distinct.append(text) }
        distinct.sort { $0.lexicographicallyPrecedes($1) { $0.value < $1.value } }
        return distinct.map { text in
            Term(text: text, t.metric, rank: t.rank, notAfter: t.excludedPrefixes, part: t.part)
        }
    }

    /// `text` with every occurrence of `target` (left to right, not overlapping) replaced.
    private static func replacing(_ text: [Unicode.Scalar], _ target: Unicode.Scalar, by replacement: Unicode.Scalar) -> [Unicode.Scalar] {
        text.map { $0 == target ? replacement : $0 }
    }

    private static func replacing(_ text: [Unicode.Scalar], _ target: [Unicode.Scalar], by replacement: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var rest = text[...]
        while let range = firstRange(of: target, in: rest) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    /// Where `target` (not empty) first occurs in `text`.
    private static func firstRange(of target: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Range<Int>? {
        guard !target.isEmpty, text.count >= target.count else { return nil }
        for start in text.startIndex...(text.endIndex - target.count) where text[start..<(start + target.count)].elementsEqual(target) {
            return start..<(start + target.count)
        }
        return nil
    }

    private static func firstRange(of target: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Range<Int>? {
        firstRange(of: target, in: text[...])
    }
}
