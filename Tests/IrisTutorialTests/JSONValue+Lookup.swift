import KFPSpec

extension JSONValue {
    /// The member `key` of an object (nil for other values): `page["run_id"]`.
    subscript(key: String) -> JSONValue? { objectValue?[key] }
}
