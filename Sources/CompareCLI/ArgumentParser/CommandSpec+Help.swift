extension CommandSpec {
    /// The help shown by `TOOL COMMAND --help` and `TOOL help COMMAND`.
    ///
    /// Built from the same spec the parser uses: usage lines, the positional, every option
    /// with its allowed values, every flag, the built-in `--help`, then the discussion.
    public func helpText(tool: String) -> String {
        var text = "\(tool) \(name): \(abstract)\n\nUSAGE:\n"
        for line in usage {
            text += "  \(tool) \(line)\n"
        }

        var arguments: [(String, String)] = []
        if let positional {
            arguments.append((positional.valueName + (positional.repeatable ? "..." : ""), positional.help))
        }
        var options: [(String, String)] = options.map { option in
            var help = option.help
            if let allowed = option.allowed {
                help += "\nOne of: " + allowed.joined(separator: ", ") + "."
            }
            if option.repeatable {
                help += "\nMay be repeated."
            }
            return ("\(option.name) \(option.valueName)", help)
        }
        options += flags.map { ($0.name, $0.help) }
        options.append(("-h, --help", "Show this help."))

        for section in [HelpSection(title: "ARGUMENTS", entries: arguments), HelpSection(title: "OPTIONS", entries: options)]
        where !section.entries.isEmpty {
            text += "\n" + section.rendered
        }
        for paragraph in discussion {
            text += "\n" + paragraph + "\n"
        }
        return text
    }
}
