/// The language of names, headings and notes: `--lang zh` (the default) or `--lang en`.
///
/// Why Chinese first: the reports, their readers and the template's own labels
/// (`“三公”经费合计`) are Chinese; English is offered for readers outside China. Stable IDs
/// (`sangong_total`) and CSV headers never change with the language, so scripts do not either.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zh, en
}
