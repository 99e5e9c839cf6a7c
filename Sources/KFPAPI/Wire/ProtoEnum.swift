/// A protobuf enum of the v2beta1 API, written by name and read by name or number.
///
/// Conforming types list every value the proto declares in ``protoValues``. The zero
/// `*_UNSPECIFIED` value need not be a case of the Swift type (``FilterOperation`` has none), in which
/// case ``init(protoNumber:)`` fails for 0.
public protocol ProtoEnum: Sendable, Equatable {
    /// The proto enum's name (e.g. `RuntimeState`), used in error messages.
    static var protoEnumName: String { get }
    /// Every (name, number) pair the proto declares, in declaration order.
    static var protoValues: [(name: String, number: Int)] { get }
    /// The value with this proto number, if it is one of this type's cases.
    init?(protoNumber: Int)
    /// The proto number of this value.
    var protoNumber: Int { get }
}

extension ProtoEnum {
    /// The proto name of this value, e.g. `RUNNING`.
    public var protoName: String {
        Self.protoValues.first { $0.number == protoNumber }?.name ?? String(protoNumber)
    }

    /// The value with this proto name, if it is one of this type's cases.
    public init?(protoName: String) {
        guard let entry = Self.protoValues.first(where: { $0.name == protoName }) else { return nil }
        self.init(protoNumber: entry.number)
    }
}

/// The `String`-backed enums: raw values are the proto names, every proto value is a case.
extension ProtoEnum where Self: RawRepresentable<String>, Self: CaseIterable {
    public static var protoValues: [(name: String, number: Int)] {
        allCases.map { (name: $0.rawValue, number: $0.protoNumber) }
    }

    public init?(protoNumber: Int) {
        guard let value = Self.allCases.first(where: { $0.protoNumber == protoNumber }) else { return nil }
        self = value
    }
}
