/// `matches()`: CEL's regular-expression test (cel-spec "matches"), which cel-go runs with RE2.
///
/// Like RE2's `MatchString`, the pattern may match anywhere in the text (use `^...$` to match
/// all of it) and works on Unicode scalars. Patterns are compiled with Swift's `Regex`, which
/// accepts the RE2 syntax KFP users write (classes, anchors, groups, repetition, `(?i)`).
enum CELRegex {
    static func search(_ pattern: String, in text: String) throws(CELFailure) -> Bool {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw CELFailure("matches(): invalid regular expression '\(pattern)'")
        }
        return text.firstMatch(of: regex.matchingSemantics(.unicodeScalar)) != nil
    }
}
