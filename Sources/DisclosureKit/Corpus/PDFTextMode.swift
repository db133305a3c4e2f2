/// How `pdftotext` lays out the text it extracts from a PDF.
///
/// Why the reading order comes first (measured on the five datasets typeset as PDFs, see `docs/pdf.md`):
/// it reproduces every expected figure, `-layout` misses five. `-layout` pads each table row with runs of
/// spaces to its columns' page positions, so table lines are as long and as common as the wrapped lines
/// of the narrative and the hard-wrap detection no longer finds the paragraph width: sentences cut at the
/// line end stay cut (`完成预算` / `的40.54%`). Neither mode yields the tab-separated cells that table rows
/// are read from, so `-layout`'s columns gain nothing in exchange. `-layout` stays as the fallback for a
/// PDF whose reading order yields no disclosure report (a page of text boxes pdftotext orders badly).
public enum PDFTextMode: String, Sendable, CaseIterable {
    /// pdftotext's default: text in reading order, columns undone, one table cell per line.
    case readingOrder = "reading-order"
    /// `pdftotext -layout`: the physical layout kept, columns aligned with spaces.
    case layout

    /// The modes in the order they are tried: the first that yields a disclosure report wins.
    public static let preferred: [PDFTextMode] = [.readingOrder, .layout]

    /// The options that select the mode.
    var arguments: [String] {
        switch self {
        case .readingOrder: return []
        case .layout: return ["-layout"]
        }
    }
}
