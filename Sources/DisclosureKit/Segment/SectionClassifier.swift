/// Tells which metric family a heading introduces, from the template's words.
///
/// `八、财政拨款“三公”经费支出决算情况说明` → 三公; `十一、机构运行经费支出决算情况说明`
/// → 机关运行经费; `（二）政府采购支出情况` → procurement; `三、支出决算情况说明` →
/// expenditure. `六、一般公共预算财政拨款基本支出决算情况说明` is about appropriations
/// only, so it introduces no family: its figures are trusted less than the own section's.
enum SectionClassifier {
    static func family(of heading: String) -> Metric.Family? {
        if heading.utf8Contains("三公") { return .sangong }
        if heading.utf8Contains("机关运行经费") || heading.utf8Contains("机构运行经费") || heading.utf8Contains("公用经费") && !heading.utf8Contains("基本支出") {
            return .admin
        }
        if heading.utf8Contains("政府采购") { return .procurement }
        let qualifiers = ["财政拨款", "一般公共预算", "政府性基金", "国有资本", "项目支出", "基本支出", "收入", "收支", "绩效"]
        if heading.utf8Contains("支出"), heading.utf8Contains("情况"), !qualifiers.contains(where: heading.utf8Contains) {
            return .expenditure
        }
        return nil
    }
}
