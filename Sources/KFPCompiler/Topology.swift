import KFP
import KFPSpec

/// The shape of a pipeline's group tree, as KFP's compiler reads it (`get_all_groups`,
/// `get_parent_groups`, `get_condition_channels_for_tasks`, `_get_uncommon_ancestors`).
struct Topology {
    /// The internal name of the root group; never written to the IR.
    static let rootName = "<root>"

    /// Every group, parent first, depth first (the order KFP builds group specs in).
    let groups: [GroupNode]
    let groupsByName: [String: GroupNode]
    /// For each task: the names of its ancestor groups from the root, then its own name.
    let taskPath: [String: [String]]
    /// For each group: the names of its ancestor groups from the root, then its own name.
    let groupPath: [String: [String]]
    /// Channels read by the conditions of each task's enclosing condition groups.
    let conditionChannels: [String: [Channel]]

    init(root: GroupNode) {
        var root = root
        root.name = Self.rootName
        var groups: [GroupNode] = []
        var taskPath: [String: [String]] = [:]
        var groupPath: [String: [String]] = [:]
        var conditionChannels: [String: [Channel]] = [:]

        func walk(_ group: GroupNode, path: [String], conditions: [Channel]) {
            groups.append(group)
            var inner = conditions
            if group.kind == .condition {
                inner += group.conditions.flatMap(\.channels)
            }
            for child in group.groups {
                groupPath[child.name] = path + [child.name]
                walk(child, path: path + [child.name], conditions: inner)
            }
            for task in group.taskNames {
                taskPath[task] = path + [task]
                conditionChannels[task] = inner
            }
        }
        walk(root, path: [Self.rootName], conditions: [])
        self.groups = groups
        self.groupsByName = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.taskPath = taskPath
        self.groupPath = groupPath
        self.conditionChannels = conditionChannels
    }

    /// The path of a task or group, `nil` when unknown.
    func path(of name: String) -> [String]? {
        taskPath[name] ?? groupPath[name]
    }

    /// The ancestors two tasks or groups do not share, each ending with the item itself
    /// (`_get_uncommon_ancestors`).
    func uncommonAncestors(_ first: String, _ second: String) -> (upstream: [String], downstream: [String])? {
        guard let one = path(of: first), let two = path(of: second) else { return nil }
        var common = 0
        while common < one.count, common < two.count, one[common] == two[common] { common += 1 }
        return (Array(one[common...]), Array(two[common...]))
    }

    /// `true` when `name` is a group of this pipeline.
    func isGroup(_ name: String) -> Bool { groupsByName[name] != nil && name != Self.rootName }

    /// The loop group named `name`, if it is one.
    func loopGroup(_ name: String) -> GroupNode? {
        guard let group = groupsByName[name], group.kind == .forLoop else { return nil }
        return group
    }
}
