/// Writes one pretty-printed JSON document piece by piece, byte for byte as
/// `JSONValue.rendered(pretty: true)` writes the whole document as one value.
///
/// Why: a comparison of 10,000 reports is a JSON document of tens of megabytes, and as one
/// `JSONValue` tree plus its text it would take several times that in memory. Written as a
/// sequence of containers and small values, only the value at hand is ever built — and the
/// scalars (`string`, `number`, `null`, `bool`) are written straight into UTF-8 without a
/// value at all: a `JSONValue` per member, built only to be rendered, cost more than its bytes.
///
/// ```
/// var json = JSONStream()
/// var out: [UInt8] = []
/// json.beginObject(to: &out)
/// json.string("甲市", key: "bureau", to: &out)
/// json.beginArray("entries", to: &out)
/// json.number("7.50", to: &out)
/// json.end(to: &out)
/// json.end(to: &out)            // {"bureau": "甲市", "entries": [7.50]} over five lines
/// ```
///
/// `key` names a member of the enclosing object; leave it nil for an array element or the
/// document itself. Each `begin…` needs its `end`. Every piece is written into a byte buffer
/// (`to: inout [UInt8]`) or, as text, into a `TextOutputStream`.
public struct JSONStream: Sendable {
    /// Per open container, outermost first: its closing bracket and whether an element has
    /// been written into it.
    private var open: [(close: UInt8, filled: Bool)] = []
    /// Spaces per nesting level, as `JSONValue.rendered(indent:)`.
    public let indent: Int
    /// The nesting level the stream's outermost value stands at, as `JSONValue.rendered(depth:)`:
    /// 0 for a whole document, 1 for an element of a top-level array rendered on its own.
    public let depth: Int

    public init(indent: Int = 2, depth: Int = 0) {
        self.indent = max(0, indent)
        self.depth = max(0, depth)
    }

    /// Opens an object (`{`), as member `key` or as an element.
    public mutating func beginObject(_ key: String? = nil, to out: inout [UInt8]) {
        write(key, UInt8(ascii: "{"), to: &out)
        open.append((UInt8(ascii: "}"), false))
    }

    /// Opens an array (`[`), as member `key` or as an element.
    public mutating func beginArray(_ key: String? = nil, to out: inout [UInt8]) {
        write(key, UInt8(ascii: "["), to: &out)
        open.append((UInt8(ascii: "]"), false))
    }

    /// Closes the innermost open container: `}` or `]` on a line of its own, or right after
    /// the opening bracket when it stayed empty (`{}`, `[]`).
    public mutating func end(to out: inout [UInt8]) {
        guard let container = open.popLast() else { return }
        guard container.filled else { return out.append(container.close) }
        let width = indent * (depth + open.count)
        assemble(capacity: width + 2, to: &out) { base in
            base.initialize(to: 0x0A)
            (base + 1).initialize(repeating: UInt8(ascii: " "), count: width)
            (base + 1 + width).initialize(to: container.close)
            return width + 2
        }
    }

    /// Writes a whole value, as member `key` or as an element.
    public mutating func value(_ value: JSONValue, key: String? = nil, to out: inout [UInt8]) {
        element(key, to: &out)
        value.render(pretty: true, indent: indent, depth: depth + open.count, into: &out)
    }

    /// Writes `.string(text)`, or `.null` when `text` is nil.
    public mutating func string(_ text: String?, key: String? = nil, to out: inout [UInt8]) {
        guard let text else { return write(key, "null", to: &out) }
        let room = 6 * text.utf8.count + 2
        if room <= Self.valueRoom {
            write(key, room: room, to: &out) { JSONValue.writeQuoted(text, to: $0) }
        } else {
            element(key, to: &out)
            JSONValue.appendQuoted(text, to: &out)
        }
    }

    /// Writes `.number(text)`: the decimal text as it is, or quoted when it is not a JSON number.
    public mutating func number(_ text: String, key: String? = nil, to out: inout [UInt8]) {
        guard JSONValue.isJSONNumber(text) else { return string(text, key: key, to: &out) }
        write(key, text, to: &out)
    }

    /// Writes `.number(String(value))`, or `.null` when `value` is nil.
    public mutating func number(_ value: Int?, key: String? = nil, to out: inout [UInt8]) {
        guard let value else { return write(key, "null", to: &out) }
        write(key, room: DecimalText.maxLength, to: &out) { DecimalText.write(value, to: $0) }
    }

    /// Writes `.bool(flag)`.
    public mutating func bool(_ flag: Bool, key: String? = nil, to out: inout [UInt8]) {
        write(key, flag ? "true" : "false", to: &out)
    }

    /// Writes `.null`.
    public mutating func null(key: String? = nil, to out: inout [UInt8]) {
        write(key, "null", to: &out)
    }

    /// Writes what comes before a value — the comma, line break, indentation and key — for a
    /// value the caller writes next, rendered already: it must be what this stream would write
    /// for it at `depth` plus the number of open containers, so that a value can be rendered on
    /// another thread (`JSONStream(depth:)`) and placed here in order.
    public mutating func element(_ key: String? = nil, to out: inout [UInt8]) {
        write(key, room: 0, to: &out) { _ in 0 }
    }

    /// The most bytes a value is given beside its key in one piece on the stack; a longer string
    /// is written after it (`JSONValue.appendQuoted`).
    private static var valueRoom: Int { 512 }

    /// `element(key)` then `byte`.
    private mutating func write(_ key: String?, _ byte: UInt8, to out: inout [UInt8]) {
        write(key, room: 1, to: &out) { base in
            base.initialize(to: byte)
            return 1
        }
    }

    /// `element(key)` then `text` as it is (a number or a literal, ASCII without escapes).
    private mutating func write(_ key: String?, _ text: String, to out: inout [UInt8]) {
        let count = text.utf8.count
        guard count <= Self.valueRoom else {
            element(key, to: &out)
            return out += text.utf8
        }
        write(key, room: count, to: &out) { base in
            JSONValue.withUTF8(of: text) { bytes in
                if let start = bytes.baseAddress { base.initialize(from: start, count: bytes.count) }
            }
            return count
        }
    }

    /// What goes before a value and the value itself, assembled on the stack and copied into
    /// `out` in one piece: appending the comma, the line break, the indentation, the key's quotes
    /// and the value one by one cost several times the bytes. `body` writes the value into room
    /// for `room` bytes and returns how many it wrote.
    ///
    /// The separator, line break, indentation and key come only inside a container; at the top
    /// level a value stands alone.
    private mutating func write(_ key: String?, room: Int, to out: inout [UInt8],
                                _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        guard let last = open.indices.last else {
            return assemble(capacity: room, to: &out, body)
        }
        let comma = open[last].filled
        open[last].filled = true
        let width = indent * (depth + open.count)
        let keyRoom = key.map { 6 * $0.utf8.count + 4 } ?? 0
        assemble(capacity: 2 + width + keyRoom + room, to: &out) { base in
            var count = 0
            if comma {
                base.initialize(to: UInt8(ascii: ","))
                count = 1
            }
            (base + count).initialize(to: 0x0A)
            (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: width)
            count += 1 + width
            if let key {
                count += JSONValue.writeQuoted(key, to: base + count)
                (base + count).initialize(to: UInt8(ascii: ":"))
                (base + count + 1).initialize(to: UInt8(ascii: " "))
                count += 2
            }
            return count + body(base + count)
        }
    }

    /// `body` writing into `capacity` bytes on the stack (on the heap when they are too many), then
    /// what it wrote — the count it returns — appended to `out`.
    private func assemble(capacity: Int, to out: inout [UInt8], _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, capacity)) { buffer in
            guard let base = buffer.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: body(base)))
        }
    }
}

extension JSONStream {
    /// `beginObject` written as text.
    public mutating func beginObject(_ key: String? = nil, to out: inout some TextOutputStream) {
        var bytes: [UInt8] = []
        beginObject(key, to: &bytes)
        out.write(String(decoding: bytes, as: UTF8.self))
    }

    /// `beginArray` written as text.
    public mutating func beginArray(_ key: String? = nil, to out: inout some TextOutputStream) {
        var bytes: [UInt8] = []
        beginArray(key, to: &bytes)
        out.write(String(decoding: bytes, as: UTF8.self))
    }

    /// `value` written as text.
    public mutating func value(_ value: JSONValue, key: String? = nil, to out: inout some TextOutputStream) {
        var bytes: [UInt8] = []
        self.value(value, key: key, to: &bytes)
        out.write(String(decoding: bytes, as: UTF8.self))
    }

    /// `end` written as text.
    public mutating func end(to out: inout some TextOutputStream) {
        var bytes: [UInt8] = []
        end(to: &bytes)
        out.write(String(decoding: bytes, as: UTF8.self))
    }
}
