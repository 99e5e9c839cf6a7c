public import KFPSpec
import Foundation

extension PipelineBuilder {
    /// Runs `body`'s tasks only when `condition` holds at run time (KFP's `dsl.If`). Chain
    /// `elseIf(_:name:_:)` and `else(name:_:)`
    /// for the other branches.
    @discardableResult
    public func `if`(
        _ condition: Condition, name: String? = nil, fileID: String = #fileID, line: Int = #line,
        _ body: (PipelineBuilder) -> Void
    ) -> ConditionBranches<Void> {
        let branch = openIf(condition, name: name, at: CallSite(fileID: fileID, line: line))
        body(PipelineBuilder(state: state, group: branch))
        return ConditionBranches(builder: self, last: branch, outputs: [])
    }

    /// An If whose branches each return a value; the chain's `else` returns the `OneOf` of the
    /// values: the value of whichever branch ran (KFP's `dsl.OneOf`).
    ///
    /// ```swift
    /// let text = p.oneOf(if: coin.output == "heads") { p in p.task(say, ["text": "H"]).output }
    ///     .elseIf(coin.output == "tails") { p in p.task(say, ["text": "T"]).output }
    ///     .else { p in p.task(say, ["text": "?"]).output }
    /// ```
    public func oneOf(
        if condition: Condition, name: String? = nil, fileID: String = #fileID, line: Int = #line,
        _ body: (PipelineBuilder) -> Ref
    ) -> ConditionBranches<Ref> {
        let branch = openIf(condition, name: name, at: CallSite(fileID: fileID, line: line))
        let value = body(PipelineBuilder(state: state, group: branch))
        return ConditionBranches(builder: self, last: branch, outputs: [value.channel])
    }

    private func openIf(_ condition: Condition, name: String?, at site: CallSite) -> GroupBox {
        let branch = GroupBox(kind: .condition, id: state.nextGroupID(), displayName: name)
        checkCondition(condition, at: site)
        branch.conditions = [condition]
        branch.negatedUpstream = [condition.negation]
        group.groups.append(branch)
        return branch
    }

    func checkCondition(_ condition: Condition, at site: CallSite) {
        for channel in condition.channels {
            if case .invalid(let message) = channel.origin {
                state.report(.topology, "condition: \(message)", at: site)
            } else if channel.isArtifact {
                state.report(.typeMismatch, "a condition compares parameters; \(channel.label()) is an artifact", at: site)
            } else if let type = channel.parameterType, [.list, .struct, .unspecified].contains(type) {
                state.report(
                    .typeMismatch,
                    "a condition compares primitive values; \(channel.label(full: true)) is \(type.rawValue)", at: site)
            }
        }
        if condition.channels.isEmpty {
            state.report(
                .typeMismatch, "a condition needs a pipeline parameter or task output on one side; both sides are constants",
                at: site)
        }
    }

    /// Runs `body` once per item of a literal list, in parallel up to `parallelism` (0: no limit)
    /// (KFP's `dsl.ParallelFor`). The item handle's fields are `item["key"]` for dict items.
    public func parallelFor(
        _ items: [JSONValue], parallelism: Int = 0, name: String? = nil, fileID: String = #fileID,
        line: Int = #line, _ body: (PipelineBuilder, Ref) -> Void
    ) {
        let site = CallSite(fileID: fileID, line: line)
        if items.isEmpty { state.report(.typeMismatch, "a loop over a literal list needs at least one item", at: site) }
        let loop = openLoop(name: name, parallelism: parallelism) { group in
            let itemType = items.first.map(ParameterType.pythonTypeOf) ?? .string
            return Channel(
                name: "", taskName: nil, kind: .parameter(itemType), origin: .loopArgument(loopGroup: group, items: .raw(items)))
        }
        body(PipelineBuilder(state: state, group: loop.group), loop.item)
    }

    /// Runs `body` once per item of a run-time list: a pipeline parameter, a task output, a loop
    /// item field, or a list of artifacts. `itemType` types the items (KFP reads it from a
    /// `List[int]` annotation; plain lists give strings).
    public func parallelFor(
        _ items: Ref, itemType: ParameterType? = nil, parallelism: Int = 0, name: String? = nil,
        fileID: String = #fileID, line: Int = #line, _ body: (PipelineBuilder, Ref) -> Void
    ) {
        let loop = openRefLoop(items, itemType: itemType, parallelism: parallelism, name: name, at: CallSite(fileID: fileID, line: line))
        body(PipelineBuilder(state: state, group: loop.group), loop.item)
    }

    /// A loop over a literal list whose body returns a value: the result is the list of the values
    /// of all iterations, in item order (KFP's `dsl.Collected`).
    public func collect(
        over items: [JSONValue], parallelism: Int = 0, name: String? = nil, fileID: String = #fileID,
        line: Int = #line, _ body: (PipelineBuilder, Ref) -> Ref
    ) -> Ref {
        var result: Ref?
        parallelFor(items, parallelism: parallelism, name: name, fileID: fileID, line: line) { p, item in
            result = body(p, item)
        }
        return collected(result)
    }

    /// A loop over a run-time list whose body returns a value: the result is the `Collected` list.
    public func collect(
        over items: Ref, itemType: ParameterType? = nil, parallelism: Int = 0, name: String? = nil,
        fileID: String = #fileID, line: Int = #line, _ body: (PipelineBuilder, Ref) -> Ref
    ) -> Ref {
        var result: Ref?
        parallelFor(items, itemType: itemType, parallelism: parallelism, name: name, fileID: fileID, line: line) { p, item in
            result = body(p, item)
        }
        return collected(result)
    }

    /// The list of `value`, an output of a task inside one or more loops, over all iterations of
    /// the loops that enclose its task but not this builder's group (KFP's `dsl.Collected(value)`);
    /// nested loops give one flat list. Use it when a loop yields several lists or the value comes
    /// from an `if` inside the loop; `collect(over:)` is the shorthand for a loop whose body
    /// returns one value.
    ///
    /// ```swift
    /// var model: Ref?
    /// p.parallelFor([1, 2, 3]) { p, x in model = p.task(train, ["seed": x]).outputs["model"] }
    /// if let model { p.task(pick, ["models": p.collected(model)]) }
    /// ```
    ///
    /// A task that uses the list needs `value` from a task in a loop that does not enclose it (a
    /// compile error otherwise); a pipeline output takes any task output, as KFP does.
    public func collected(_ value: Ref) -> Ref {
        collected(Optional(value))
    }

    /// `Collected` of a loop task's output: a list parameter, or a list of artifacts.
    private func collected(_ value: Ref?) -> Ref {
        guard let output = value?.channel else {
            return Ref(Channel(name: "collected", taskName: nil, kind: .parameter(.list), origin: .invalid(message: "the loop returned no value")))
        }
        let kind: Channel.Kind
        switch output.kind {
        case .parameter: kind = .parameter(.list)
        case .artifact(let schema, _): kind = .artifact(schema, isList: true)
        }
        return state.register(Channel(name: output.name, taskName: output.taskName, kind: kind, origin: .collected(output: output)))
    }

    private func openRefLoop(
        _ items: Ref, itemType: ParameterType?, parallelism: Int, name: String?, at site: CallSite
    ) -> (group: GroupBox, item: Ref) {
        let source = items.channel
        if case .invalid(let message) = source.origin { state.report(.topology, "loop items: \(message)", at: site) }
        return openLoop(name: name, parallelism: parallelism) { group in
            switch source.kind {
            case .artifact(let schema, let isList):
                if !isList {
                    state.report(.typeMismatch, "a loop over artifacts needs a list of artifacts; \(source.label()) is one artifact", at: site)
                }
                return Channel(
                    name: "", taskName: source.taskName, kind: .artifact(schema, isList: false),
                    origin: .loopArgument(loopGroup: group, items: .channel(source)))
            case .parameter(let type):
                if source.loopArgument == nil, type != .list {
                    state.report(
                        .typeMismatch, "a loop needs a list; \(source.label(full: true)) is \(type.rawValue)", at: site)
                }
                return Channel(
                    name: "", taskName: source.taskName, kind: .parameter(itemType ?? .string),
                    origin: .loopArgument(loopGroup: group, items: .channel(source)))
            }
        }
    }

    private func openLoop(
        name: String?, parallelism: Int, item makeItem: (GroupID) -> Channel
    ) -> (group: GroupBox, item: Ref) {
        let loop = GroupBox(kind: .forLoop, id: state.nextGroupID(), displayName: name)
        let item = makeItem(loop.id)
        loop.loop = GroupNode.Loop(argument: item, parallelism: max(0, parallelism))
        group.groups.append(loop)
        return (loop, state.register(item))
    }
}
