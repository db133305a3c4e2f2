import Testing
@testable import CompareCLI

/// Each argument shape the parser accepts or rejects, on a spec shaped like `compare`.
@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        name: "compare",
        abstract: "Compare reports.",
        usage: ["compare [PATH...] [--format FORMAT]"],
        options: [
            OptionSpec(name: "--format", valueName: "FORMAT", allowed: ["table", "csv", "tsv", "json"], help: "Format."),
            OptionSpec(name: "--metric", valueName: "ID", repeatable: true, help: "A metric."),
            OptionSpec(name: "--out", valueName: "DIR", help: "Folder."),
        ],
        flags: [FlagSpec(name: "--bom", help: "Write a BOM.")],
        positional: PositionalSpec(valueName: "PATH", help: "Reports.")
    )

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        try spec.parse(arguments)
    }

    func message(_ arguments: [String]) -> String? {
        do {
            _ = try spec.parse(arguments)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func emptyArgumentsGiveNothing() throws {
        #expect(try parse([]) == ParsedArguments())
    }

    @Test func optionWithSeparateValue() throws {
        let parsed = try parse(["--format", "csv"])
        #expect(parsed.value("--format") == "csv")
        #expect(parsed.positionals.isEmpty)
    }

    @Test func optionWithInlineValue() throws {
        #expect(try parse(["--format=json"]).value("--format") == "json")
        #expect(try parse(["--out=a=b"]).value("--out") == "a=b")
    }

    @Test func inlineValueMayStartWithDash() throws {
        #expect(try parse(["--out=-x"]).value("--out") == "-x")
    }

    @Test func repeatedOptionCollectsEveryValue() throws {
        let parsed = try parse(["--metric", "a", "--metric=b", "--metric", "c"])
        #expect(parsed.allValues("--metric") == ["a", "b", "c"])
        #expect(parsed.value("--metric") == "c")
        #expect(parsed.allValues("--out") == [])
    }

    @Test func nonRepeatableOptionGivenTwiceIsAnError() {
        #expect(message(["--format", "csv", "--format", "json"]) == "option '--format' may be given only once")
    }

    @Test func flagsAndPositionalsInAnyOrder() throws {
        let parsed = try parse(["a.txt", "--bom", "b", "--format", "tsv", "c"])
        #expect(parsed.positionals == ["a.txt", "b", "c"])
        #expect(parsed.isSet("--bom"))
        #expect(!parsed.isSet("--other"))
        #expect(parsed.value("--format") == "tsv")
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parse(["--bom", "--", "--format", "-h", "--", "x"])
        #expect(parsed.positionals == ["--format", "-h", "--", "x"])
        #expect(parsed.values.isEmpty)
        #expect(!parsed.wantsHelp)
    }

    @Test func singleDashIsAPositional() throws {
        #expect(try parse(["-"]).positionals == ["-"])
    }

    @Test func unknownLongOption() {
        #expect(message(["--foo"]) == "unknown option '--foo'")
        #expect(message(["--foo=1"]) == "unknown option '--foo'")
    }

    @Test func unknownShortOption() {
        #expect(message(["-x"]) == "unknown option '-x'")
    }

    @Test func missingValueAtTheEnd() {
        #expect(message(["--format"]) == "option '--format' needs a value")
    }

    @Test func optionDoesNotSwallowTheNextOption() {
        #expect(message(["--out", "--bom"]) == "option '--out' needs a value")
    }

    @Test func emptyInlineValueIsMissing() {
        #expect(message(["--out="]) == "option '--out' needs a value")
    }

    @Test func valueOutsideTheAllowedSet() {
        #expect(message(["--format", "xml"]) == "'xml' is not one of table, csv, tsv, json")
        #expect(message(["--format="]) == "'' is not one of table, csv, tsv, json")
    }

    @Test func flagTakesNoValue() {
        #expect(message(["--bom=yes"]) == "option '--bom' takes no value")
    }

    @Test func helpWinsOverEverythingBeforeDoubleDash() throws {
        #expect(try parse(["--help"]).wantsHelp)
        #expect(try parse(["-h"]).wantsHelp)
        #expect(try parse(["--format", "xml", "--foo", "--help"]).wantsHelp)
        #expect(try !parse(["--", "--help"]).wantsHelp)
    }

    @Test func commandWithoutPositionalsRejectsThem() {
        let metrics = CommandSpec(name: "metrics", abstract: "", usage: [])
        #expect(throws: UsageError("unexpected argument 'x'")) { try metrics.parse(["x"]) }
    }

    @Test func singlePositionalTakesOnlyOne() {
        let one = CommandSpec(name: "one", abstract: "", usage: [], positional: PositionalSpec(valueName: "FILE", repeatable: false, help: ""))
        #expect(throws: UsageError("unexpected argument 'b'")) { try one.parse(["a", "b"]) }
    }

    @Test func tokensAreClassifiedByShape() {
        #expect(ArgumentToken("--") == .terminator)
        #expect(ArgumentToken("--a=b") == .long(name: "--a", value: "b"))
        #expect(ArgumentToken("--a") == .long(name: "--a", value: nil))
        #expect(ArgumentToken("-h") == .short("-h"))
        #expect(ArgumentToken("-") == .plain("-"))
        #expect(ArgumentToken("报告.txt") == .plain("报告.txt"))
    }

    @Test func helpTextListsEveryOptionAndItsValues() {
        let help = spec.helpText(tool: "tool")
        #expect(help.hasPrefix("tool compare: Compare reports.\n"))
        #expect(help.contains("  tool compare [PATH...] [--format FORMAT]\n"))
        #expect(help.contains("--format FORMAT"))
        #expect(help.contains("One of: table, csv, tsv, json."))
        #expect(help.contains("--metric ID"))
        #expect(help.contains("May be repeated."))
        #expect(help.contains("--bom"))
        #expect(help.contains("PATH..."))
        #expect(help.contains("-h, --help"))
    }
}
