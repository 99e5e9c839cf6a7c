import Foundation
import Yams

/// YAML 1.2 core-schema scalar resolution, and the set of strings a writer must quote.
///
/// Reading follows the YAML 1.2 core schema (DESIGN section 6): only `true`/`false` are
/// booleans, `yes`/`no`/`on`/`off`/`y`/`n` are strings, `1:30` and `1_000` are strings.
/// Writing quotes every string that a YAML 1.1 reader (PyYAML, the KFP SDK), a YAML 1.2 reader or
/// a careless reader could take for something else.
enum CoreSchema {
    static let resolver: Resolver = {
        var resolver = Resolver.basic
        for (tag, pattern) in rules {
            // The patterns are constants; a failure here is a programming error caught by every test.
            if let next = try? resolver.appending(tag, pattern) { resolver = next }
        }
        return resolver
    }()

    static let rules: [(Tag.Name, String)] = [
        (.null, "^(?:~|null|Null|NULL|)$"),
        (.bool, "^(?:true|True|TRUE|false|False|FALSE)$"),
        (.int, "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        (.float, "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
    ]

    /// Strings that some YAML reader would not read back as the same string when written plain.
    private static let ambiguous: NSRegularExpression? = try? NSRegularExpression(
        pattern: """
            ^(?:~|null|Null|NULL|\
            y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\
            [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\
            [-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\
            [-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-fA-F_]+|\
            [-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|\
            [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \\t]+).*)?|\
            <<|=)$
            """)

    /// `true` when `string` must be quoted to be read back as a string by any YAML reader.
    static func needsQuoting(_ string: String) -> Bool {
        if string.isEmpty { return true }
        guard let ambiguous else { return true }
        let range = NSRange(string.startIndex..., in: string)
        return ambiguous.firstMatch(in: string, range: range) != nil
    }
}
