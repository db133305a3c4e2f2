/// How many terminal columns text takes: `甲市` takes 6, `abc` 3, `“三公”` 6.
///
/// Why: `String.count` counts graphemes, but a terminal draws a Chinese character, a fullwidth
/// digit (`１`) or an emoji two columns wide and a combining accent zero columns wide, so a
/// table padded by `count` has its right-aligned numbers drift after every Chinese name.
/// This follows Unicode's East Asian Width property (UAX #11) closely enough for terminals:
/// Wide and Fullwidth code points take 2, combining marks, format and control characters 0,
/// everything else 1 — including the ambiguous-width characters (curly quotes `“ ”`, `…`, `─`),
/// which terminals outside CJK locales draw one column wide.
public enum EastAsianWidth {
    /// One row of the table: the inclusive scalar range `low...high` takes `width` columns.
    struct WidthRange: Sendable {
        let low: UInt32
        let high: UInt32
        let width: Int

        init(_ low: UInt32, _ high: UInt32, _ width: Int) {
            self.low = low
            self.high = high
            self.width = width
        }
    }

    /// Every range whose width is not 1, sorted and disjoint, so that a binary search finds
    /// the one holding a scalar; a scalar in no range is one column wide.
    static let ranges: [WidthRange] = [
        WidthRange(0x0000, 0x001F, 0),    // C0 controls
        WidthRange(0x007F, 0x009F, 0),    // DEL and C1 controls
        WidthRange(0x00AD, 0x00AD, 0),    // soft hyphen
        WidthRange(0x0300, 0x036F, 0),    // combining diacritical marks
        WidthRange(0x0483, 0x0489, 0),    // Cyrillic combining marks
        WidthRange(0x0591, 0x05BD, 0),    // Hebrew points
        WidthRange(0x0610, 0x061A, 0),    // Arabic marks
        WidthRange(0x064B, 0x065F, 0),    // Arabic harakat
        WidthRange(0x1100, 0x115F, 2),    // Hangul Jamo leading consonants
        WidthRange(0x1160, 0x11FF, 0),    // Hangul Jamo vowels and finals (join the syllable)
        WidthRange(0x1AB0, 0x1AFF, 0),    // combining diacritical marks extended
        WidthRange(0x1DC0, 0x1DFF, 0),    // combining diacritical marks supplement
        WidthRange(0x200B, 0x200F, 0),    // zero-width space, joiners, direction marks
        WidthRange(0x2028, 0x202E, 0),    // line and paragraph separators, bidi embedding
        WidthRange(0x2060, 0x2064, 0),    // word joiner, invisible operators
        WidthRange(0x2066, 0x206F, 0),    // bidi isolates, deprecated format characters
        WidthRange(0x20D0, 0x20FF, 0),    // combining marks for symbols
        WidthRange(0x231A, 0x231B, 2),    // ⌚ ⌛
        WidthRange(0x2329, 0x232A, 2),    // 〈 〉
        WidthRange(0x23E9, 0x23EC, 2),    // ⏩ … ⏬
        WidthRange(0x23F0, 0x23F0, 2),    // ⏰
        WidthRange(0x23F3, 0x23F3, 2),    // ⏳
        WidthRange(0x25FD, 0x25FE, 2),    // ◽ ◾
        WidthRange(0x2614, 0x2615, 2),    // ☔ ☕
        WidthRange(0x2648, 0x2653, 2),    // zodiac signs
        WidthRange(0x267F, 0x267F, 2),    // ♿
        WidthRange(0x2693, 0x2693, 2),    // ⚓
        WidthRange(0x26A1, 0x26A1, 2),    // ⚡
        WidthRange(0x26AA, 0x26AB, 2),    // ⚪ ⚫
        WidthRange(0x26BD, 0x26BE, 2),    // ⚽ ⚾
        WidthRange(0x26C4, 0x26C5, 2),    // ⛄ ⛅
        WidthRange(0x26D4, 0x26D4, 2),    // ⛔
        WidthRange(0x26EA, 0x26EA, 2),    // ⛪
        WidthRange(0x26F2, 0x26F5, 2),    // ⛲ ⛳ ⛴ ⛵
        WidthRange(0x26FA, 0x26FA, 2),    // ⛺
        WidthRange(0x26FD, 0x26FD, 2),    // ⛽
        WidthRange(0x2705, 0x2705, 2),    // ✅
        WidthRange(0x270A, 0x270B, 2),    // ✊ ✋
        WidthRange(0x2728, 0x2728, 2),    // ✨
        WidthRange(0x274C, 0x274C, 2),    // ❌
        WidthRange(0x274E, 0x274E, 2),    // ❎
        WidthRange(0x2753, 0x2755, 2),    // ❓ ❔ ❕
        WidthRange(0x2757, 0x2757, 2),    // ❗
        WidthRange(0x2795, 0x2797, 2),    // ➕ ➖ ➗
        WidthRange(0x27B0, 0x27B0, 2),    // ➰
        WidthRange(0x27BF, 0x27BF, 2),    // ➿
        WidthRange(0x2B1B, 0x2B1C, 2),    // ⬛ ⬜
        WidthRange(0x2B50, 0x2B50, 2),    // ⭐
        WidthRange(0x2B55, 0x2B55, 2),    // ⭕
        WidthRange(0x2E80, 0x2FDF, 2),    // CJK radicals supplement, Kangxi radicals
        WidthRange(0x2FF0, 0x3098, 2),    // ideographic description, CJK punctuation (U+3000–U+303F), Hiragana
        WidthRange(0x3099, 0x309A, 0),    // combining kana voiced sound marks
        WidthRange(0x309B, 0x30FF, 2),    // kana sound marks, Katakana
        WidthRange(0x3105, 0x312F, 2),    // Bopomofo
        WidthRange(0x3131, 0x318E, 2),    // Hangul compatibility Jamo
        WidthRange(0x3190, 0x31E5, 2),    // Kanbun, Bopomofo extended, CJK strokes
        WidthRange(0x31EF, 0x321E, 2),    // Katakana phonetic extensions, enclosed CJK (parenthesized)
        WidthRange(0x3220, 0x3247, 2),    // enclosed CJK: ㈠ … ㉇
        WidthRange(0x3250, 0x4DBF, 2),    // enclosed CJK, CJK compatibility, CJK extension A
        WidthRange(0x4E00, 0xA48C, 2),    // CJK unified ideographs, Yi syllables
        WidthRange(0xA490, 0xA4C6, 2),    // Yi radicals
        WidthRange(0xA960, 0xA97C, 2),    // Hangul Jamo extended-A
        WidthRange(0xAC00, 0xD7A3, 2),    // Hangul syllables
        WidthRange(0xF900, 0xFAFF, 2),    // CJK compatibility ideographs
        WidthRange(0xFE00, 0xFE0F, 0),    // variation selectors
        WidthRange(0xFE10, 0xFE19, 2),    // vertical forms
        WidthRange(0xFE20, 0xFE2F, 0),    // combining half marks
        WidthRange(0xFE30, 0xFE6B, 2),    // CJK compatibility forms, small form variants
        WidthRange(0xFEFF, 0xFEFF, 0),    // zero-width no-break space (byte order mark)
        WidthRange(0xFF01, 0xFF60, 2),    // fullwidth forms: ！ … ｠, １２ ，（）
        WidthRange(0xFFE0, 0xFFE6, 2),    // fullwidth signs: ￠ ￡ ￥
        WidthRange(0x16FE0, 0x16FE4, 2),  // ideographic symbols
        WidthRange(0x17000, 0x18CFF, 2),  // Tangut, Khitan
        WidthRange(0x1B000, 0x1B2FF, 2),  // kana supplement and extensions, Nushu
        WidthRange(0x1F004, 0x1F004, 2),  // 🀄
        WidthRange(0x1F0CF, 0x1F0CF, 2),  // 🃏
        WidthRange(0x1F18E, 0x1F18E, 2),  // 🆎
        WidthRange(0x1F191, 0x1F19A, 2),  // 🆑 … 🆚
        WidthRange(0x1F1E6, 0x1F202, 2),  // regional indicators (flags), 🈁 🈂
        WidthRange(0x1F210, 0x1F23B, 2),  // squared CJK: 🈐 … 🈻
        WidthRange(0x1F240, 0x1F248, 2),  // tortoise-shell bracketed CJK
        WidthRange(0x1F250, 0x1F251, 2),  // 🉐 🉑
        WidthRange(0x1F260, 0x1F265, 2),  // rounded symbols for fu, lu, shou, xi
        WidthRange(0x1F300, 0x1F64F, 2),  // pictographs, emoticons
        WidthRange(0x1F680, 0x1F6FF, 2),  // transport and map symbols
        WidthRange(0x1F7E0, 0x1F7EB, 2),  // coloured circles and squares
        WidthRange(0x1F900, 0x1F9FF, 2),  // supplemental symbols and pictographs
        WidthRange(0x1FA70, 0x1FAFF, 2),  // symbols and pictographs extended-A
        WidthRange(0x20000, 0x2FFFD, 2),  // CJK extensions B–F, compatibility supplement
        WidthRange(0x30000, 0x3FFFD, 2),  // CJK extensions G–H
        WidthRange(0xE0000, 0xE007F, 0),  // tags
        WidthRange(0xE0100, 0xE01EF, 0),  // variation selectors supplement
    ]

    /// Columns one scalar takes: `包` 2, `a` 1, U+0301 (combining acute) 0.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = low + (high - low) / 2
            let range = ranges[middle]
            if value < range.low {
                high = middle - 1
            } else if value > range.high {
                low = middle + 1
            } else {
                return range.width
            }
        }
        return 1
    }

    /// Columns one grapheme takes: the width of its first scalar that is not zero-width.
    ///
    /// Why the first: in `é` written as `e` + U+0301 the accent rides on the `e` (1 column),
    /// and in `👍🏽` the skin tone modifies the thumb (2 columns), so only the base counts.
    /// A grapheme made only of zero-width scalars (U+200B, a lone BOM) takes 0.
    public static func columns(of c: Character) -> Int {
        for scalar in c.unicodeScalars {
            let width = columns(of: scalar)
            if width != 0 { return width }
        }
        return 0
    }

    /// Columns a whole text takes, the sum over its graphemes: `甲市` 6, `“三公”经费` 10.
    public static func columns(of s: some StringProtocol) -> Int {
        var total = 0
        for c in s { total += columns(of: c) }
        return total
    }

    /// `s` with spaces added so that it takes `n` columns: after it, or before it when
    /// `alignRight`.
    ///
    /// Why: a right-aligned `3332.37` after `甲市` must end in the same column as after
    /// `Ordos`; padding by display columns, not by `count`, does that. Text already `n`
    /// columns wide or wider comes back unchanged (use `truncated` first to cut it).
    public static func padding(_ s: String, toColumns n: Int, alignRight: Bool) -> String {
        let missing = n - columns(of: s)
        guard missing > 0 else { return s }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + s : s + spaces
    }

    /// `s` cut to at most `n` columns, ending with `…` when anything was cut:
    /// `某自治区财政厅` cut to 9 columns is `内蒙古自…`.
    ///
    /// Why: a long department name must not push the other columns off the screen. The
    /// result may be one column short of `n` when a wide character did not fit before the
    /// `…`; `n` of zero or less gives the empty string.
    public static func truncated(_ s: String, toColumns n: Int) -> String {
        guard n > 0 else { return "" }
        guard columns(of: s) > n else { return s }
        let budget = n - 1 // one column is kept for the `…`
        var kept = ""
        var used = 0
        for c in s {
            let width = columns(of: c)
            if used + width > budget { break }
            kept.append(c)
            used += width
        }
        return kept + "…"
    }
}
