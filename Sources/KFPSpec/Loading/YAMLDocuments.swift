import Foundation
import Yams

/// Splits text into YAML documents read with YAML 1.2 core-schema rules, turning every failure
/// into a ``SpecError`` with a line and column.
struct YAMLDocuments {
    let file: String?

    /// The non-empty documents of `data`.
    ///
    /// - Throws: ``SpecError`` of kind `.syntax` for binary data, invalid UTF-8, a YAML syntax error or duplicate keys.
    func parse(_ data: Data) throws(SpecError) -> [SourceNode] {
        if data.contains(0) {
            throw SpecError(.syntax, file: file, message: "expected YAML text, found binary data (a NUL byte)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(.syntax, file: file, message: "expected UTF-8 text, found bytes that are not valid UTF-8")
        }
        return try parse(text)
    }

    /// The non-empty documents of `text`.
    func parse(_ text: String) throws(SpecError) -> [SourceNode] {
        do {
            var documents: [SourceNode] = []
            // Resolver.basic: tags are resolved by CoreSchema.kind(of:), not by Yams' YAML 1.1 rules.
            let parser = try Parser(yaml: text, resolver: .basic)
            while let document = try parser.nextRoot() {
                let node = SourceNode(document)
                if node.isNull { continue }
                documents.append(node)
            }
            return documents
        } catch let error as YamlError {
            throw diagnose(error)
        } catch {
            throw SpecError(.syntax, file: file, message: "cannot read YAML: \(error)")
        }
    }

    private func diagnose(_ error: YamlError) -> SpecError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message = "invalid YAML: " + [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
            return SpecError(.syntax, file: file, message: message, mark: SourceMark(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SpecError(
                .syntax, file: file, message: "duplicate key \(names) in one mapping",
                mark: SourceMark(line: context.mark.line, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return SpecError(.syntax, file: file, message: "invalid YAML text: \(problem)")
        default:
            return SpecError(.syntax, file: file, message: "invalid YAML: \(error)")
        }
    }
}
