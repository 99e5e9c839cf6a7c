/// Formats doubles the way KFP's Go code does, so that text made from numbers matches KFP.
///
/// - ``goG(_:)`` is Go's `%g` (`strconv.FormatFloat(d, 'g', -1, 64)`), which cel-go uses for
///   `string(double)`: `1.5`, `1e+06`, `1e-05`, `+Inf`, `NaN`.
/// - ``goF(_:)`` is `strconv.FormatFloat(d, 'f', -1, 64)`, which KFP's `PbValueToText` uses for
///   the `string_value` of a number in a parameter selector: `1.5`, `1000000`, `0.00001`.
///
/// Both print the shortest digits that read back as the same double.
enum CELNumberFormat {
    static func goG(_ value: Double) -> String {
        if let special = special(value) { return special }
        let (negative, digits, point) = decimal(value)
        let sign = negative ? "-" : ""
        let exponent = point - 1
        guard exponent < -4 || exponent >= 6 else { return sign + fixed(digits, point) }
        var text = sign + String(digits[0])
        if digits.count > 1 { text += "." + String(digits.dropFirst()) }
        let magnitude = abs(exponent)
        text += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        return text
    }

    static func goF(_ value: Double) -> String {
        if let special = special(value) { return special }
        let (negative, digits, point) = decimal(value)
        return (negative ? "-" : "") + fixed(digits, point)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    /// `digits` without a decimal point, where the point goes after `point` digits.
    private static func fixed(_ digits: [Character], _ point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return String(digits) + String(repeating: "0", count: point - digits.count) }
        return String(digits[..<point]) + "." + String(digits[point...])
    }

    /// The shortest round-tripping decimal digits of a finite double: `value = 0.DIGITS × 10^point`.
    /// Zero gives the digits `0` and point 1.
    private static func decimal(_ value: Double) -> (negative: Bool, digits: [Character], point: Int) {
        let negative = value.sign == .minus
        // Swift's description prints the shortest round-trip digits, e.g. "1234.5", "1e-05".
        let text = String(describing: Swift.abs(value))
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(integerPart) + Array(fractionPart)
        var point = integerPart.count + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        if digits.isEmpty { return (negative, ["0"], 1) }
        return (negative, digits, point)
    }
}
