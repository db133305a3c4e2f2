import Testing
@testable import Rendering

/// A document written piece by piece is the document rendered whole, byte for byte.
@Suite struct JSONStreamTests {
    /// Writes `value` through a stream, opening every container it holds (as comparison.json
    /// does for its arrays and tables) and writing scalars as values.
    static func streamed(_ value: JSONValue) -> String {
        var out = ""
        var json = JSONStream()
        func walk(_ value: JSONValue, key: String?) {
            switch value {
            case .object(let members):
                json.beginObject(key, to: &out)
                for (name, member) in members { walk(member, key: name) }
                json.end(to: &out)
            case .array(let elements):
                json.beginArray(key, to: &out)
                for element in elements { walk(element, key: nil) }
                json.end(to: &out)
            default:
                json.value(value, key: key, to: &out)
            }
        }
        walk(value, key: nil)
        return out
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
}
