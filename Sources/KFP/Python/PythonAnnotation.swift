import KFPPythonSource

/// What a Python annotation evaluates to, as far as KFP's interface rules look at it.
///
/// Names resolve as they would in a module that did KFP's own imports (`from kfp import dsl`,
/// `from kfp.dsl import *`, `from typing import *`) plus `import typing`: `Dataset`,
/// `dsl.Dataset` and `kfp.dsl.Dataset` are the same class; `List` and `typing.List` the same
/// generic. Names from other modules (`pd.DataFrame`, `aiplatform.VertexModel`) are unsupported.
indirect enum PythonAnnotation: Sendable, Hashable {
    /// A builtin class: `str`, `int`, `float`, `bool`, `list`, `dict`, `tuple`, ...
    case builtin(String)
    /// A builtin generic alias: `list[int]`, `dict[str, int]`.
    case builtinGeneric(String, [PythonAnnotation])
    /// A `typing` object: `List` (bare, `arguments` `nil`), `List[int]`, `Optional[str]`, `Any`, ...
    case typing(String, [PythonAnnotation]?)
    /// A KFP artifact class (`Dataset`, `Model`, ...), by class name.
    case artifact(String)
    /// `PipelineTaskFinalStatus` or `TaskConfig`.
    case kfpClass(String)
    /// `Input[T]`, `Output[T]` or `EmbeddedInput[T]`.
    case marker(Marker, PythonAnnotation)
    /// `InputPath(type)` or `OutputPath(type)`; `type` is `.pythonNone` when not given.
    case path(Marker, PythonAnnotation)
    /// A `str` value: a string annotation, or the type name given to `InputPath('CSV')`.
    case string(String)
    /// `None` (also the type of `InputPath()` and the not yet subscripted `Input`).
    case pythonNone
    /// `NamedTuple('Name', [('field', type), ...])` or `NamedTuple('Name', field=type, ...)`.
    case namedTuple([NamedTupleField])

    enum Marker: Sendable, Hashable {
        case input, output, embeddedInput
    }

    /// One field of a ``PythonAnnotation/namedTuple(_:)``.
    struct NamedTupleField: Sendable, Hashable {
        var name: String
        var type: PythonAnnotation
    }

    /// Why an annotation cannot be read.
    struct Unsupported: Error, Sendable {
        var reason: String?
    }

    /// KFP's artifact classes (`kfp.dsl` exports them) and their `schema_title`s.
    static let artifactClasses = [
        "Artifact", "Model", "Dataset", "Metrics", "ClassificationMetrics", "SlicedClassificationMetrics", "HTML",
        "Markdown",
    ]

    private static let builtins: Set<String> = [
        "str", "int", "float", "bool", "list", "dict", "tuple", "set", "frozenset", "bytes", "bytearray", "complex",
        "object", "type",
    ]
    private static let typingNames: Set<String> = [
        "List", "Dict", "Optional", "Union", "Any", "Tuple", "Sequence", "Mapping", "MutableMapping", "Set", "FrozenSet",
        "Iterable", "Iterator", "Literal", "Callable", "Type", "Annotated", "NamedTuple", "DefaultDict", "OrderedDict",
        "Collection", "MutableSequence", "Final", "ClassVar", "Generator", "TypedDict",
    ]
    private static let kfpNames: Set<String> = [
        "Input", "Output", "EmbeddedInput", "InputPath", "OutputPath", "PipelineTaskFinalStatus", "TaskConfig",
    ]

    /// The annotation an expression evaluates to.
    ///
    /// - Throws: ``Unsupported`` for names outside builtins, `typing` and `kfp.dsl`, for calls other
    ///   than `InputPath`, `OutputPath` and `NamedTuple`, and for other expressions.
    static func resolve(_ expression: PythonExpression) throws(Unsupported) -> PythonAnnotation {
        switch expression {
        case .name("None"):
            return .pythonNone
        case .name, .attribute:
            guard let dotted = expression.dottedName else { throw Unsupported() }
            return try resolveName(dotted)
        case .string(let parts):
            do {
                return .string(try PythonLiteral.string(parts))
            } catch {
                throw Unsupported(reason: error.reason)
            }
        case .subscripted(let base, let arguments):
            let origin = try resolve(base)
            let resolved = try arguments.map { argument throws(Unsupported) in try resolve(argument) }
            switch origin {
            case .typing(let name, nil): return .typing(name, resolved)
            case .builtin(let name) where ["list", "dict", "tuple", "set", "frozenset", "type"].contains(name):
                return .builtinGeneric(name, resolved)
            case .marker(let marker, .pythonNone) where resolved.count == 1: return .marker(marker, resolved[0])
            default: throw Unsupported()
            }
        case .call(let base, let arguments, let keywords):
            return try call(try resolve(base), arguments: arguments, keywords: keywords)
        default:
            throw Unsupported()
        }
    }

    /// A dotted name: `typing.X`, `dsl.X`, `kfp.dsl.X`, `builtins.X`, or a bare name from any of them.
    private static func resolveName(_ dotted: [String]) throws(Unsupported) -> PythonAnnotation {
        guard let name = dotted.last else { throw Unsupported() }
        let module = dotted.dropLast().joined(separator: ".")
        let fromBuiltins = module.isEmpty || module == "builtins"
        let fromTyping = module.isEmpty || module == "typing" || module == "typing_extensions"
        let fromKFP = module.isEmpty || module == "dsl" || module == "kfp.dsl"
        if fromBuiltins, builtins.contains(name) { return .builtin(name) }
        if fromTyping, name == "Text" { return .builtin("str") }
        if fromTyping, typingNames.contains(name) { return .typing(name, nil) }
        if fromKFP, artifactClasses.contains(name) { return .artifact(name) }
        if fromKFP, kfpNames.contains(name) {
            switch name {
            case "Input": return .marker(.input, .pythonNone)
            case "Output": return .marker(.output, .pythonNone)
            case "EmbeddedInput": return .marker(.embeddedInput, .pythonNone)
            case "InputPath": return .path(.input, .pythonNone)
            case "OutputPath": return .path(.output, .pythonNone)
            default: return .kfpClass(name)
            }
        }
        throw Unsupported()
    }

    /// `InputPath(type)`, `OutputPath(type)` and the two `NamedTuple` call forms.
    private static func call(
        _ function: PythonAnnotation, arguments: [PythonExpression], keywords: [PythonKeywordArgument]
    ) throws(Unsupported) -> PythonAnnotation {
        switch function {
        case .path(let marker, .pythonNone):
            let given = arguments.first ?? keywords.first { $0.name == "type" }?.value
            guard arguments.count + keywords.count <= 1, keywords.allSatisfy({ $0.name == "type" }) else { throw Unsupported() }
            return .path(marker, try given.map { expression throws(Unsupported) in try resolve(expression) } ?? .pythonNone)
        case .typing("NamedTuple", nil):
            guard let first = arguments.first, case .string = first else {
                throw Unsupported(reason: "NamedTuple needs a type name first")
            }
            var fields: [NamedTupleField] = []
            if arguments.count == 2, keywords.isEmpty {
                let items: [PythonExpression]
                switch arguments[1] {
                case .list(let list), .tuple(let list): items = list
                default: throw Unsupported(reason: "NamedTuple fields must be a list of (name, type) pairs")
                }
                for item in items {
                    guard case .tuple(let pair) = item, pair.count == 2, case .string(let parts) = pair[0],
                        let name = try? PythonLiteral.string(parts)
                    else { throw Unsupported(reason: "NamedTuple fields must be (name, type) pairs") }
                    fields.append(NamedTupleField(name: name, type: try resolve(pair[1])))
                }
            } else if arguments.count == 1 {
                for keyword in keywords {
                    fields.append(NamedTupleField(name: keyword.name, type: try resolve(keyword.value)))
                }
            } else {
                throw Unsupported(reason: "NamedTuple takes a name and a list of fields")
            }
            return .namedTuple(fields)
        default:
            throw Unsupported()
        }
    }
}
