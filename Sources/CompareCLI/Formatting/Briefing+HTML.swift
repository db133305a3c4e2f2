import Analytics
import Rendering

extension Briefing {
    /// The briefing as one self-contained HTML page (briefing.html): inline CSS, inline SVG
    /// bar charts (one per family, bureaus labelled in Chinese, values at the bar ends, a
    /// figure not disclosed written out as 未公开), no script, no external font, image, style
    /// sheet or link; laid out for A4 paper.
    ///
    /// ```
    /// <section class="family">
    /// <h3>支出</h3>
    /// <figure><svg class="chart" …>…<text class="value" …>87.61</text>…</svg></figure>
    /// <h4>项目支出占比（%） <code>project_share</code></h4>
    /// <table class="ranking">…</table>
    /// </section>
    /// ```
    func html(_ labels: BriefingLabels) -> String {
        let layout = BriefingLayout(self, labels: labels, splitHeadline: true, charts: true)
        var body = ""
        var openSections: [Int] = []
        var inHeader = false
        func close(downTo level: Int) {
            while let last = openSections.last, last >= level {
                body += "</section>\n"
                openSections.removeLast()
            }
        }
        for block in layout.blocks {
            // The header holds the title and the paragraph under it; anything else ends it.
            if inHeader, case .paragraph = block {} else if inHeader {
                body += "</header>\n"
                inHeader = false
            }
            switch block {
            case .heading(let level, let text):
                let clamped = max(1, min(6, level))
                if clamped == 1 {
                    close(downTo: 0)
                    body += "<header>\n<h1>\(HTMLDocument.escape(text))</h1>\n"
                    inHeader = true
                    continue
                }
                if clamped <= 3 {
                    close(downTo: clamped)
                    body += "<section class=\"\(clamped == 2 ? "part" : "family")\">\n"
                    openSections.append(clamped)
                }
                body += "<h\(clamped)>\(HTMLDocument.escape(text))</h\(clamped)>\n"
            case .metricHeading(let title, let id):
                body += "<h4>\(HTMLDocument.escape(title)) <code>\(HTMLDocument.escape(id))</code></h4>\n"
            case .paragraph(let text):
                body += "<p class=\"\(inHeader ? "lead" : "empty")\">\(HTMLDocument.escape(text))</p>\n"
            case .table(let table):
                body += HTMLTable(columns: table.columns.map { .init($0.title, alignment: $0.alignment) },
                                  rows: table.rows, className: table.style).render()
            case .chart(let chart):
                body += "<figure>\n" + chart.render() + "</figure>\n"
            case .notes(let notes):
                body += "<ul class=\"notes\">\n" + notes.map { "<li>\(HTMLDocument.escape($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        if inHeader { body += "</header>\n" }
        close(downTo: 0)
        return HTMLDocument(language: labels.zh ? "zh-CN" : "en", title: labels.title(self),
                            style: Self.style, body: body).render()
    }

    /// The page's CSS: system CJK fonts by name only (nothing is downloaded), compact tables,
    /// charts scaled to the column, A4 pages with headings kept beside what follows them.
    static let style = """
    @page { size: A4; margin: 14mm 12mm 14mm 12mm; }
    html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #1b1b1b; background: #ffffff; }
    body { max-width: 186mm; margin: 0 auto; padding: 10mm 6mm; line-height: 1.45; }
    header { border-bottom: 2pt solid #3d6fa5; margin-bottom: 8pt; }
    h1 { font-size: 17pt; margin: 0 0 4pt 0; }
    h2 { font-size: 13pt; margin: 16pt 0 6pt 0; padding-bottom: 2pt; border-bottom: 1pt solid #9fb3c8; break-after: avoid; }
    h3 { font-size: 11.5pt; margin: 12pt 0 4pt 0; color: #2b557f; break-after: avoid; }
    h4 { font-size: 9.5pt; margin: 8pt 0 3pt 0; break-after: avoid; }
    code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 8pt; color: #666666; font-weight: normal; }
    p.lead { font-size: 9.5pt; color: #333333; margin: 4pt 0 8pt 0; }
    p.empty { font-size: 9pt; color: #666666; }
    table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt 0; font-size: 8.5pt; }
    th, td { border: 0.5pt solid #b9c3cd; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }
    th { background: #edf2f7; font-weight: bold; }
    th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    table.headline td:first-child, table.ranking td:nth-child(2) { white-space: nowrap; }
    th { white-space: nowrap; }
    table.changes td:nth-child(-n+2), table.audit td:nth-child(-n+2), table.budget td:nth-child(2) { white-space: nowrap; }
    table.sources { font-size: 7.5pt; }
    table.sources td:first-child { white-space: nowrap; }
    table.sources td:last-child { color: #555555; }
    figure { margin: 4pt 0 8pt 0; break-inside: avoid; }
    svg.chart { display: block; max-width: 100%; height: auto; }
    svg.chart text { fill: #1b1b1b; }
    svg.chart text.nd { fill: #777777; }
    ul.notes { font-size: 8.5pt; color: #333333; margin: 2pt 0 8pt 0; padding-left: 14pt; }
    @media print { body { max-width: none; padding: 0; } section.family { break-before: auto; } }
    """
}
