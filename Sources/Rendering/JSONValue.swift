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

    /// Appends `text` as a JSON string in UTF-8: `他说"好"\n` becomes `"他说\"好\"\n"` (escaped).
    ///
    /// Quote and backslash are escaped, `\n` `\r` `\t` by name, other controls below U+0020
    /// as `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` so the text is also valid JavaScript.
    /// Every byte that needs escaping is ASCII except U+2028/U+2029 (`E2 80 A8`/`E2 80 A9`), so
    /// the text is escaped byte by byte from its storage — a piece at a time through a buffer on
    /// the stack (`writeEscaped`), each piece one copy into `out`.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        withUTF8(of: text) { bytes in
            var start = 0
            while start < bytes.count {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * escapedPiece) { buffer in
                    guard let base = buffer.baseAddress else { return }
                    let piece = writeEscaped(bytes, from: start, to: min(bytes.count, start + escapedPiece), into: base)
                    out.append(contentsOf: UnsafeBufferPointer(start: base, count: piece.written))
                    start = piece.next
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes of text read per piece by `appendQuoted`: escaped, at most six times as many,
    /// which stay within what `withUnsafeTemporaryAllocation` always puts on the stack.
    static var escapedPiece: Int { 160 }

    /// Writes `text` as a JSON string (quoted, escaped as `appendQuoted` does) at `out`, which
    /// has room for six bytes per byte of `text` and two; returns how many bytes it wrote.
    static func writeQuoted(_ text: String, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out.initialize(to: UInt8(ascii: "\""))
        let written = withUTF8(of: text) { bytes in writeEscaped(bytes, from: 0, to: bytes.count, into: out + 1).written }
        (out + 1 + written).initialize(to: UInt8(ascii: "\""))
        return written + 2
    }

    /// `body` on the UTF-8 of `text`, read from its storage (copied first only when the string
    /// keeps none of its own, as a bridged one may).
    static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = text
        return contiguous.withUTF8(body)
    }

    private static var hexDigits: StaticString { "0123456789abcdef" }

    /// Writes `bytes[start..<end]` escaped at `out`, which has room for six bytes per byte read,
    /// and returns how many bytes it wrote and where reading stopped: `end`, or past it when the
    /// U+2028 or U+2029 that starts before `end` ends after it.
    ///
    /// Runs that need no escape are copied whole — most strings (names, file names, sentences)
    /// are one run — found eight bytes at a time (`ByteSearch`). A byte starts an escape when it
    /// is below U+0020, a quote, a backslash, or the `E2` of U+2028/U+2029; every other byte
    /// (Chinese included) is copied as it is.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                             into out: UnsafeMutablePointer<UInt8>) -> (written: Int, next: Int) {
        guard let source = bytes.baseAddress, start < end else { return (0, start) }
        let count = bytes.count
        var written = 0
        var run = start
        var i = start
        // Where the word that held a candidate ends: up to there, bytes are looked at one by one.
        var wordEnd = start
        func put(_ byte: UInt8) {
            (out + written).initialize(to: byte)
            written += 1
        }
        while i < end {
            // Eight bytes at a time past those that cannot start an escape.
            while i >= wordEnd && i + 8 <= end {
                let word = ByteSearch.word(bytes, at: i)
                let candidates = ByteSearch.hasBelow(word, 0x20) | ByteSearch.has(word, UInt8(ascii: "\""))
                    | ByteSearch.has(word, UInt8(ascii: "\\")) | ByteSearch.has(word, 0xE2)
                if candidates != 0 {
                    wordEnd = i + 8
                    break
                }
                i += 8
            }
            guard i < end else { break }
            let byte = bytes[i]
            if byte > UInt8(ascii: "\"") {
                guard byte == UInt8(ascii: "\\") || byte == 0xE2 else { i += 1; continue }
                if byte == 0xE2 {
                    guard i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                }
            } else if byte >= 0x20 && byte != UInt8(ascii: "\"") {
                i += 1
                continue
            }
            (out + written).initialize(from: source + run, count: i - run)
            written += i - run
            put(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
            case 0x0A: put(UInt8(ascii: "n"))
            case 0x0D: put(UInt8(ascii: "r"))
            case 0x09: put(UInt8(ascii: "t"))
            case 0xE2:
                put(UInt8(ascii: "u"))
                put(UInt8(ascii: "2"))
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "2"))
                put(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                i += 2
            default:
                put(UInt8(ascii: "u"))
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "0"))
                hexDigits.withUTF8Buffer { hex in
                    put(hex[Int(byte >> 4)])
                    put(hex[Int(byte & 0xF)])
                }
            }
            i += 1
            run = i
        }
        // The loop ends at `end`, or past it after an escape that did.
        if run < i {
            (out + written).initialize(from: source + run, count: i - run)
            written += i - run
        }
        return (written, i)
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
