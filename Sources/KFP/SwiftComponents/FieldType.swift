import Foundation
import KFPSpec

/// What a Swift type is as a KFP input or output: a parameter of an IR type, or an artifact (or a
/// list of artifacts) of a schema; `Optional` makes it optional.
///
/// `String` is `STRING`; `Int` (and sized integers) `NUMBER_INTEGER`; `Double` and `Float`
/// `NUMBER_DOUBLE`; `Bool` `BOOLEAN`; arrays `LIST`; dictionaries and any other `Codable` value
/// `STRUCT`; ``ArtifactValue`` types and arrays of them artifacts.
struct FieldType: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case parameter(ParameterType)
        case artifact(ArtifactTypeSchema, isList: Bool)
    }

    let kind: Kind
    let isOptional: Bool

    init(of type: Any.Type) {
        if let optional = type as? any OptionalMarker.Type {
            self.kind = FieldType(of: optional.wrappedType).kind
            self.isOptional = true
            return
        }
        self.isOptional = false
        if let artifact = type as? any ArtifactValue.Type {
            kind = .artifact(artifact.schema, isList: false)
        } else if let list = type as? any ArtifactListMarker.Type {
            kind = .artifact(list.elementSchema, isList: true)
        } else if type == String.self {
            kind = .parameter(.string)
        } else if type == Bool.self {
            kind = .parameter(.boolean)
        } else if type == Double.self || type == Float.self {
            kind = .parameter(.numberDouble)
        } else if type is any FixedWidthInteger.Type {
            kind = .parameter(.numberInteger)
        } else if type is any ArrayMarker.Type {
            kind = .parameter(.list)
        } else {
            kind = .parameter(.struct)
        }
    }

    /// The IR's name of the type (`NUMBER_INTEGER`, `system.Dataset`, `a list of system.Model`).
    var irName: String {
        switch kind {
        case .parameter(let type): return type.rawValue
        case .artifact(let schema, let isList):
            let title = schema.schemaTitle ?? "system.Artifact"
            return isList ? "a list of \(title)" : title
        }
    }
}

/// `Optional`, seen through a metatype.
protocol OptionalMarker {
    static var wrappedType: Any.Type { get }
    static var noneValue: Self { get }
}

extension Optional: OptionalMarker {
    static var wrappedType: Any.Type { Wrapped.self }
    static var noneValue: Self { .none }
}

/// `Array`, seen through a metatype.
protocol ArrayMarker {}
extension Array: ArrayMarker {}

/// An array of artifacts, seen through a metatype.
protocol ArtifactListMarker {
    static var elementSchema: ArtifactTypeSchema { get }
    static func make(from artifacts: [RuntimeArtifact]) -> Self
    var runtimeArtifacts: [RuntimeArtifact] { get }
}

extension Array: ArtifactListMarker where Element: ArtifactValue {
    static var elementSchema: ArtifactTypeSchema { Element.schema }
    static func make(from artifacts: [RuntimeArtifact]) -> Self { artifacts.map { Element(runtime: $0) } }
    var runtimeArtifacts: [RuntimeArtifact] { map(\.runtimeArtifact) }
}

/// Parameter values between `JSONValue` (the executor protocol's native JSON) and Swift values.
enum ParameterCoding {
    /// `json` as a `Value`. Integers that arrive as `2.0` (protobuf numbers are doubles) decode
    /// as `Int`; JSON lists and objects decode as arrays, dictionaries and `Codable` structs.
    static func decode<Value: Decodable>(_ json: JSONValue, as type: Value.Type) throws -> Value {
        let data = try JSONEncoder().encode(json)
        return try JSONDecoder().decode(Value.self, from: data)
    }

    /// `value` as native JSON, integers and doubles kept apart.
    static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try JSONValueEncoder().encode(value)
    }
}
