import Foundation
import KFPSpec

/// Where a Swift component's property stands in the executor protocol.
enum FieldDirection: Sendable {
    case input, output
}

/// What a property wrapper declares: read from a fresh instance when the interface is read.
struct FieldDeclaration: Sendable {
    let direction: FieldDirection
    /// The name given with `name:`, else `nil` (the property's name is used).
    let name: String?
    let description: String?
    /// The default value as native JSON, for inputs declared with one.
    let defaultValue: JSONValue?
    /// A default that could not be written as JSON (the error's message).
    let defaultProblem: String?
    let site: CallSite
}

/// An `@Input` or `@Output` property, seen without its value type.
protocol ComponentField: Sendable {
    var declaration: FieldDeclaration { get }
    var valueType: Any.Type { get }
    /// Sets the value from the executor input; `name` is the field's KFP name.
    func bind(_ name: String, from executorInput: ExecutorInput) throws(ExecutionError)
    /// The value `run()` left, for outputs: a parameter value or artifacts.
    func outputValue(_ name: String) throws(ExecutionError) -> OutputValue
    /// For inputs, what a typed task's wiring closure set.
    var wiredArgument: TaskArgument? { get }
    /// For outputs, makes `$name` the handle on `channel`.
    func wire(_ channel: Channel)
}

/// An output's value after `run()`.
enum OutputValue {
    case parameter(JSONValue)
    case artifacts([RuntimeArtifact])
}

/// The value of one property, shared by every copy of the component value, so that `run()`
/// (a non-mutating method) can set outputs.
final class FieldStorage<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    init(_ value: Value?) {
        stored = value
    }

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A failure to run a Swift component: a value the executor input does not give, a value of the
/// wrong type, an output `run()` did not set. `description` names the input or output.
public struct ExecutionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the input or output.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
