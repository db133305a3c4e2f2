/// Tells which metric family a heading introduces, from the template's words.
///
/// `八、财政拨款“三公”经费支出决算情况说明` → 三公; `十一、机构运行经费支出决算情况说明`
/// → 机关运行经费; `（二）政府采购支出情况` → procurement; `三、支出决算情况说明` →
/// expenditure. `六、一般公共预算财政拨款基本支出决算情况说明` is about appropriations
/// only, so it introduces no family: its figures are trusted less than the own section's.
enum SectionClassifier {
    static func family(of heading: String) -> Metric.Family? {
        Array(heading.unicodeScalars).withUnsafeBufferPointer { family(of: $0[...]) }
    }

    /// The family of a heading given as scalars (the segmenter's lines), without building a
    /// `String`: a word occurs in the scalars exactly when its UTF-8 occurs in the UTF-8.
    static func family(of heading: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Metric.Family? {
        family(found: Words.found(in: UnsafeBufferPointer(rebasing: heading)))
    }

    /// The family told by the set of words a heading holds (bit `n` for `Words.all[n]`).
    private static func family(found: UInt32) -> Metric.Family? {
        func has(_ word: Int) -> Bool { found & 1 << word != 0 }
        if has(Words.sangong) { return .sangong }
        if has(Words.jiguanYunxing) || has(Words.jigouYunxing) || has(Words.gongyong) && !has(Words.jibenZhichu) {
            return .admin
        }
        if has(Words.procurement) { return .procurement }
        if has(Words.zhichu), has(Words.qingkuang), found & Words.qualifiers == 0 {
            return .expenditure
        }
        return nil
    }

    /// The template's words as scalars, made once, and where they stand in `all`.
    enum Words {
        static let sangong = 0, jiguanYunxing = 1, jigouYunxing = 2, gongyong = 3, jibenZhichu = 4,
                   procurement = 5, zhichu = 6, qingkuang = 7
        /// Words that narrow a 支出…情况 heading to part of the spending: bits 8 to 16.
        static let qualifiers: UInt32 = 0x1FF << 8
        static let all = ["三公", "机关运行经费", "机构运行经费", "公用经费", "基本支出", "政府采购", "支出", "情况",
                          "财政拨款", "一般公共预算", "政府性基金", "国有资本", "项目支出", "基本支出", "收入", "收支", "绩效"]
            .map { Array($0.unicodeScalars) }
        /// Bit `v & 63` set for the value `v` of each scalar a word starts with: where no such
        /// bit is set, no word starts, and the scalar is passed over in a shift and a test (the
        /// set of the scalars themselves, a bounds check and a load per scalar, was most of the
        /// cost of a heading). Literal scalars, so that the mask is a constant.
        @inline(__always)
        static var firstBits: UInt64 {
            func bit(_ s: Unicode.Scalar) -> UInt64 { 1 << (UInt64(s.value) & 63) }
            return bit("三") | bit("机") | bit("公") | bit("基") | bit("政") | bit("支") | bit("情") | bit("财")
                | bit("一") | bit("国") | bit("项") | bit("收") | bit("绩")
        }

        /// The words of `all` that occur in `text`, as bits, found in one pass over it: a
        /// heading is read once, not once per word, and at a word's first scalar only the words
        /// that start with it are compared.
        static func found(in text: UnsafeBufferPointer<Unicode.Scalar>) -> UInt32 {
            let firstBits = Self.firstBits
            let all = Self.all
            var found: UInt32 = 0
            var i = 0
            func look(_ n: Int) {
                if found & 1 << n == 0, SectionClassifier.startsWith(text, at: i, all[n]) { found |= 1 << n }
            }
            while i < text.count {
                let s = text[i]
                if firstBits >> (UInt64(s.value) & 63) & 1 != 0 {
                    // Exact: the mask lets through other scalars with the same low bits.
                    switch s {
                    case "三": look(0)
                    case "机": look(1); look(2)
                    case "公": look(3)
                    case "基": look(4); look(13)
                    case "政": look(5); look(10)
                    case "支": look(6)
                    case "情": look(7)
                    case "财": look(8)
                    case "一": look(9)
                    case "国": look(11)
                    case "项": look(12)
                    case "收": look(14); look(15)
                    case "绩": look(16)
                    default: break
                    }
                }
                i += 1
            }
            return found
        }
    }

    /// True when `word` stands in `text` at `i`.
    @inline(__always)
    private static func startsWith(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ word: [Unicode.Scalar]) -> Bool {
        guard word.count <= text.count - i else { return false }
        var k = 0
        while k < word.count, text[i + k] == word[k] { k += 1 }
        return k == word.count
    }
}
