import Analytics
import Rendering

/// The three files of one year's briefing, as relative paths and bytes, built before anything
/// is written so that every year's files can be staged and committed together:
/// `2024/briefing.md`, `2024/briefing.csv`, `2024/briefing.html`.
///
/// Deterministic by construction: the bytes depend only on the reports' text and the
/// options — no clock, no absolute path (documents are named by file name), no hash order
/// (everything is sorted by key). The CSV starts with a UTF-8 BOM unless `bom` is false,
/// like compare's files; Markdown and HTML never do (the page declares UTF-8 itself).
struct BriefingFiles {
    static let names = ["briefing.md", "briefing.csv", "briefing.html"]

    /// (path relative to the out folder, bytes), in `names` order.
    let files: [(path: String, bytes: [UInt8])]

    init(briefing: Briefing, labels: BriefingLabels, bom: Bool) {
        let folder = String(briefing.fiscalYear)
        files = [
            (folder + "/briefing.md", Array(briefing.markdown(labels).utf8)),
            (folder + "/briefing.csv", Array(((bom ? CSVWriter.utf8BOM : "") + briefing.csv(labels)).utf8)),
            (folder + "/briefing.html", Array(briefing.html(labels).utf8)),
        ]
    }
}
