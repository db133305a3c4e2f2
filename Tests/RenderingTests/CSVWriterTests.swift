import Testing
@testable import Rendering

@Suite struct CSVWriterTests {
    @Test func plainFieldsAreNotQuoted() {
        #expect(CSVWriter.csv.row(["包头市", "3332.37", "abc"]) == "包头市,3332.37,abc\n")
    }

    @Test func separatorQuoteAndBreaksAreQuoted() {
        let csv = CSVWriter.csv
        #expect(csv.row(["3,332.37"]) == "\"3,332.37\"\n")
        #expect(csv.row(["关于\"三公\"经费"]) == "\"关于\"\"三公\"\"经费\"\n")
        #expect(csv.row(["第一行\n第二行"]) == "\"第一行\n第二行\"\n")
        #expect(csv.row(["a\r\nb"]) == "\"a\r\nb\"\n")
        #expect(csv.row(["a\rb"]) == "\"a\rb\"\n")
    }

    @Test func edgeWhiteSpaceIsQuoted() {
        let csv = CSVWriter.csv
        #expect(csv.row([" 包头市", "包头市 ", "包 头"]) == "\" 包头市\",\"包头市 \",包 头\n")
    }

    /// The shortcut for the last character agrees with `Character.isWhitespace` on fields
    /// whose last cluster is more than one scalar: a space with a combining mark, a prepended
    /// mark before a space, CR LF, an ideographic space, and every pair of a set of endings.
    @Test func edgeSpaceShortcutAgreesWithCharacters() {
        let pieces = ["a", "甲", "，", "。", "Ａ", " ", "\u{3000}", "\u{301}", "\u{600}", "\r", "\n", "\u{302A}",
                      "\u{FF9E}", "…", "\u{200D}", "\u{1F600}", "\u{A0}", "\u{1100}", "\u{1161}", "9"]
        var fields = [""]
        for x in pieces { for y in pieces { for z in ["", "甲"] { fields.append(z + x + y) } } }
        for field in fields {
            let expected = (field.first?.isWhitespace ?? false) || (field.last?.isWhitespace ?? false)
            #expect(CSVWriter.hasEdgeSpace(field) == expected, "\(field.unicodeScalars.map(\.value))")
        }
    }

    /// Fields of 0 … 80 bytes (the sixteen-byte steps, their overlapping last step, and the
    /// eight-byte words below them) quoted exactly when the plain rule says: a separator, quote,
    /// CR or LF anywhere, or white space at either end.
    @Test func quotingAgreesWithThePlainRuleOnRandomFields() {
        var state: UInt64 = 0x5EED_C5B1
        func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let plain = ["甲", "a", "。", "9", "Ａ", "…"]
        let special = [",", "|", "\"", "\r", "\n", " ", "\t"]
        for writer in [CSVWriter.csv, CSVWriter(separator: "|")] {
            for _ in 0..<3_000 {
                var field = ""
                let target = below(81)
                while field.utf8.count < target {
                    field += below(12) == 0 ? special[below(special.count)] : plain[below(plain.count)]
                }
                let marks: Set<Unicode.Scalar> = [writer.separator.unicodeScalars.first!, "\"", "\r", "\n"]
                let needs = field.unicodeScalars.contains(where: marks.contains)
                    || (field.first?.isWhitespace ?? false) || (field.last?.isWhitespace ?? false)
                let expected = needs ? "\"" + field.replacing("\"", with: "\"\"") + "\"" : field
                #expect(writer.row([field]) == expected + "\n", "\(field.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func emptyFieldsAndRows() {
        #expect(CSVWriter.csv.row(["", "", ""]) == ",,\n")
        #expect(CSVWriter.csv.row([]) == "\n")
    }

    @Test func documentWritesHeaderThenRowsWithChosenLineEnding() {
        let writer = CSVWriter(lineEnding: "\r\n")
        let text = writer.document(header: ["单位", "金额（万元）"], rows: [["包头市", "3,332.37"], ["Ordos", "146"]])
        #expect(text == "单位,金额（万元）\r\n包头市,\"3,332.37\"\r\nOrdos,146\r\n")
        #expect(CSVWriter.csv.document(header: [], rows: [["a"]]) == "a\n")
    }

    @Test func otherSeparatorsQuoteTheirOwnSeparator() {
        let semicolon = CSVWriter(separator: ";")
        #expect(semicolon.row(["a;b", "c,d"]) == "\"a;b\";c,d\n")
    }

    @Test func tsvReplacesTabsAndBreaksWithASpace() {
        let tsv = CSVWriter.tsv
        #expect(tsv.row(["包头市", "3332.37"]) == "包头市\t3332.37\n")
        #expect(tsv.row(["a\tb", "第一行\r\n第二行", "x\ny\rz"]) == "a b\t第一行 第二行\tx y z\n")
        // TSV never quotes: quotes and commas pass through.
        #expect(tsv.row(["关于\"三公\",经费", " 前后 "]) == "关于\"三公\",经费\t 前后 \n")
    }

    @Test func byteOrderMarkIsLeftToTheCaller() {
        #expect(CSVWriter.utf8BOM.unicodeScalars.map(\.value) == [0xFEFF])
        #expect(!CSVWriter.csv.document(header: ["单位"], rows: []).hasPrefix(CSVWriter.utf8BOM))
    }

    /// Reads back what the writer wrote, per RFC 4180, to check the round trip.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if inQuotes {
                if s == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(s)
                }
            } else if s == "\"" {
                inQuotes = true
            } else if s == "," {
                record.append(field); field = ""
            } else if s == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(s)
            }
        }
        return records
    }

    @Test func csvRoundTrips() {
        let rows = [["单位", "说明"], ["包头市", "关于\"三公\",经费\r\n第二行"], [" 前 ", ""], ["a|b", "“引号”"]]
        let text = CSVWriter.csv.document(header: rows[0], rows: Array(rows.dropFirst()))
        #expect(Self.parse(text) == rows)
    }
}
