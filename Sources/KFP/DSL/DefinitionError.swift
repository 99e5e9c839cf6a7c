/// Mistakes in a component or pipeline definition, collected and thrown together.
///
/// A ``Pipeline`` collects every diagnostic of its body and throws once; each names the call site
/// of the DSL call that caused it. `description` prints one line per diagnostic:
///
///     Demo/main.swift:63: error: task 'consume' is missing required input 'data'
public struct DefinitionError: Error, Sendable, CustomStringConvertible {
    /// What kind of mistake a diagnostic reports.
    public enum Kind: String, Sendable, Hashable {
        /// An argument names an input the component does not have.
        case unknownInput
        /// A required input (no default, not optional) has no argument.
        case missingInput
        /// A parameter is given where an artifact is expected, or the other way round, or the types
        /// do not fit.
        case typeMismatch
        /// A pipeline, component or task name breaks KFP's naming rule.
        case invalidName
        /// A reference crosses a control-flow boundary KFP does not allow (a loop output used outside
        /// its loop without Collected, a branch output without OneOf, an exit task with upstream
        /// tasks, ...).
        case topology
        /// Tasks depend on each other in a cycle.
        case cycle
        /// A component cannot be built (Python source without the function, a bad annotation, ...).
        case invalidComponent
    }

    /// One mistake: where, what kind, and the message.
    public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
        /// The DSL call that caused it.
        public var callSite: CallSite
        /// The kind of mistake.
        public var kind: Kind
        /// Sentence case, no trailing period, names in single quotes.
        public var message: String

        /// A diagnostic.
        public init(_ kind: Kind, _ message: String, at callSite: CallSite) {
            self.kind = kind
            self.message = message
            self.callSite = callSite
        }

        /// `file:line: error: message`.
        public var description: String { "\(callSite): error: \(message)" }
    }

    /// The diagnostics, in the order the calls ran.
    public var diagnostics: [Diagnostic]

    /// An error with these diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// An error with one diagnostic.
    public init(_ kind: Kind, _ message: String, at callSite: CallSite) {
        self.diagnostics = [Diagnostic(kind, message, at: callSite)]
    }

    /// One `file:line: error: message` line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
