import Testing
@testable import Rendering

/// Rows built field by field are the rows `CSVWriter.row` writes, and the writer's fast checks
/// (eight bytes at a time) agree with what they stand for.
@Suite struct CSVRowBuilderTests {
    static let writers = [
        CSVWriter.csv, .tsv, CSVWriter(separator: ";"), CSVWriter(lineEnding: "\r\n"), CSVWriter(separator: "1"),
        CSVWriter(separator: "-"), CSVWriter(separator: "，"), CSVWriter(separator: "\t", lineEnding: "\r\n"),
    ]

    static let pieces = ["a", "甲", "，", ",", ";", "\"", "\r", "\n", "\t", " ", "\u{3000}", "\u{A0}", "1", "-", "“",
                         "三公经费", "abcdefgh", "\u{301}", "😀", "3332.37"]

    @Test func fieldByFieldIsTheWritersRow() {
        var random = TestRandom(seed: 41)
        for round in 0..<3_000 {
            let writer = Self.writers[round % Self.writers.count]
            var builder = CSVRowBuilder(writer)
            var rows: [[String]] = []
            for _ in 0..<1 + random.below(3) {
                var fields: [String] = []
                for _ in 0..<random.below(6) {
                    switch random.below(4) {
                    case 0:
                        let value = random.below(3) == 0 ? nil : random.below(2_000_000) - 1_000_000
                        builder.field(value)
                        fields.append(value.map(String.init) ?? "")
                    default:
                        let text = random.text(from: Self.pieces, count: random.below(round % 7 == 0 ? 40 : 6))
                        builder.field(text)
                        fields.append(text)
                    }
                }
                builder.endRow()
                rows.append(fields)
            }
            #expect(String(decoding: builder.bytes, as: UTF8.self) == rows.map(writer.row).joined(), "\(rows)")
        }
    }

    /// Fields encoded once and reused at the start of every row give the same rows.
    @Test func encodedFieldsStandForTheirFields() {
        for writer in Self.writers {
            var shared = CSVRowBuilder(writer)
            shared.field("report.txt")
            shared.field(" 甲市,\"局\" ")
            shared.field(2024)
            var rows = CSVRowBuilder(writer)
            for metric in ["sangong_total", "a\tb"] {
                rows.encodedFields(shared.bytes)
                rows.field(metric)
                rows.endRow()
            }
            let expected = ["sangong_total", "a\tb"].map { writer.row(["report.txt", " 甲市,\"局\" ", "2024", $0]) }.joined()
            #expect(String(decoding: rows.bytes, as: UTF8.self) == expected)
        }
    }

    /// The quoting rule and the TSV cleaning as the writer's documentation states them, character by character.
    static func plainField(_ field: String, _ writer: CSVWriter) -> String {
        if writer.isTabSeparated { return writer.cleaned(field) }
        let special = field.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || field.unicodeScalars.contains { writer.separator.unicodeScalars.contains($0) }
        let edge = (field.first?.isWhitespace ?? false) || (field.last?.isWhitespace ?? false)
        guard special || edge else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    @Test func quotesAndCleaningAgreeWithTheirDefinitions() {
        var random = TestRandom(seed: 3)
        var fields = (0..<4_000).map { round in random.text(from: Self.pieces, count: random.below(round % 5 == 0 ? 60 : 12)) }
        // Each special byte at every offset of an eight-byte word, and the tail after the words.
        for special in ["\"", "\r", "\n", "\t", ",", ";", "\r\n"] {
            for offset in 0..<20 { fields.append(String(repeating: "x", count: offset) + special + "y") }
        }
        for writer in Self.writers {
            for field in fields {
                #expect(writer.row([field]) == Self.plainField(field, writer) + writer.lineEnding,
                        "\(writer.separator) \(field.unicodeScalars.map(\.value))")
            }
        }
    }
}
