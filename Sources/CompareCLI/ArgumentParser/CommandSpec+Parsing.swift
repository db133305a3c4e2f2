extension CommandSpec {
    /// Parses one command's arguments (those after the command's name).
    ///
    /// Accepts `--opt value`, `--opt=value`, repeated options when the spec allows them,
    /// flags, positionals anywhere, and `--` after which every argument is positional.
    /// `--help` or `-h` before `--` wins over everything else, so a user can always ask
    /// for help even on a command line that would not parse.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        let beforeTerminator = arguments.prefix { $0 != "--" }
        if beforeTerminator.contains(where: { CommandSpec.helpNames.contains($0) }) {
            return ParsedArguments(wantsHelp: true)
        }

        var parsed = ParsedArguments()
        var index = arguments.startIndex
        var onlyPositionals = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if onlyPositionals {
                try addPositional(argument, to: &parsed)
                continue
            }
            switch ArgumentToken(argument) {
            case .terminator:
                onlyPositionals = true
            case .plain(let text):
                try addPositional(text, to: &parsed)
            case .short(let name):
                throw .unknownOption(name)
            case .long(let name, let inlineValue):
                if let flag = flag(named: name) {
                    guard inlineValue == nil else { throw .flagWithValue(flag) }
                    parsed.flags.insert(flag.name)
                } else if let option = option(named: name) {
                    let value: String
                    if let inlineValue {
                        value = inlineValue
                    } else if index < arguments.endIndex, ArgumentToken(arguments[index]).canBeValue {
                        value = arguments[index]
                        index += 1
                    } else {
                        throw .missingValue(option)
                    }
                    try add(value, for: option, to: &parsed)
                } else {
                    throw .unknownOption(name)
                }
            }
        }
        return parsed
    }

    private func add(_ value: String, for option: OptionSpec, to parsed: inout ParsedArguments) throws(UsageError) {
        if let allowed = option.allowed {
            guard allowed.contains(value) else { throw .notAllowed(value, allowed) }
        } else if value.isEmpty {
            throw .missingValue(option)
        }
        if !option.repeatable, parsed.values[option.name] != nil {
            throw .repeated(option)
        }
        parsed.values[option.name, default: []].append(value)
    }

    private func addPositional(_ argument: String, to parsed: inout ParsedArguments) throws(UsageError) {
        guard let positional else { throw .unexpectedArgument(argument) }
        if !positional.repeatable, !parsed.positionals.isEmpty {
            throw .unexpectedArgument(argument)
        }
        parsed.positionals.append(argument)
    }
}
