import DisclosureKit

/// The identity of a bureau across its reports: its name without spaces and without a
/// parenthetical scope suffix.
///
/// Why: one bureau writes its name differently from report to report. The final accounts of
/// 甲市 are titled `甲市工业和信息化局（本级）`, its budget `甲市工业和信息化局`, and
/// a PDF converter may leave `甲市 工业和信息化局`; all three are the same bureau and must
/// land in one row of a comparison, or budget and final can never be put side by side.
///
/// The rule, applied in this order:
/// 1. every white-space character (ASCII space, tab, U+3000 ideographic space, …) is removed;
/// 2. a parenthetical group at the end — `（本级）`, `(本级)`, `（部门）`, `（汇总）`, or any other
///    text between matching full-width or ASCII parentheses — is removed, repeatedly, as long
///    as some name remains before it.
///
/// Nothing else is folded: `甲市工业和信息化局` and `甲市丁区工业和信息化局` stay two
/// bureaus, and so do a 局 and a 委员会 of the same city.
public struct BureauIdentity: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical name, used both to compare and to show: `甲市工业和信息化局`.
    public let name: String

    /// nil when nothing is left of `rawName` after the rule (an empty or all-space name).
    public init?(_ rawName: String) {
        let name = Self.canonical(rawName)
        guard !name.isEmpty else { return nil }
        self.name = name
    }

    public var description: String { name }

    /// Orders by the Unicode scalars of the name, which is stable across platforms and
    /// locales (unlike a collation), so the same inputs always give the same order (compared
    /// as UTF-8 bytes, which order the same way: `ScalarOrder`).
    public static func < (a: BureauIdentity, b: BureauIdentity) -> Bool {
        ScalarOrder.precedes(a.name, b.name)
    }

    /// `甲市 工业和信息化局（本级）` → `甲市工业和信息化局`.
    public static func canonical(_ rawName: String) -> String {
        var scalars = Array(rawName.unicodeScalars.filter { !$0.properties.isWhitespace })
        while let cut = trailingGroupStart(scalars), cut > 0 {
            scalars.removeSubrange(cut...)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Where the parenthetical group that ends `scalars` opens, or nil when `scalars` does not
    /// end in a closing parenthesis or its opening one is missing. Nested groups are matched
    /// (`（含（本级））` is one group).
    static func trailingGroupStart(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let last = scalars.last, closing.contains(last) else { return nil }
        var depth = 0
        for index in scalars.indices.reversed() {
            let scalar = scalars[index]
            if closing.contains(scalar) {
                depth += 1
            } else if opening.contains(scalar) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    static let opening: Set<Unicode.Scalar> = ["（", "("]
    static let closing: Set<Unicode.Scalar> = ["）", ")"]
}
