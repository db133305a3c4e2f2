/// One subcommand of `bureau-compare`: the spec it is parsed and documented by, and what
/// it does with the parsed arguments.
///
/// A command writes its document to `stdout` and each problem as one line to `stderr`, and
/// returns an exit code instead of exiting, so tests run it in-process on strings. It
/// never parses reports itself: that is DisclosureKit's job.
protocol Command {
    /// Name, usage, options and flags; drives parsing and help.
    static var spec: CommandSpec { get }

    /// Runs the command on arguments already parsed against `spec`.
    static func run(_ arguments: ParsedArguments, terminal: Terminal,
                    stdout: inout some UTF8OutputStream, stderr: inout some TextOutputStream) -> ExitCode
}
