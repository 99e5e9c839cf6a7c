/// Which group of a pipeline a group is: the order the pipeline body opened it in (the root is 0).
///
/// The DSL records groups and the values they give (loop items, OneOfs) by this identity only; the
/// compiler gives them their IR names (`condition-N`, `for-loop-N`, `condition-branches-N`,
/// `exit-handler-N`, `loop-item-param-N`) in the order the Python SDK hands them out.
package struct GroupID: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let rawValue: Int

    package init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The root group: the pipeline body itself.
    package static let root = GroupID(0)

    package static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }

    package var description: String { String(rawValue) }
}
