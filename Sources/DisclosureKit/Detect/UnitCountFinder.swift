/// Finds how many budget units a report's figures cover, from the template's sentence on
/// the report's scope:
///
/// - `纳入本部门（单位）决算编制范围的预算单位共计 1 家` → 1
/// - `纳入本部门**2024**年部门汇总预算编制范围的预算单位共**4**家` → 4
///
/// Why: a department's consolidated budget and its own unit's final accounts cover different
/// units, so a budget-against-final comparison needs to say so (`4 家` against `1 家`).
/// Read with the rest of the metadata (`ReportMetadata.unitCount`). Only the sentence about the *compilation scope* counts (`编制范围` before
/// `单位共`): `本部门包括…本级及下设独立预算单位共有 3 家` describes the organisation, not
/// the units whose figures the report adds up, and is ignored.
///
/// Pure and total: any text gives a number or nil; never traps.
public enum UnitCountFinder {
    /// How far before `单位共` the words `编制范围` may stand (in characters, within one sentence).
    static let scopeWindow = 60

    /// The unit count the text states, or nil when it states none.
    public static func unitCount(in text: String) -> Int? {
        let characters = Array(text)
        let anchor: [Character] = ["单", "位", "共"]
        var index = 0
        while index + anchor.count <= characters.count {
            defer { index += 1 }
            guard characters[index] == anchor[0], Array(characters[index..<(index + anchor.count)]) == anchor else { continue }
            guard namesCompilationScope(characters, before: index) else { continue }
            if let count = count(characters, from: index + anchor.count) { return count }
        }
        return nil
    }

    /// Whether `编制范围` stands in the same sentence, shortly before `position`.
    static func namesCompilationScope(_ characters: [Character], before position: Int) -> Bool {
        let start = max(0, position - scopeWindow)
        var window = Array(characters[start..<position])
        if let stop = window.lastIndex(where: { $0 == "。" || $0 == "；" }) {
            window = Array(window[(stop + 1)...])
        }
        let words: [Character] = ["编", "制", "范", "围"]
        guard window.count >= words.count else { return false }
        for offset in 0...(window.count - words.count) where Array(window[offset..<(offset + words.count)]) == words {
            return true
        }
        return false
    }

    /// Reads `计 1 家`, `有**4**家`, `计１家`, `共三家` after the anchor: an optional 计/有, then a
    /// number (ASCII, full-width or Chinese numerals up to 99) and 家 or 个, with spaces,
    /// line breaks and markdown `*` allowed in between.
    static func count(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        func skipFiller() {
            while index < characters.count, characters[index].isWhitespace || characters[index] == "*" { index += 1 }
        }
        skipFiller()
        if index < characters.count, characters[index] == "计" || characters[index] == "有" { index += 1 }
        skipFiller()
        var digits = ""
        while index < characters.count, digits.count < 6, let digit = digitValue(characters[index]) {
            digits.append(digit)
            index += 1
        }
        var value: Int?
        if !digits.isEmpty {
            value = Int(digits)
        } else {
            var numerals: [Character] = []
            while index < characters.count, numerals.count < 3, chineseNumerals[characters[index]] != nil {
                numerals.append(characters[index])
                index += 1
            }
            value = chineseNumber(numerals)
        }
        skipFiller()
        guard let value, index < characters.count, characters[index] == "家" || characters[index] == "个" else { return nil }
        return value
    }

    /// `7` or `７` → "7"; anything else nil.
    static func digitValue(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
        default: return nil
        }
    }

    static let chineseNumerals: [Character: Int] = [
        "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// `三` 3, `十二` 12, `二十` 20, `二十三` 23; nil for anything else.
    static func chineseNumber(_ numerals: [Character]) -> Int? {
        let values = numerals.compactMap { chineseNumerals[$0] }
        guard values.count == numerals.count, !values.isEmpty else { return nil }
        switch values.count {
        case 1:
            return values[0]
        case 2 where values[0] == 10 && values[1] < 10:
            return 10 + values[1]
        case 2 where values[0] < 10 && values[1] == 10:
            return values[0] * 10
        case 3 where values[0] < 10 && values[1] == 10 && values[2] < 10:
            return values[0] * 10 + values[2]
        default:
            return nil
        }
    }
}
