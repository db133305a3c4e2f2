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
        // Most headings hold the first scalar of none of the words: told by one pass over them,
        // before the searches for each word.
        guard heading.contains(where: { Words.firsts.contains($0) }) else { return nil }
        func has(_ word: [Unicode.Scalar]) -> Bool { contains(heading, word) }
        if has(Words.sangong) { return .sangong }
        if has(Words.jiguanYunxing) || has(Words.jigouYunxing) || has(Words.gongyong) && !has(Words.jibenZhichu) {
            return .admin
        }
        if has(Words.procurement) { return .procurement }
        if has(Words.zhichu), has(Words.qingkuang), !Words.qualifiers.contains(where: has) {
            return .expenditure
        }
        return nil
    }

    /// The template's words as scalars, made once.
    private enum Words {
        static let sangong = Array("三公".unicodeScalars)
        static let jiguanYunxing = Array("机关运行经费".unicodeScalars)
        static let jigouYunxing = Array("机构运行经费".unicodeScalars)
        static let gongyong = Array("公用经费".unicodeScalars)
        static let jibenZhichu = Array("基本支出".unicodeScalars)
        static let procurement = Array("政府采购".unicodeScalars)
        static let zhichu = Array("支出".unicodeScalars)
        static let qingkuang = Array("情况".unicodeScalars)
        /// Words that narrow a 支出…情况 heading to part of the spending.
        static let qualifiers = ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "项目支出", "基本支出", "收入", "收支", "绩效"]
            .map { Array($0.unicodeScalars) }
        /// The scalars the words above start with: a heading without any has no family.
        static let firsts = ScalarSet([sangong, jiguanYunxing, jigouYunxing, gongyong, procurement, zhichu].compactMap { $0.first })
    }

    /// True when `word` occurs in `text`; linear for the template's short words.
    static func contains(_ text: Slice<UnsafeBufferPointer<Unicode.Scalar>>, _ word: [Unicode.Scalar]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return word.isEmpty }
        var i = text.startIndex
        let last = text.endIndex - word.count
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < word.count, text[i + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
            i += 1
        }
        return false
    }
}
