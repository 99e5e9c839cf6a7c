import Foundation
public import KFPSpec

/// An output of a Swift component (KFP's return values, `OutputPath` and `Output[...]`): a
/// parameter `run()` sets, or an artifact whose file `run()` writes at its `path` and whose
/// `metadata` it may set.
///
/// ```swift
/// @Output var accuracy: Double
/// @Output var model: Model
/// func run() async throws {
///     try weights.write(to: URL(fileURLWithPath: model.path))
///     model.metadata["rows"] = 120
///     accuracy = 0.97
/// }
/// ```
///
/// The output is named after the property unless `name:` is given. `run()` sets it although it is
/// not `mutating`: the value lives in storage shared by every copy of the component value.
@propertyWrapper
public struct Output<Value: Codable & Sendable>: Sendable {
    let storage: FieldStorage<Value>
    let wiring = FieldStorage<ValueRef<Value>>(nil)
    let declaration: FieldDeclaration

    /// An output.
    public init(name: String? = nil, description: String? = nil, fileID: String = #fileID, line: Int = #line) {
        storage = FieldStorage(nil)
        declaration = FieldDeclaration(
            direction: .output, name: name, description: description, defaultValue: nil, defaultProblem: nil,
            site: CallSite(fileID: fileID, line: line))
    }

    /// The output's value: an artifact's is set by the executor before `run()`; a parameter's
    /// must be set by `run()` before it is read.
    public var wrappedValue: Value {
        get {
            guard let value = storage.value else {
                preconditionFailure("\(declaration.site): output read before it was set")
            }
            return value
        }
        nonmutating set { storage.value = newValue }
    }

    /// In a pipeline, the typed handle on this output of a typed task (`split.outputs.$train`);
    /// on any other value a handle that records a definition error where it is used.
    public var projectedValue: ValueRef<Value> {
        wiring.value
            ?? ValueRef(channel: Channel(
                name: declaration.name ?? "output", taskName: nil, kind: .parameter(.string),
                origin: .invalid(message: "an output's handle comes from a task: use task.outputs.$name of a typed task")))
    }
}

extension Output: ComponentField {
    var valueType: Any.Type { Value.self }
    var wiredArgument: TaskArgument? { nil }
    func wire(_ channel: Channel) { wiring.value = ValueRef(channel: channel) }

    /// Output artifacts come from the executor input (their URI is decided by the launcher), with
    /// their file's folder made, as KFP's executor makes it.
    func bind(_ name: String, from executorInput: ExecutorInput) throws(ExecutionError) {
        guard case .artifact = FieldType(of: Value.self).kind else { return }
        guard let runtime = executorInput.outputs.artifacts?[name]?.artifacts.first,
            let single = Value.self as? any ArtifactValue.Type, let value = single.init(runtime: runtime) as? Value
        else {
            throw ExecutionError("output artifact '\(name)' has no artifact in the executor input")
        }
        storage.value = value
        let folder = URL(fileURLWithPath: ArtifactPaths.localPath(of: runtime.uri)).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExecutionError("output artifact '\(name)': cannot make the folder \(folder.path): \(error.localizedDescription)")
        }
    }

    func outputValue(_ name: String) throws(ExecutionError) -> OutputValue {
        guard let value = storage.value else {
            throw ExecutionError("run() did not set output parameter '\(name)'")
        }
        if let artifact = value as? any ArtifactValue {
            return .artifacts([artifact.runtimeArtifact])
        }
        do {
            return .parameter(try ParameterCoding.encode(value))
        } catch {
            throw ExecutionError("output parameter '\(name)' cannot be written as JSON: \(error)")
        }
    }
}
