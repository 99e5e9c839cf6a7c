public import KFPSpec

/// One element of a container component's `command` or `args`: literal text, a placeholder for an
/// input or output, or text with placeholders interpolated (KFP's `dsl.ContainerSpec` arguments).
///
/// ```swift
/// command: ["sh", "-c", "echo \(.inputValue("text")) > \(.outputPath("out"))"]
/// ```
public struct ContainerArgument: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    package enum Part: Sendable {
        case text(String)
        case inputValue(String)
        case inputPath(String)
        case inputURI(String)
        case inputMetadata(String)
        case inputArtifactList(String)
        case outputPath(String)
        case outputURI(String)
        case outputMetadata(String)
        case outputParameterFile(String)
        case executorInput
        indirect case concat([ContainerArgument])
        indirect case ifPresent(String, then: [ContainerArgument], else: [ContainerArgument]?)
    }

    package let parts: [Part]

    package init(parts: [Part]) {
        self.parts = parts
    }

    /// Literal text.
    public init(stringLiteral value: String) {
        parts = [.text(value)]
    }

    /// Text with placeholders interpolated: `"--lr=\(.inputValue("learning_rate"))"`.
    public init(stringInterpolation: Interpolation) {
        parts = stringInterpolation.parts
    }

    /// Builds interpolated container arguments.
    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { parts.append(.text(literal)) }
        }

        /// Interpolates a placeholder (not `concat` or `ifPresent`).
        public mutating func appendInterpolation(_ argument: ContainerArgument) {
            parts += argument.parts
        }
    }

    /// The value of input parameter `name` (`{{$.inputs.parameters['name']}}`).
    public static func inputValue(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.inputValue(name)]) }
    /// The local path of input artifact `name` (`{{$.inputs.artifacts['name'].path}}`).
    public static func inputPath(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.inputPath(name)]) }
    /// The URI of input artifact `name` (`{{$.inputs.artifacts['name'].uri}}`).
    public static func inputURI(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.inputURI(name)]) }
    /// The metadata of input artifact `name` (`{{$.inputs.artifacts['name'].metadata}}`).
    public static func inputMetadata(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.inputMetadata(name)]) }
    /// The whole list of artifacts of list input `name`, as JSON (`{{$.inputs.artifacts['name']}}`;
    /// KFP's `InputListOfArtifactsPlaceholder`, what a list-of-artifacts input gives in a container
    /// component's arguments).
    public static func inputArtifactList(_ name: String) -> ContainerArgument {
        ContainerArgument(parts: [.inputArtifactList(name)])
    }
    /// The local path to write output artifact `name` to (`{{$.outputs.artifacts['name'].path}}`).
    public static func outputPath(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.outputPath(name)]) }
    /// The URI of output artifact `name` (`{{$.outputs.artifacts['name'].uri}}`).
    public static func outputURI(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.outputURI(name)]) }
    /// The metadata of output artifact `name` (`{{$.outputs.artifacts['name'].metadata}}`).
    public static func outputMetadata(_ name: String) -> ContainerArgument { ContainerArgument(parts: [.outputMetadata(name)]) }
    /// The file to write output parameter `name` to (`{{$.outputs.parameters['name'].output_file}}`).
    public static func outputParameterFile(_ name: String) -> ContainerArgument {
        ContainerArgument(parts: [.outputParameterFile(name)])
    }
    /// The whole executor input as JSON (`{{$}}`).
    public static var executorInput: ContainerArgument { ContainerArgument(parts: [.executorInput]) }
    /// The arguments joined into one (KFP's `ConcatPlaceholder`).
    public static func concat(_ items: [ContainerArgument]) -> ContainerArgument { ContainerArgument(parts: [.concat(items)]) }
    /// `then` when input `name` is given, else `otherwise` (KFP's `IfPresentPlaceholder`).
    public static func ifPresent(_ name: String, then: [ContainerArgument], else otherwise: [ContainerArgument]? = nil) -> ContainerArgument {
        ContainerArgument(parts: [.ifPresent(name, then: then, else: otherwise)])
    }
}
