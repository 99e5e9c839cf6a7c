import Foundation
import Yams

/// Turns `DecodingError`s and unknown fields into diagnostics that name the path, line and column.
struct DecodingDiagnostics {
    let file: String?
    let source: YAMLSource

    /// Decodes `T` from `node`, the way every spec type is read.
    func decode<T: Decodable>(_ type: T.Type, from node: Node, at base: SpecPath = SpecPath()) throws(SpecError) -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: node, userInfo: [.kfpYAMLSource: source])
        } catch let error as DecodingError {
            throw SpecError(.structure, [diagnostic(for: error, base: base)])
        } catch {
            throw SpecError(.structure, file: file, message: "\(error)")
        }
    }

    func diagnostic(for error: DecodingError, base: SpecPath) -> SpecDiagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = SpecPath(base.components + SpecPath(codingPath: context.codingPath).components)
            return SpecDiagnostic(
                file: file, mark: source.mark(for: parent), path: parent.appending(key.stringValue),
                message: "required field '\(key.stringValue)' is missing")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = SpecPath(base.components + SpecPath(codingPath: context.codingPath).components)
            let found = source.node(at: path.components).map(describe) ?? "nothing"
            return SpecDiagnostic(
                file: file, mark: source.mark(for: path), path: path,
                message: "expected \(expectation(for: type)), found \(found)")
        case .dataCorrupted(let context):
            let path = SpecPath(base.components + SpecPath(codingPath: context.codingPath).components)
            return SpecDiagnostic(
                file: file, mark: source.mark(for: path), path: path, message: context.debugDescription)
        @unknown default:
            return SpecDiagnostic(file: file, message: "\(error)")
        }
    }

    /// Every key in the document that the decoded value does not carry: a field the spec does not have.
    func unknownFields(in node: Node, decoded: JSONValue, at path: SpecPath = SpecPath()) -> [SpecDiagnostic] {
        switch (node, decoded) {
        case (.mapping(let mapping), .object(let members)):
            var found: [SpecDiagnostic] = []
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? ""
                // A field written as null is absent, as in protobuf JSON.
                if valueNode.tag.rawValue == Tag.Name.null.rawValue, members[key] == nil { continue }
                guard let member = members[key] else {
                    let mark = keyNode.mark.map { SourceMark(line: $0.line, column: $0.column) }
                    let known = members.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    let hint = Self.closest(to: key, in: Array(members.keys)).map { "; did you mean '\($0)'" } ?? ""
                    found.append(
                        SpecDiagnostic(
                            file: file, mark: mark, path: path.appending(key),
                            message: "unknown field '\(key)'\(hint)" + (known.isEmpty ? "" : " (fields here: \(known))")))
                    continue
                }
                found += unknownFields(in: valueNode, decoded: member, at: path.appending(key))
            }
            return found
        case (.sequence(let sequence), .array(let elements)):
            return zip(sequence, elements).enumerated().flatMap { index, pair in
                unknownFields(in: pair.0, decoded: pair.1, at: path.appending(index: index))
            }
        default:
            return []
        }
    }

    private static func closest(to key: String, in candidates: [String]) -> String? {
        let lowered = key.lowercased()
        return candidates.first { lowered.hasPrefix($0.lowercased()) || $0.lowercased().hasPrefix(lowered) }
    }

    private func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean (true or false)"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Node.Sequence.Type: return "a list"
        case is Node.Scalar.Type: return "a single value"
        default: return "a mapping"
        }
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if node.tag.rawValue == Tag.Name.null.rawValue { return "null" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
