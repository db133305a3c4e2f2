import Analytics
import DisclosureKit
import Rendering

extension Comparison {
    /// The comparison for a terminal: a summary line, each ranked table under its title, the
    /// notes on the rankings, then the budget-against-final tables and their notes.
    ///
    /// Every table is fitted to `terminal.columns`. With `terminal.colorAllowed` (a terminal
    /// without `NO_COLOR`) titles are bold and bars cyan; the colour codes are added after
    /// layout, so they never count as width.
    func terminalText(_ labels: ComparisonLabels, terminal: Terminal) -> String {
        let style = TerminalStyle(enabled: terminal.colorAllowed)
        var blocks: [String] = [labels.summary(self) + "\n"]
        for table in tables {
            let text = table.textTable(labels, width: terminal.columns).render(maxWidth: terminal.columns)
            blocks.append(style.bold(labels.title(table)) + "\n" + style.coloringBars(text))
        }
        let rankingNotes = self.rankingNotes.map { $0.text(labels.language) }
        if !rankingNotes.isEmpty {
            blocks.append(rankingNotes.joined(separator: "\n") + "\n")
        }
        if !budgetExecution.isEmpty {
            for table in budgetExecution {
                blocks.append(style.bold(labels.budgetTitle(table)) + "\n" + table.textTable(labels).render(maxWidth: terminal.columns))
            }
            let notes = budgetNotes.map { $0.text(labels.language) }
            if !notes.isEmpty { blocks.append(notes.joined(separator: "\n") + "\n") }
        }
        return blocks.joined(separator: "\n")
    }
}
