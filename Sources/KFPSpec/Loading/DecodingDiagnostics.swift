import Foundation

/// Turns `DecodingError`s and unknown fields into diagnostics that name the path, line and column.
struct DecodingDiagnostics {
    let file: String?
    let source: YAMLSource

    /// Decodes `T` from `node`, the way every spec type is read.
    func decode<T: Decodable>(_ type: T.Type, from node: SourceNode) throws(SpecError) -> T {
        do {
            return try SourceDecoder.decode(T.self, from: node)
        } catch let error as DecodingError {
            throw SpecError(.structure, [diagnostic(for: error)])
        } catch {
            throw SpecError(.structure, file: file, message: "\(error)")
        }
    }

    func diagnostic(for error: DecodingError) -> SpecDiagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = SpecPath(codingPath: context.codingPath)
            return SpecDiagnostic(
                file: file, mark: source.mark(for: parent), path: parent.appending(key.stringValue),
                message: "required field '\(key.stringValue)' is missing")
        case .valueNotFound(let type, let context):
            let path = SpecPath(codingPath: context.codingPath)
            let field = context.codingPath.last.flatMap { $0.intValue == nil ? "'\($0.stringValue)' " : nil } ?? ""
            return SpecDiagnostic(
                file: file, mark: source.mark(for: path), path: path,
                message: "required field \(field)is empty: expected \(expectation(for: type)), found null")
        case .typeMismatch(let type, let context):
            let path = SpecPath(codingPath: context.codingPath)
            let found = source.root.node(at: path.components)?.summary ?? "nothing"
            return SpecDiagnostic(
                file: file, mark: source.mark(for: path), path: path,
                message: "expected \(expectation(for: type)), found \(found)")
        case .dataCorrupted(let context):
            let path = SpecPath(codingPath: context.codingPath)
            return SpecDiagnostic(
                file: file, mark: source.mark(for: path), path: path, message: context.debugDescription)
        @unknown default:
            return SpecDiagnostic(file: file, message: "\(error)")
        }
    }

    /// Every key in the document that the decoded value does not carry: a field the spec does not have.
    func unknownFields(in node: SourceNode, decoded: JSONValue, at path: SpecPath = SpecPath()) -> [SpecDiagnostic] {
        switch (node.content, decoded) {
        case (.mapping(let mapping), .object(let members)):
            var found: [SpecDiagnostic] = []
            for (position, key) in mapping.keys.enumerated() {
                let value = mapping.values[position]
                // A field written as null is absent, as in protobuf JSON.
                if value.isNull, members[key] == nil { continue }
                guard let member = members[key] else {
                    let known = members.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    let hint = NameRules.hint(for: key, in: members.keys)
                    found.append(
                        SpecDiagnostic(
                            file: file, mark: mapping.keyMarks[position], path: path.appending(key),
                            message: "unknown field '\(key)'\(hint)" + (known.isEmpty ? "" : " (fields here: \(known))")))
                    continue
                }
                found += unknownFields(in: value, decoded: member, at: path.appending(key))
            }
            return found
        case (.sequence(let elements), .array(let decodedElements)):
            return zip(elements, decodedElements).enumerated().flatMap { index, pair in
                unknownFields(in: pair.0, decoded: pair.1, at: path.appending(index: index))
            }
        default:
            return []
        }
    }

    private func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean (true or false)"
        case is Int.Type, is Int32.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is [Any].Type: return "a list"
        case is [String: Any].Type: return "a mapping"
        default: return "a value"
        }
    }
}
