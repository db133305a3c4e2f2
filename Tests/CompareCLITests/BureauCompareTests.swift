import Testing
@testable import CompareCLI

/// The tool's dispatch: help, version, and every kind of usage error.
@Suite struct BureauCompareTests {
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func toolHelp(arguments: [String]) {
        let run = ToolRun(arguments)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("bureau-compare 0.1.0: "))
        #expect(run.stdout.contains("COMMANDS:\n  compare "))
        #expect(run.stdout.contains("\n  extract "))
        #expect(run.stdout.contains("\n  metrics "))
        #expect(run.stdout.contains("EXIT STATUS:"))
        #expect(run.stdout.contains("  3   output could not be written"))
        #expect(run.stdout.contains("EXAMPLES:\n  bureau-compare compare\n"))
        #expect(run.stdout.contains("\n  bureau-compare extract\n"))
    }

    @Test func toolHelpListsExactlyTheCommandsThatExist() {
        let help = ToolRun(["--help"]).stdout
        let registered = BureauCompare.commands.map { $0.spec.name }
        for name in registered {
            #expect(help.contains("\n  \(name) "), "help does not list \(name)")
        }
        #expect(registered == ["compare", "briefing", "extract", "audit", "metrics"])
        #expect(help.contains("\n  briefing "))
    }

    @Test(arguments: [["help", "extract"], ["extract", "--help"], ["extract", "-h"], ["--help", "extract"],
                      ["extract", "--format", "xml", "--help"]])
    func commandHelp(arguments: [String]) {
        let run = ToolRun(arguments)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("bureau-compare extract: "))
        #expect(run.stdout.contains("  bureau-compare extract [PATH...] [--format FORMAT]\n"))
        #expect(run.stdout.contains("One of: table, csv, tsv, json."))
    }

    @Test func metricsHelp() {
        let run = ToolRun(["help", "metrics"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("bureau-compare metrics: "))
    }

    @Test func version() {
        let run = ToolRun(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "bureau-compare 0.1.0\n")
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [
        (["extract", "--format", "xml"], "bureau-compare: 'xml' is not one of table, csv, tsv, json"),
        (["extract", "--foo"], "bureau-compare: unknown option '--foo'"),
        (["extract", "--format"], "bureau-compare: option '--format' needs a value"),
        (["metrics", "extra"], "bureau-compare: unexpected argument 'extra'"),
        (["frobnicate"], "bureau-compare: unknown command 'frobnicate'"),
        (["--frobnicate"], "bureau-compare: unknown option '--frobnicate'"),
        (["help", "frobnicate"], "bureau-compare: unknown command 'frobnicate'"),
        (["help", "extract", "metrics"], "bureau-compare: unexpected argument 'metrics'"),
        (["--version", "x"], "bureau-compare: unexpected argument 'x'"),
        ([], "bureau-compare: missing command (one of: \(BureauCompare.commands.map { $0.spec.name }.joined(separator: ", ")))"),
    ])
    func usageError(arguments: [String], message: String) {
        let run = ToolRun(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == message + "\nRun 'bureau-compare --help' for usage.\n")
    }

    @Test func exitCodesAreTheContractsNumbers() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3])
        #expect(max(ExitCode.inputProblem, .outputFailed) == .outputFailed)
    }
}
