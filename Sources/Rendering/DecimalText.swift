/// Integers written as decimal digits straight into UTF-8, spelled as `String(value)` spells them.
///
/// Why: rows and JSON documents hold several integers each (years, line numbers, pages,
/// counts), and a `String` made per integer only to be copied into the output cost more than
/// its digits.
public enum DecimalText {
    /// The most bytes `write` writes: a sign and the 19 digits of `Int.min`.
    public static let maxLength = 20

    /// Appends the UTF-8 of `String(value)` to `bytes`: `-42` appends `-`, `4`, `2`.
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            guard let base = buffer.baseAddress else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: write(value, to: base)))
        }
    }

    /// Writes the UTF-8 of `String(value)` at `out`, which has room for `maxLength` bytes, and
    /// returns how many bytes it wrote.
    public static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if value < 0 {
            out.initialize(to: UInt8(ascii: "-"))
            length = 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        length += digits
        var index = length
        repeat {
            index -= 1
            (out + index).initialize(to: UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0"))
            magnitude /= 10
        } while magnitude != 0
        return length
    }
}
