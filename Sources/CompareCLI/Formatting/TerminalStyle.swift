import Rendering

/// ANSI styling for terminal output, or none: bold titles and cyan bars.
///
/// Why applied after layout: escape codes take no columns on screen but count as
/// characters, so a table measured with them would misalign. Tables are laid out plain and
/// styled afterwards; with `enabled == false` (a pipe, `NO_COLOR`) every method returns its
/// input unchanged.
struct TerminalStyle: Sendable {
    let enabled: Bool

    static let boldOn = "\u{1B}[1m"
    static let cyanOn = "\u{1B}[36m"
    static let reset = "\u{1B}[0m"

    /// `text` in bold.
    func bold(_ text: String) -> String {
        enabled ? Self.boldOn + text + Self.reset : text
    }

    /// `text` with each line's run of bar blocks (`█▏…▉`) coloured cyan.
    func coloringBars(_ text: String) -> String {
        guard enabled else { return text }
        let blocks = Set(BarChart.eighths + [BarChart.full])
        var out = ""
        var inBar = false
        for c in text {
            let isBlock = blocks.contains(c)
            if isBlock && !inBar { out += Self.cyanOn; inBar = true }
            if !isBlock && inBar { out += Self.reset; inBar = false }
            out.append(c)
        }
        if inBar { out += Self.reset }
        return out
    }
}
