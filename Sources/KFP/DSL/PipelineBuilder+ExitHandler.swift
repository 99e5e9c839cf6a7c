public import KFPSpec

extension PipelineBuilder {
    /// Runs `body`'s tasks, then the exit task that `onExit` adds, whether the body succeeded or
    /// failed (KFP's `dsl.ExitHandler`). `onExit` receives the body's final status, for an input of
    /// type `TASK_FINAL_STATUS` (`dsl.PipelineTaskFinalStatus`); the compiler fills that input, so
    /// passing the status is optional.
    ///
    /// The exit task may read pipeline inputs and constants but no task outputs, and exit handlers
    /// can only be used in the pipeline body itself (not inside another group), as in KFP.
    public func exitHandler(
        name: String? = nil, fileID: String = #fileID, line: Int = #line, _ body: (PipelineBuilder) -> Void,
        onExit: (PipelineBuilder, Ref) -> PipelineTask
    ) {
        let site = CallSite(fileID: fileID, line: line)
        if group !== state.root {
            state.report(
                .topology, "an exit handler can only be used in the pipeline body, not inside a \(group.kind.rawValue) group", at: site)
        }
        let status = state.register(
            Channel(name: "status", taskName: nil, kind: .parameter(.taskFinalStatus), origin: .taskFinalStatus))
        let exitTask = onExit(PipelineBuilder(state: state, group: group), status)
        guard var node = state.tasks[exitTask.name] else { return }
        node.isExitTask = true
        state.tasks[exitTask.name] = node
        group.taskNames.removeAll { $0 == exitTask.name }
        checkExitTask(node)
        let handler = GroupBox(kind: .exitHandler, id: state.nextGroupID(), displayName: name)
        handler.exitTaskName = exitTask.name
        group.groups.append(handler)
        body(PipelineBuilder(state: state, group: handler))
    }

    private func checkExitTask(_ node: TaskNode) {
        let reads = node.channelInputs.filter { channel in
            if case .oneOf = channel.origin { return true }
            guard let task = channel.taskName, !task.isEmpty else { return false }
            return channel.origin != .taskFinalStatus
        }
        if let first = reads.first, case .oneOf = first.origin {
            state.report(
                .topology, "exit task '\(node.name)' cannot depend on other tasks; it reads the OneOf of an If/Else",
                at: node.callSite)
        } else if let first = reads.first {
            state.report(
                .topology,
                "exit task '\(node.name)' cannot depend on other tasks; it reads '\(first.name)' of task '\(first.taskName ?? "")'",
                at: node.callSite)
        } else if let upstream = node.after.first {
            state.report(
                .topology, "exit task '\(node.name)' cannot depend on other tasks; it runs after task '\(upstream)'",
                at: node.callSite)
        }
    }
}
