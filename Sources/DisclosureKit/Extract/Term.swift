/// A label the template uses for a metric, with the words that must not stand right before it.
///
/// `公务接待费` is `sangong_reception`, but not in `国内公务接待费` (a sub-item);
/// `项目支出` is `project_expenditure`, but not in `一般公共预算财政拨款项目支出`
/// (the appropriation-only figure of another section).
struct Term: Sendable {
    let text: [Unicode.Scalar]
    let metric: MetricID
    /// Lower is preferred when a metric has several labels (`机关运行经费` 0, `公用经费` 1).
    let rank: Int
    let excludedPrefixes: [[Unicode.Scalar]]
    /// For a label of one part of a figure that some templates state only in parts
    /// (Shanghai's SME awards: reserved projects + other projects), the part's name.
    let part: String?

    init(_ text: String, _ metric: MetricID, rank: Int = 0, notAfter: [String] = [], part: String? = nil) {
        self.init(text: Array(text.unicodeScalars), metric, rank: rank, notAfter: notAfter.map { Array($0.unicodeScalars) }, part: part)
    }

    init(text: [Unicode.Scalar], _ metric: MetricID, rank: Int, notAfter: [[Unicode.Scalar]], part: String?) {
        self.text = text
        self.metric = metric
        self.rank = rank
        self.excludedPrefixes = notAfter
        self.part = part
    }
}
