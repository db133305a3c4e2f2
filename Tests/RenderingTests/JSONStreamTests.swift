import Testing
@testable import Rendering

/// A document written piece by piece is the document rendered whole, byte for byte.
@Suite struct JSONStreamTests {
    /// Writes `value` through a stream, opening every container it holds (as comparison.json
    /// does for its arrays and tables) and writing scalars as values.
    static func streamed(_ value: JSONValue) -> String {
        var out = ""
        var json = JSONStream()
        walk(value, open: { isObject, key in
            if isObject { json.beginObject(key, to: &out) } else { json.beginArray(key, to: &out) }
        }, close: { json.end(to: &out) }, scalar: { value, key in json.value(value, key: key, to: &out) })
        return out
    }

    /// Calls `open` for each container of `value` (true for an object) with its key, `close` after
    /// its members, and `scalar` for every other value with its key, in document order.
    static func walk(_ value: JSONValue, key: String? = nil, open: (Bool, String?) -> Void, close: () -> Void,
                     scalar: (JSONValue, String?) -> Void) {
        switch value {
        case .object(let members):
            open(true, key)
            for (name, member) in members { walk(member, key: name, open: open, close: close, scalar: scalar) }
            close()
        case .array(let elements):
            open(false, key)
            for element in elements { walk(element, open: open, close: close, scalar: scalar) }
            close()
        default:
            scalar(value, key)
        }
    }

    static let document: JSONValue = .object([
        ("selection", .object([("year", .null), ("metrics", .array([.string("sangong_total")]))])),
        ("reports", .array([
            .object([("bureau", .string("甲市\"局\"\n")), ("figures", .object([("a", .number("7.50")), ("b", .null)]))]),
            .object([]),
        ])),
        ("empty", .array([])),
        ("nested", .array([.array([.array([.number("1"), .bool(false)])])])),
        ("warnings", .array([.string("x")])),
    ])

    @Test func streamedContainersEqualTheWholeRendering() {
        #expect(Self.streamed(Self.document) == Self.document.rendered())
        #expect(Self.streamed(.array([])) == "[]")
        #expect(Self.streamed(.object([])) == "{}")
    }

    @Test func wholeValuesAtDepthEqualTheWholeRendering() {
        // Only the top level opened: every member is rendered as one value at depth 1.
        var out = ""
        var json = JSONStream()
        json.beginObject(to: &out)
        if case .object(let members) = Self.document {
            for (key, value) in members { json.value(value, key: key, to: &out) }
        }
        json.end(to: &out)
        #expect(out == Self.document.rendered())
    }

    /// Writes `value` into bytes through a stream at `depth`: containers opened and closed,
    /// scalars through `string`, `number`, `bool` and `null` — never as a `JSONValue` — the way
    /// extract's and compare's JSON is written. `variant` picks among the ways of writing a null
    /// and an integer.
    static func streamedBytes(_ value: JSONValue, indent: Int = 2, depth: Int = 0, variant: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        var json = JSONStream(indent: indent, depth: depth)
        var count = variant
        walk(value, open: { isObject, key in
            if isObject { json.beginObject(key, to: &out) } else { json.beginArray(key, to: &out) }
        }, close: { json.end(to: &out) }, scalar: { value, key in
            count += 1
            switch value {
            case .string(let text):
                json.string(text, key: key, to: &out)
            case .number(let text):
                if let integer = Int(text), String(integer) == text, count % 2 == 0 {
                    json.number(integer, key: key, to: &out)
                } else {
                    json.number(text, key: key, to: &out)
                }
            case .bool(let flag):
                json.bool(flag, key: key, to: &out)
            default:
                switch count % 3 {
                case 0: json.null(key: key, to: &out)
                case 1: json.string(nil, key: key, to: &out)
                default: json.number(nil as Int?, key: key, to: &out)
                }
            }
        })
        return out
    }

    /// Strings for keys and values: escapes, their UTF-8 neighbours, Chinese, and runs long
    /// enough to cross eight-byte words and the pieces strings are escaped in.
    static let pieces = ["a", "甲", "“", "”", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\"", "\\", "\n", "\r",
                         "\t", "\u{0}", "\u{1F}", "\u{7F}", "😀", "abcdefgh", "一二三四五六七八", " ", "3332.37"]

    /// A random document: nested objects and arrays of strings, numbers, booleans and nulls.
    static func document(_ random: inout TestRandom, depth: Int = 0) -> JSONValue {
        switch random.below(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .string(random.text(from: pieces, count: random.below(random.below(4) == 0 ? 300 : 12)))
        case 3:
            let numbers = ["0", "-0", "7.50", "2024", "-17", "1e3", "3,332.37", "", "01", String(Int.min), "NaN"]
            return .number(numbers[random.below(numbers.count)])
        case 4: return .number(String(random.below(100_000) - 50_000))
        case 5: return .array((0..<random.below(5)).map { _ in document(&random, depth: depth + 1) })
        default:
            return .object((0..<random.below(5)).map { _ in
                (random.text(from: pieces, count: random.below(6)), document(&random, depth: depth + 1))
            })
        }
    }

    @Test func scalarsWrittenAsBytesEqualTheWholeRendering() {
        var random = TestRandom(seed: 2026)
        for round in 0..<1_500 {
            let value = Self.document(&random)
            let indent = [2, 0, 4][round % 3]
            let depth = [0, 1, 3][round % 3]
            let expected = Array(value.rendered(pretty: true, indent: indent, depth: depth).utf8)
            #expect(Self.streamedBytes(value, indent: indent, depth: depth, variant: round) == expected,
                    "\(value.rendered(pretty: false))")
        }
    }

    /// A value rendered on its own at depth 1 and placed after `element` is the value written in place.
    @Test func valuesRenderedElsewhereArePlacedByElement() {
        var random = TestRandom(seed: 5)
        let values = (0..<40).map { _ in Self.document(&random) }
        var out: [UInt8] = []
        var json = JSONStream()
        json.beginArray(to: &out)
        for value in values {
            json.element(to: &out)
            out += Self.streamedBytes(value, depth: 1)
        }
        json.end(to: &out)
        #expect(out == Array(JSONValue.array(values).rendered().utf8))
    }
}

