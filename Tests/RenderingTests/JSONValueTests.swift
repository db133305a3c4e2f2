import Foundation
import Testing
@testable import Rendering

@Suite struct JSONValueTests {
    static let report: JSONValue = .object([
        ("单位", .string("包头市财政局")),
        ("支出合计", .number("3332.37")),
        ("上年", .number("100.00")),
        ("说明", .string("关于\"三公\"经费\\说明\n第二行\t\r\u{1}\u{1F}")),
        ("已公开", .bool(true)),
        ("比率", .null),
        ("明细", .array([.number("-5252.65"), .number("1e3"), .array([]), .object([])])),
    ])

    @Test func compactOutputKeepsKeyOrderAndExactNumbers() {
        let text = Self.report.rendered(pretty: false)
        #expect(text == #"{"单位":"包头市财政局","支出合计":3332.37,"上年":100.00,"说明":"关于\"三公\"经费\\说明\n第二行\t\r\u0001\u001f","已公开":true,"比率":null,"明细":[-5252.65,1e3,[],{}]}"#)
    }

    @Test func prettyOutputIndentsTwoSpaces() {
        let value: JSONValue = .object([("b", .array([.number("1"), .object([("a", .null)])])), ("a", .object([])), ("c", .array([]))])
        #expect(value.rendered() == """
            {
              "b": [
                1,
                {
                  "a": null
                }
              ],
              "a": {},
              "c": []
            }
            """)
        #expect(value.rendered(indent: 4).contains("\n    \"b\": [\n        1,"))
        #expect(JSONValue.array([]).rendered() == "[]")
        #expect(JSONValue.object([]).rendered() == "{}")
        #expect(JSONValue.string("包头").rendered() == "\"包头\"")
    }

    @Test func controlCharactersAndQuotesAreEscaped() {
        #expect(JSONValue.string("a\"b\\c").rendered() == #""a\"b\\c""#)
        #expect(JSONValue.string("\n\r\t").rendered() == #""\n\r\t""#)
        #expect(JSONValue.string("\u{0}\u{8}\u{C}\u{1B}").rendered() == #""\u0000\u0008\u000c\u001b""#)
        #expect(JSONValue.string("x\r\ny").rendered() == #""x\r\ny""#)
        #expect(JSONValue.string("\u{2028}").rendered() == #""\u2028""#)
        // Chinese and emoji stay as UTF-8.
        #expect(JSONValue.string("“三公”😀").rendered() == "\"“三公”😀\"")
    }

    /// Escaping works on UTF-8 bytes; every string made of these pieces (the escapes, their
    /// neighbours in UTF-8 such as U+2027 and U+202A, multi-byte text) reads back unchanged.
    @Test func everyEscapeReadsBackUnchanged() throws {
        let pieces = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}",
                      "\u{202A}", "\u{E000}", "甲", "😀", "a", "/", "\r\n"]
        for a in pieces {
            for b in pieces {
                let text = a + "x" + b + a
                let rendered = JSONValue.array([.string(text)]).rendered(pretty: false)
                let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
                #expect(parsed == [text], "\(text.unicodeScalars.map(\.value))")
                #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
            }
        }
    }

    @Test func invalidNumberTextFallsBackToString() {
        for bad in ["3,332.37", "NaN", "", "+1", "01", ".5", "1.", "1e", "--1", "0x10", " 1", "Infinity", "１２"] {
            #expect(JSONValue.number(bad).rendered() == JSONValue.string(bad).rendered(), "\(bad)")
        }
        for good in ["0", "-0", "3332.37", "-5252.65", "100.00", "1e3", "1E-7", "2.5e+10", "0.5"] {
            #expect(JSONValue.number(good).rendered() == good)
        }
    }

    @Test func equalityIsStructuralAndOrdered() {
        #expect(Self.report == Self.report)
        #expect(JSONValue.object([("a", .null), ("b", .null)]) != .object([("b", .null), ("a", .null)]))
        #expect(JSONValue.number("1.0") != .number("1"))
        #expect(JSONValue.number("1") != .string("1"))
        #expect(JSONValue.array([.bool(true)]) != .array([.bool(true), .null]))
        #expect(JSONValue.array([.object([("k", .number("2"))])]) == .array([.object([("k", .number("2"))])]))
        #expect(JSONValue.array([.object([("k", .number("2"))])]) != .array([.object([("k", .number("3"))])]))
    }

    @Test func renderedJSONParsesWithFoundation() throws {
        let values: [JSONValue] = [
            Self.report,
            .array((0..<32).map { .string(String(UnicodeScalar(UInt8($0)))) }),
            .object([("bad", .number("3,332.37")), ("", .string(""))]),
        ]
        for value in values {
            for pretty in [true, false] {
                let data = Data(value.rendered(pretty: pretty).utf8)
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            }
        }
        let data = Data(Self.report.rendered().utf8)
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(parsed["单位"] as? String == "包头市财政局")
        #expect(parsed["说明"] as? String == "关于\"三公\"经费\\说明\n第二行\t\r\u{1}\u{1F}")
        #expect((parsed["支出合计"] as? NSNumber)?.stringValue == "3332.37")
        #expect(parsed["已公开"] as? Bool == true)
        #expect(parsed["比率"] is NSNull)
        #expect((parsed["明细"] as? [Any])?.count == 4)
        let controls = try JSONSerialization.jsonObject(with: Data(values[1].rendered().utf8)) as? [String]
        #expect(controls == (0..<32).map { String(UnicodeScalar(UInt8($0))) })
    }

    @Test func deepNestingDoesNotOverflowTheStackWhileRendering() {
        var value = JSONValue.null
        for _ in 0..<2_000 { value = .array([value]) }
        let text = value.rendered(pretty: false)
        #expect(text.count == 2_000 * 2 + 4)
        #expect(value == value)
    }

    /// The escaping as JSONValue defines it, scalar by scalar.
    static func plainQuoted(_ text: String) -> String {
        let named: [Unicode.Scalar: String] = [
            "\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\r": #"\r"#, "\t": #"\t"#, "\u{2028}": #"\u2028"#, "\u{2029}": #"\u2029"#,
        ]
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escape = named[scalar] {
                out += escape
            } else if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += #"\u00"# + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The escaping read eight bytes at a time and a piece at a time agrees with its definition on
    /// generated strings: every escape at every offset of a word, and U+2028 across the pieces.
    @Test func escapingAgreesWithItsDefinition() {
        var random = TestRandom(seed: 99)
        var texts = (0..<3_000).map { round in
            random.text(from: JSONStreamTests.pieces, count: random.below(round % 10 == 0 ? 400 : 30))
        }
        for piece in ["\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "“"] {
            for offset in 0..<20 { texts.append(String(repeating: "a", count: offset) + piece + "b") }
            for offset in 150..<170 { texts.append(String(repeating: "x", count: offset) + piece + String(repeating: "y", count: offset)) }
        }
        for text in texts {
            let expected = Self.plainQuoted(text)
            #expect(JSONValue.string(text).rendered() == expected, "\(text.unicodeScalars.map(\.value))")
            // The stream writes a short string beside its key and a long one after it.
            var out: [UInt8] = []
            var json = JSONStream()
            json.beginObject(to: &out)
            json.string(text, key: text, to: &out)
            json.end(to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "{\n  " + expected + ": " + expected + "\n}")
        }
    }
}

