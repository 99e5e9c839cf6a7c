/// A value a pipeline can run as a task: a ``Component`` or something that builds one
/// (``PythonComponent``).
public protocol ComponentConvertible: Sendable {
    /// The component to run.
    var component: Component { get }
}

extension Component: ComponentConvertible {
    /// The component itself.
    public var component: Component { self }
}
