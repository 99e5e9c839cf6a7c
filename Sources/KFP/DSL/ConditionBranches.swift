public import KFPSpec

/// An If chain being built: add `elseIf` and `else` branches. With `Value == Ref`, every branch
/// returns a value and `else` returns their `OneOf`.
///
/// The first `elseIf` or `else` wraps the branches in a condition-branches group, which takes the
/// If's place in its parent; the compiler numbers the groups as the Python SDK does.
public final class ConditionBranches<Value> {
    let builder: PipelineBuilder
    var last: GroupBox
    var wrapper: GroupBox?
    var outputs: [Channel]

    init(builder: PipelineBuilder, last: GroupBox, outputs: [Channel]) {
        self.builder = builder
        self.last = last
        self.outputs = outputs
    }

    /// Opens the next branch (Elif or Else) after `last`, wrapping the chain on first use.
    func openBranch(_ condition: Condition?, name: String?, at site: CallSite) -> GroupBox {
        let state = builder.state
        let wrapper = self.wrapper ?? makeWrapper()
        let branch = GroupBox(kind: .condition, id: state.nextGroupID(), displayName: name)
        if let condition {
            builder.checkCondition(condition, at: site)
            branch.conditions = last.negatedUpstream + [condition]
            branch.negatedUpstream = last.negatedUpstream + [condition.negation]
        } else {
            branch.conditions = last.negatedUpstream
            branch.isElse = true
        }
        wrapper.groups.append(branch)
        last = branch
        return branch
    }

    /// KFP's `maybe_make_and_insert_conditional_branches_group`: the wrapper replaces the If in its
    /// parent (the compiler gives the wrapper the If's number and the If the wrapper's).
    private func makeWrapper() -> GroupBox {
        let parent = builder.group
        let wrapper = GroupBox(kind: .conditionBranches, id: builder.state.nextGroupID())
        if let index = parent.groups.firstIndex(where: { $0 === last }) {
            parent.groups[index] = wrapper
        } else {
            parent.groups.append(wrapper)
        }
        wrapper.groups.append(last)
        self.wrapper = wrapper
        return wrapper
    }
}

extension ConditionBranches where Value == Void {
    /// Adds an Elif branch: runs when every earlier condition is false and `condition` is true.
    @discardableResult
    public func elseIf(
        _ condition: Condition, name: String? = nil, fileID: String = #fileID, line: Int = #line,
        _ body: (PipelineBuilder) -> Void
    ) -> ConditionBranches<Void> {
        let branch = openBranch(condition, name: name, at: CallSite(fileID: fileID, line: line))
        body(PipelineBuilder(state: builder.state, group: branch))
        return self
    }

    /// Adds the Else branch: runs when every earlier condition is false.
    public func `else`(name: String? = nil, fileID: String = #fileID, line: Int = #line, _ body: (PipelineBuilder) -> Void) {
        let branch = openBranch(nil, name: name, at: CallSite(fileID: fileID, line: line))
        body(PipelineBuilder(state: builder.state, group: branch))
    }
}

extension ConditionBranches where Value == Ref {
    /// Adds an Elif branch that returns a value.
    @discardableResult
    public func elseIf(
        _ condition: Condition, name: String? = nil, fileID: String = #fileID, line: Int = #line,
        _ body: (PipelineBuilder) -> Ref
    ) -> ConditionBranches<Ref> {
        let branch = openBranch(condition, name: name, at: CallSite(fileID: fileID, line: line))
        outputs.append(body(PipelineBuilder(state: builder.state, group: branch)).channel)
        return self
    }

    /// Adds the Else branch and returns the `OneOf` of all branches' values (KFP's `dsl.OneOf`):
    /// the value of whichever branch ran.
    ///
    /// Each branch's value must be an output of a task directly in that branch, and all must have
    /// the same type; otherwise the result records a definition error where it is used.
    public func `else`(name: String? = nil, fileID: String = #fileID, line: Int = #line, _ body: (PipelineBuilder) -> Ref) -> Ref {
        let site = CallSite(fileID: fileID, line: line)
        let branch = openBranch(nil, name: name, at: site)
        outputs.append(body(PipelineBuilder(state: builder.state, group: branch)).channel)
        return makeOneOf(at: site)
    }

    private func makeOneOf(at site: CallSite) -> Ref {
        let state = builder.state
        guard let wrapper, let first = outputs.first else {
            return Ref(Channel(name: "", taskName: nil, kind: .parameter(.string), origin: .invalid(message: "OneOf needs branch values")))
        }
        for (index, channel) in outputs.enumerated() {
            let branch = wrapper.groups[index]
            let inBranch = channel.taskName.map { branch.taskNames.contains($0) } ?? false
            if case .invalid(let message) = channel.origin {
                state.report(.topology, "OneOf: \(message)", at: site)
            } else if !inBranch || channel.origin != .plain {
                state.report(
                    .topology,
                    "OneOf takes outputs of tasks directly in each branch; the value of branch \(index + 1) is \(channel.label(full: true))",
                    at: site)
            }
            if channel.kind != first.kind {
                state.report(
                    .typeMismatch,
                    "OneOf branches must have the same type; branch 1 gives \(Self.describe(first.kind)) and branch \(index + 1) gives \(Self.describe(channel.kind))",
                    at: site)
            }
        }
        wrapper.oneOfCount += 1
        let channel = Channel(
            name: "", taskName: nil, kind: first.kind,
            origin: .oneOf(branches: wrapper.id, index: wrapper.oneOfCount, channels: outputs))
        return state.register(channel)
    }

    private static func describe(_ kind: Channel.Kind) -> String {
        switch kind {
        case .parameter(let type): return type.rawValue
        case .artifact(let schema, let isList): return (isList ? "a list of " : "") + (schema.schemaTitle ?? "?")
        }
    }
}
