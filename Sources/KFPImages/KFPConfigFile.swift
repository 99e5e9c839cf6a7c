import Foundation

/// `kfp_config.ini`, which `python3 -m kfp.dsl.executor_main` reads in the image's working
/// directory to find the file of the function it runs: a `[Components]` section of
/// `function_name = relative/path.py` lines.
///
/// It is written as KFP's `KFPConfig.save()` writes it (Python's `configparser`): sections in
/// order, `key = value` lines, a blank line after each section. Reading keeps the sections and
/// entries of an existing file, as KFP does, and ``setting(components:)`` adds or replaces the
/// components in function-name order.
struct KFPConfigFile: Sendable {
    static let fileName = "kfp_config.ini"
    static let componentsSection = "Components"

    /// Sections in file order, each with its entries in order.
    var sections: [(name: String, entries: [(key: String, value: String)])] = []

    init() {}

    /// Reads `configparser` text: `[Section]` headers and `key = value` or `key: value` entries;
    /// comments (`#`, `;`) and blank lines are dropped, as `configparser` drops them.
    init(text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                sections.append((String(line.dropFirst().dropLast()), []))
                continue
            }
            guard !sections.isEmpty, let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            sections[sections.count - 1].entries.append((key, value))
        }
    }

    /// This file with `components` (function name to path) set in `[Components]`, which is added
    /// when missing; existing names keep their place, new ones follow in name order.
    func setting(components: [String: String]) -> KFPConfigFile {
        var copy = self
        var index = copy.sections.firstIndex { $0.name == Self.componentsSection }
        if index == nil {
            copy.sections.append((Self.componentsSection, []))
            index = copy.sections.count - 1
        }
        guard let index else { return copy }
        for (function, path) in components.sorted(by: { $0.key < $1.key }) {
            if let existing = copy.sections[index].entries.firstIndex(where: { $0.key == function }) {
                copy.sections[index].entries[existing].value = path
            } else {
                copy.sections[index].entries.append((function, path))
            }
        }
        return copy
    }

    /// The file's text as `configparser.write` makes it.
    var text: String {
        sections.map { section in
            "[\(section.name)]\n" + section.entries.map { "\($0.key) = \($0.value)\n" }.joined() + "\n"
        }.joined()
    }
}
