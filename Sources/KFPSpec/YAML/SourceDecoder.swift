import Foundation

/// A `Decoder` over a ``SourceNode`` tree: O(1) key lookups, YAML 1.2 core-schema scalars,
/// and the raw text of any scalar when a `String` is asked for (so `on`, `007`, `1e3` stay strings
/// in string fields).
struct SourceDecoder: Decoder {
    let node: SourceNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [.kfpRawScalars: true] }

    static func decode<T: Decodable>(_ type: T.Type, from node: SourceNode) throws -> T {
        try SourceDecoder(node: node, codingPath: []).decodeValue(T.self)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self, let value = JSONValue(source: node) as? T { return value }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node.content else {
            throw DecodingError.typeMismatch(
                [String: Any].self, .init(codingPath: codingPath, debugDescription: "expected a mapping"))
        }
        return KeyedDecodingContainer(SourceKeyedContainer<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let elements) = node.content else {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: codingPath, debugDescription: "expected a list"))
        }
        return SourceUnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SourceSingleContainer(node: node, codingPath: codingPath)
    }
}

extension CodingUserInfoKey {
    /// Set when the decoder can give the raw text of any scalar as a `String`.
    static let kfpRawScalars = CodingUserInfoKey(rawValue: "kfp.rawScalars")!
}

struct SourceIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

private struct SourceKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let mapping: SourceNode.Mapping
    var codingPath: [any CodingKey]

    var allKeys: [Key] { mapping.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { mapping.index[key.stringValue] != nil }

    private func child(_ key: Key) throws -> SourceNode {
        guard let node = mapping[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let node = try child(key)
        if node.isNull, type != JSONValue.self {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "null"))
        }
        return try SourceDecoder(node: node, codingPath: codingPath + [key]).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = mapping[key.stringValue], !node.isNull else { return nil }
        return try SourceDecoder(node: node, codingPath: codingPath + [key]).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try SourceDecoder(node: try child(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try SourceDecoder(node: try child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        SourceDecoder(node: SourceNode(content: .mapping(mapping), mark: nil), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        SourceDecoder(node: try child(key), codingPath: codingPath + [key])
    }
}

private struct SourceUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [SourceNode]
    var codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [SourceNode], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> (SourceNode, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more elements"))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], codingPath + [SourceIndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        if node.isNull, type != JSONValue.self {
            throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "null"))
        }
        return try SourceDecoder(node: node, codingPath: path).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try SourceDecoder(node: node, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try SourceDecoder(node: node, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return SourceDecoder(node: node, codingPath: path)
    }
}
