import Foundation

/// Scalar decoding with YAML 1.2 core-schema rules: booleans are only `true`/`false`, numbers only
/// plain numeric scalars; a `String` is the raw text of any non-null scalar.
struct SourceSingleContainer: SingleValueDecodingContainer {
    let node: SourceNode
    var codingPath: [any CodingKey]

    func decodeNil() -> Bool { node.isNull }

    private func scalar<T>(_ type: T.Type) throws -> (String, ScalarKind) {
        guard case .scalar(let text, let kind) = node.content else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "not a scalar"))
        }
        if kind == .null {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "null"))
        }
        return (text, kind)
    }

    private func mismatch<T>(_ type: T.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(node.summary)"))
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        let (text, kind) = try scalar(type)
        guard kind == .bool else { throw mismatch(type) }
        return text.lowercased() == "true"
    }

    func decode(_ type: String.Type) throws -> String { try scalar(type).0 }

    func decode(_ type: Double.Type) throws -> Double {
        guard let value = JSONValue(source: node).numericValue else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        switch JSONValue(source: node) {
        case .int(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 9e18: return Int(value)
        case .string(let text) where Int(text) != nil:
            // protobuf JSON writes int64 as a string; accept it for integer fields.
            return Int(text) ?? 0
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try decode(Int.self)) else { throw mismatch(type) }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try SourceDecoder(node: node, codingPath: codingPath).decodeValue(type)
    }
}
