import Foundation

/// Rewrites of a report that must not change its figures: the shapes other converters and
/// other bureaus produce. Built inside the tests from the real datasets.
enum ReportVariants {
    /// Full-width digits, decimal points, percent signs and thousands commas: `０．９７`.
    static func fullWidth(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            let prevDigit = i > 0 && chars[i - 1].isASCII && chars[i - 1].isNumber
            let nextDigit = i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber
            if c.isASCII, let d = c.wholeNumberValue, let s = Unicode.Scalar(0xFF10 + d) {
                out.unicodeScalars.append(s)
            } else if c == "." && prevDigit && nextDigit {
                out.append("．")
            } else if c == "," && prevDigit && nextDigit {
                out.append("，")
            } else if c == "%" {
                out.append("％")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Every `X 万元` becomes `X×10000 元`, exactly (the decimal point moves four places).
    static func inYuan(_ text: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "(-?[0-9][0-9,]*(?:\\.[0-9]+)?)(\\**\\s*)万元")
        let ns = text as NSString
        var result = ""
        var last = 0
        for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            result += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let number = ns.substring(with: m.range(at: 1))
            result += timesTenThousand(number) + ns.substring(with: m.range(at: 2)) + "元"
            last = m.range.location + m.range.length
        }
        result += ns.substring(from: last)
        return result
    }

    static func timesTenThousand(_ number: String) -> String {
        let negative = number.hasPrefix("-")
        let digits = number.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "-", with: "")
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.count < 4 { frac += "0" }
        let shifted = whole + frac.prefix(4)
        let rest = frac.dropFirst(4)
        var integer = String(shifted.drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        return (negative ? "-" : "") + integer + (rest.isEmpty ? "" : "." + rest)
    }

    /// Cuts every line longer than `width` characters into pieces of `width`, as a PDF
    /// converter does without `-layout`; table rows (with tabs) stay whole.
    static func hardWrapped(_ text: String, width: Int = 27) -> String {
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") || line.count <= width {
                out.append(line)
                continue
            }
            var rest = Substring(line)
            while rest.count > width {
                out.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            out.append(String(rest))
        }
        return out.joined(separator: "\n")
    }

    /// CRLF line ends.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n")
    }
}
