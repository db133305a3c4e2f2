/// A JSON document as a value, rendered to text with keys in the order given:
/// `.object([("单位", .string("甲市")), ("支出合计", .number("3332.37"))])` renders compactly
/// as `{"单位":"甲市","支出合计":3332.37}`, and pretty-printed (the default) one member a line.
///
/// Why not `JSONEncoder`: amounts must appear exactly as stated (`3332.37`, `100.00`), and a
/// `Double` would print `3332.3699999999999` or drop the trailing zeros, so a number is kept
/// as its decimal text. Keys keep their order so that the output reads like the report and
/// diffs cleanly. A `number` whose text is not a JSON number (`3,332.37`, `NaN`, `.5`) is
/// written as a string instead, so the output is always valid JSON.
///
/// Equality compares exactly what would be written: numbers by their text (`1.0` ≠ `1`) and
/// objects key by key in order. Rendering and comparison use an explicit stack, so even a
/// very deeply nested value cannot overflow the call stack.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case string(String)
    /// Raw decimal text such as `3332.37` or `-5252.65`, written without quotes.
    case number(String)
    case array([JSONValue])
    /// Members in the order they are written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        var pending: [(JSONValue, JSONValue)] = [(lhs, rhs)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.null, .null):
                continue
            case let (.bool(x), .bool(y)):
                if x != y { return false }
            case let (.string(x), .string(y)), let (.number(x), .number(y)):
                if x != y { return false }
            case let (.array(x), .array(y)):
                if x.count != y.count { return false }
                pending.append(contentsOf: zip(x, y))
            case let (.object(x), .object(y)):
                if x.count != y.count { return false }
                for (m, n) in zip(x, y) {
                    if m.0 != n.0 { return false }
                    pending.append((m.1, n.1))
                }
            default:
                return false
            }
        }
        return true
    }

    /// One piece of work for the renderer: a value (after a line break and its key, inside a
    /// container), a comma between elements, or a container's closing bracket.
    private enum Step {
        case value(JSONValue, depth: Int, key: String?, onNewLine: Bool)
        case comma
        case close(UInt8, depth: Int)
    }

    /// The value as JSON text, without a final line break.
    ///
    /// Pretty output puts each element and member on its own line, indented `indent` spaces
    /// per level (negative counts as 0), with `": "` after keys; compact output has no spaces
    /// at all. Empty arrays and objects are `[]` and `{}`. Chinese is written as UTF-8.
    /// `depth` is the nesting level the value stands at, for a value written inside a document
    /// that is rendered piece by piece (`JSONStream`): its inner lines are indented from there.
    public func rendered(pretty: Bool = true, indent: Int = 2, depth: Int = 0) -> String {
        var bytes: [UInt8] = []
        render(pretty: pretty, indent: indent, depth: depth, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `rendered` as UTF-8 appended to `out`. Built in bytes, not by appending strings scalar
    /// by scalar: a comparison's JSON of a few megabytes took longer to render than to extract.
    public func render(pretty: Bool = true, indent: Int = 2, depth: Int = 0, into out: inout [UInt8]) {
        let unit = max(0, indent)
        func breakLine(_ depth: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: unit * depth))
        }
        var steps: [Step] = [.value(self, depth: max(0, depth), key: nil, onNewLine: false)]
        while let step = steps.popLast() {
            switch step {
            case .comma:
                out.append(UInt8(ascii: ","))
            case .close(let bracket, let depth):
                breakLine(depth)
                out.append(bracket)
            case .value(let value, let depth, let key, let onNewLine):
                if onNewLine { breakLine(depth) }
                if let key {
                    Self.appendQuoted(key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    if pretty { out.append(UInt8(ascii: " ")) }
                }
                switch value {
                case .null:
                    out += "null".utf8
                case .bool(let flag):
                    out += (flag ? "true" : "false").utf8
                case .string(let text):
                    Self.appendQuoted(text, to: &out)
                case .number(let text):
                    if Self.isJSONNumber(text) {
                        out += text.utf8
                    } else {
                        Self.appendQuoted(text, to: &out)
                    }
                case .array(let elements):
                    guard !elements.isEmpty else { out += "[]".utf8; continue }
                    out.append(UInt8(ascii: "["))
                    // Pushed in reverse: the stack pops the first element first.
                    steps.append(.close(UInt8(ascii: "]"), depth: depth))
                    for (index, element) in elements.enumerated().reversed() {
                        if index < elements.count - 1 { steps.append(.comma) }
                        steps.append(.value(element, depth: depth + 1, key: nil, onNewLine: true))
                    }
                case .object(let members):
                    guard !members.isEmpty else { out += "{}".utf8; continue }
                    out.append(UInt8(ascii: "{"))
                    steps.append(.close(UInt8(ascii: "}"), depth: depth))
                    for (index, member) in members.enumerated().reversed() {
                        if index < members.count - 1 { steps.append(.comma) }
                        steps.append(.value(member.1, depth: depth + 1, key: member.0, onNewLine: true))
                    }
                }
            }
        }
    }

    /// Appends `text` as a JSON string: `他说"好"\n` becomes `"他说\"好\"\n"` (escaped).
    ///
    /// Quote and backslash are escaped, `\n` `\r` `\t` by name, other controls below U+0020
    /// as `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` so the text is also valid JavaScript.
    static func appendQuoted(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `appendQuoted` in UTF-8. Every byte that needs escaping is ASCII except U+2028/U+2029
    /// (`E2 80 A8`/`E2 80 A9`), so the text is escaped byte by byte from its storage.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            appendEscaped(Array(text.utf8), to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscaped(_ bytes: some RandomAccessCollection<UInt8>, to out: inout [UInt8]) {
        let hex = hexDigits
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += "\\u00".utf8
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2:
                let next = bytes.index(after: i)
                if bytes.distance(from: next, to: bytes.endIndex) >= 2, bytes[next] == 0x80,
                   case let last = bytes[bytes.index(after: next)], last == 0xA8 || last == 0xA9 {
                    out += (last == 0xA8 ? "\\u2028" : "\\u2029").utf8
                    i = bytes.index(i, offsetBy: 3)
                    continue
                }
                out.append(byte)
            default:
                out.append(byte)
            }
            i = bytes.index(after: i)
        }
    }

    /// Whether `text` follows the JSON number grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`:
    /// `3332.37`, `-0.5`, `1e3` do; `3,332.37`, `+1`, `01`, `.5`, `1.`, `NaN` and `` do not.
    static func isJSONNumber(_ text: String) -> Bool {
        // Read in place: a copy of the text per number was most of rendering a comparison.
        var text = text
        return text.withUTF8 { isJSONNumber($0) }
    }

    private static func isJSONNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func isDigit(_ at: Int) -> Bool {
            at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
        }
        func skipDigits() -> Bool {
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
            return true
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count && bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if !skipDigits() {
            return false
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard skipDigits() else { return false }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard skipDigits() else { return false }
        }
        return i == bytes.count
    }
}
