// Shared by the test targets: one check that HTML tags nest.

/// A small check that the tags of a page nest: every element opened is closed in order,
/// except void elements and `<… />`; comments and `<!DOCTYPE>` are skipped.
public enum HTMLTags {
    public static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr", "area", "base", "source"]

    /// What is wrong, empty when the tags nest.
    public static func problems(_ html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                problems.append("unclosed tag at the end")
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased()
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                problems.append("not a tag: <\(tag)>")
                continue
            }
            if tag.hasSuffix("/") || void.contains(name) { continue }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("left open: \(stack.joined(separator: ", "))") }
        return problems
    }
}
