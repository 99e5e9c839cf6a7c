import Foundation

/// Encodes an `Encodable` value into a ``JSONValue`` tree, keeping integers and doubles apart.
///
/// `nil` optionals are left out (synthesized `encodeIfPresent`), so a decoded spec encodes back to
/// the same set of keys it was read from. Coding paths are not tracked (every container reports the
/// root path): nothing the spec types encode can fail, and building a path per key was most of the
/// cost of writing a large spec.
package struct JSONValueEncoder {
    package init() {}

    package func encode(_ value: some Encodable) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let box = EncodingBox()
        try value.encode(to: TreeEncoder(box: box, codingPath: []))
        return box.kind == .unset ? .object([:]) : box.resolved()
    }
}

/// A mutable slot in the tree under construction.
private final class EncodingBox {
    var value: JSONValue?
    var members: [String: EncodingBox] = [:]
    var memberOrder: [String] = []
    var elements: [EncodingBox] = []
    var kind: Kind = .unset

    enum Kind { case unset, single, keyed, unkeyed }

    func resolved() -> JSONValue {
        switch kind {
        case .unset: return value ?? .null
        case .single: return value ?? .null
        case .keyed:
            var object: [String: JSONValue] = [:]
            for key in memberOrder { object[key] = members[key]?.resolved() }
            return .object(object)
        case .unkeyed: return .array(elements.map { $0.resolved() })
        }
    }
}

private struct TreeEncoder: Encoder {
    let box: EncodingBox
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.kind = .keyed
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.kind = .unkeyed
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        box.kind = .single
        return SingleContainer(box: box, codingPath: codingPath)
    }
}

/// Encodes one value into `box`: JSON values and scalars directly, anything else through its `encode(to:)`.
private func encodeValue(_ value: some Encodable, into box: EncodingBox, codingPath: [any CodingKey]) throws {
    switch value {
    case let json as JSONValue: box.kind = .single; box.value = json
    case let string as String: box.kind = .single; box.value = .string(string)
    case let bool as Bool: box.kind = .single; box.value = .bool(bool)
    case let int as Int: box.kind = .single; box.value = .int(int)
    case let double as Double: box.kind = .single; box.value = .double(double)
    default:
        try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
        if box.kind == .keyed || box.kind == .unkeyed {
            box.value = box.resolved()
            box.kind = .single
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> EncodingBox {
        if let existing = box.members[key.stringValue] { return existing }
        let child = EncodingBox()
        box.members[key.stringValue] = child
        box.memberOrder.append(key.stringValue)
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).kind = .single; child(key).value = .null }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try encodeValue(value, into: child(key), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.kind = .keyed
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.kind = .unkeyed
        return UnkeyedContainer(box: nested, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(box: child(key), codingPath: codingPath)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    var codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    private func append() -> EncodingBox {
        let child = EncodingBox()
        box.elements.append(child)
        return child
    }

    mutating func encodeNil() throws { let child = append(); child.kind = .single; child.value = .null }
    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: append(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = append()
        child.kind = .keyed
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = append()
        child.kind = .unkeyed
        return UnkeyedContainer(box: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: append(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.value = .null }
    mutating func encode(_ value: some Encodable) throws {
        try encodeValue(value, into: box, codingPath: codingPath)
    }
}
