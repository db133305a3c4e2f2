/// The text of `bureau-compare --help`: what the tool is for, its commands (from their
/// specs, so a new command appears by being registered), the defaults shared by all
/// commands, the exit statuses scripts rely on, and examples.
enum ToolHelp {
    static func text(commands: [CommandSpec]) -> String {
        let tool = BureauCompare.name
        let commandEntries = commands.map { ($0.name, $0.abstract) } + [("help", "Show the help of a command: \(tool) help COMMAND.")]
        let sections = [
            HelpSection(title: "COMMANDS", entries: commandEntries),
            HelpSection(title: "OPTIONS", entries: [
                ("-h, --help", "Show this help; after a command, that command's help."),
                ("--version", "Show the version."),
            ]),
            HelpSection(title: "EXIT STATUS", entries: ExitCode.helpEntries),
        ]
        return """
            \(tool) \(BureauCompare.version): figures from Chinese government budget disclosure reports
            (部门决算公开 and 部门预算公开), traced to the line they come from.

            USAGE:
              \(tool) COMMAND [PATH...] [OPTIONS]
              \(tool) help COMMAND

            PATH defaults to Datasets; folders are searched recursively for .txt and .md reports.
            --format defaults to table on a terminal and csv otherwise. stdout carries only the
            requested document; each input that cannot be used is named on stderr.


            """ + sections.map(\.rendered).joined(separator: "\n") + """

            EXAMPLES:
              \(tool) compare
              \(tool) compare Datasets --kind all --metric project_share --format markdown
              \(tool) compare --year 2024 --out /tmp/reports --no-bom > rankings.csv
              \(tool) briefing Datasets --year 2024
              \(tool) extract
              \(tool) extract Datasets --format csv > figures.csv
              \(tool) extract report.txt other-reports/ --format json
              \(tool) metrics --format csv

            """
    }
}
