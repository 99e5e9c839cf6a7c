/// A component whose step is Swift code: properties declare its inputs (``Input``) and outputs
/// (``Output``), and ``run()`` holds the step, as swift-argument-parser declares a command.
///
/// ```swift
/// struct Train: SwiftComponent {
///     static let configuration = ComponentConfiguration(description: "Fits a k-nearest-neighbours model.")
///     @Input var data: Dataset
///     @Input var neighbours: Int = 5
///     @Output var model: Model
///     @Output var accuracy: Double
///
///     func run() async throws { ... }
/// }
/// let train = try Component(swift: Train.self)
/// ```
///
/// The interface is read from a fresh value (`init()`) when the component is made; mistakes are
/// ``DefinitionError``s naming the property's file and line. The task runs the program that
/// defines the component (`program execute --executor-input {{$}} --component NAME`, served by
/// `PipelineTool`), which reads KFP's executor input, sets the inputs, calls ``run()`` and writes
/// `executor_output.json`, as `kfp.dsl.executor_main` does for a Python function.
public protocol SwiftComponent: Sendable {
    /// A value with every input and output unset (or at its default).
    init()
    /// The component's name, description and image.
    static var configuration: ComponentConfiguration { get }
    /// The step. Reads inputs, writes output artifacts' files and sets outputs; a thrown error
    /// fails the task with its message.
    func run() async throws
}

extension SwiftComponent {
    /// The type's name in words (`TrainModel` is `Train model`), no description, the default image.
    public static var configuration: ComponentConfiguration { ComponentConfiguration() }

    /// The component's name: the configuration's, else the type's name in words.
    static var componentName: String {
        configuration.name ?? ComponentConfiguration.words(of: String(describing: Self.self))
    }
}

/// A Swift component's name, description and image.
public struct ComponentConfiguration: Sendable {
    /// The name tasks are named after (`Train model` names tasks `train-model`); `nil` for the
    /// type's name in words.
    public var name: String?
    /// The component's description (the IR's `pipelineInfo.description`).
    public var description: String?
    /// The image holding the program, with the program's path in it; `nil` for `PipelineTool`'s
    /// `--image` or, without it, ``defaultImage`` with the running program's own path (which is
    /// what `kfp local run`'s subprocess launcher runs).
    public var image: ProgramImage?

    /// A configuration.
    public init(name: String? = nil, description: String? = nil, image: ProgramImage? = nil) {
        self.name = name
        self.description = description
        self.image = image
    }

    /// The image named for a component without one, which only a subprocess launcher can run
    /// (the program's path is this machine's): `debian:bookworm-slim`.
    public static let defaultImage = "debian:bookworm-slim"

    /// `TrainModel` → `Train model`, `SplitCSV` → `Split csv`.
    package static func words(of typeName: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(typeName)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let startsWord = character.isUppercase
                && (!(current.last?.isUppercase ?? true) || (next?.isLowercase ?? false))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        let lowered = words.map { $0.lowercased() }
        guard let first = lowered.first else { return typeName }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + lowered.dropFirst()).joined(separator: " ")
    }
}

/// An image that holds a Swift components' program, and the program's path in it.
public struct ProgramImage: Sendable, Hashable {
    /// The image (a strict name `REPO@sha256:...` is best: what ran is known).
    public var image: String
    /// The program's absolute path in the image.
    public var programPath: String

    /// An image and the program's path in it.
    public init(image: String, programPath: String) {
        self.image = image
        self.programPath = programPath
    }
}
