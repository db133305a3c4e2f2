/// One command-line argument, classified by its shape before any spec is consulted.
///
/// `--format=csv` is `.long(name: "--format", value: "csv")`, `--format` is
/// `.long(name: "--format", value: nil)`, `-h` is `.short("-h")`, `--` is `.terminator`,
/// and anything else (`Datasets`, `-`, `csv`) is `.plain`.
enum ArgumentToken: Hashable, Sendable {
    case long(name: String, value: String?)
    case short(String)
    case terminator
    case plain(String)

    init(_ argument: String) {
        if argument == "--" {
            self = .terminator
        } else if argument.hasPrefix("--") {
            if let equals = argument.firstIndex(of: "=") {
                let value = argument[argument.index(after: equals)...]
                self = .long(name: String(argument[..<equals]), value: String(value))
            } else {
                self = .long(name: argument, value: nil)
            }
        } else if argument.hasPrefix("-") && argument.count > 1 {
            self = .short(argument)
        } else {
            self = .plain(argument)
        }
    }

    /// Whether the argument can be the separate value of the option before it.
    ///
    /// `--format csv` takes `csv`; `--format --bom` does not take `--bom`, so a forgotten
    /// value is reported as such instead of silently eating the next option. A value
    /// that starts with a dash can still be given as `--name=-value`.
    var canBeValue: Bool {
        if case .plain = self { return true }
        return false
    }
}
