/// Writes one pretty-printed JSON document piece by piece, byte for byte as
/// `JSONValue.rendered(pretty: true)` writes the whole document as one value.
///
/// Why: a comparison of 10,000 reports is a JSON document of tens of megabytes, and as one
/// `JSONValue` tree plus its text it would take several times that in memory. Written as a
/// sequence of containers and small values, only the value at hand is ever built.
///
/// ```
/// var json = JSONStream()
/// json.beginObject(to: &out)
/// json.value(.string("甲市"), key: "bureau", to: &out)
/// json.beginArray("entries", to: &out)
/// json.value(.number("7.50"), to: &out)
/// json.end(to: &out)
/// json.end(to: &out)            // {"bureau": "甲市", "entries": [7.50]} over five lines
/// ```
///
/// `key` names a member of the enclosing object; leave it nil for an array element or the
/// document itself. Each `begin…` needs its `end`.
public struct JSONStream: Sendable {
    /// Per open container, outermost first: its closing bracket and whether an element has
    /// been written into it.
    private var open: [(close: String, filled: Bool)] = []
    /// Spaces per nesting level, as `JSONValue.rendered(indent:)`.
    public let indent: Int

    public init(indent: Int = 2) {
        self.indent = max(0, indent)
    }

    /// Opens an object (`{`), as member `key` or as an element.
    public mutating func beginObject(_ key: String? = nil, to out: inout some TextOutputStream) {
        element(key, to: &out)
        out.write("{")
        open.append(("}", false))
    }

    /// Opens an array (`[`), as member `key` or as an element.
    public mutating func beginArray(_ key: String? = nil, to out: inout some TextOutputStream) {
        element(key, to: &out)
        out.write("[")
        open.append(("]", false))
    }

    /// Writes a whole value, as member `key` or as an element.
    public mutating func value(_ value: JSONValue, key: String? = nil, to out: inout some TextOutputStream) {
        rendered(value.rendered(pretty: true, indent: indent, depth: open.count), key: key, to: &out)
    }

    /// Writes a value rendered already, as member `key` or as an element: `text` must be
    /// `value.rendered(pretty: true, indent: indent, depth: d)` with `d` the number of open
    /// containers, so that a value can be rendered on another thread and placed here in order.
    public mutating func rendered(_ text: String, key: String? = nil, to out: inout some TextOutputStream) {
        element(key, to: &out)
        out.write(text)
    }

    /// Closes the innermost open container: `}` or `]` on a line of its own, or right after
    /// the opening bracket when it stayed empty (`{}`, `[]`).
    public mutating func end(to out: inout some TextOutputStream) {
        guard let container = open.popLast() else { return }
        out.write(container.filled ? breakLine(open.count) + container.close : container.close)
    }

    /// The separator, line break, indentation and key before an element.
    private mutating func element(_ key: String?, to out: inout some TextOutputStream) {
        guard let last = open.indices.last else { return }
        var text = open[last].filled ? "," : ""
        open[last].filled = true
        text += breakLine(open.count)
        if let key {
            JSONValue.appendQuoted(key, to: &text)
            text += ": "
        }
        out.write(text)
    }

    private func breakLine(_ depth: Int) -> String {
        "\n" + String(repeating: " ", count: indent * depth)
    }
}
