import Foundation
import KFP
import KFPCompiler
import KFPSpec
import Testing
import WineClassifier

/// The typed DSL lowers to the same IR as the untyped one, and what only shows when the pipeline
/// is defined (a required input left unset) is a definition error at the task's line.
@Suite("Typed wiring")
struct TypedPipelineTests {
    @Test("The wine pipeline written on typed handles compiles to the IR of the same pipeline wired by name")
    func sameIR() throws {
        let split = try Component(swift: SplitData.self)
        let train = try Component(swift: TrainClassifier.self)
        let evaluate = try Component(swift: EvaluateClassifier.self)
        let untyped = try Pipeline(
            WineClassifier.pipelineName, description: "Splits the wine data, trains two k-NN classifiers and evaluates them."
        ) { p in
            let dataURI = p.parameter("data_uri", .string, default: .string(WineClassifier.dataset.path), description: "The wine data to import")
            let testFraction = p.parameter("test_fraction", .numberDouble, default: 0.3)
            let neighboursA = p.parameter("neighbours_a", .numberInteger, default: 1)
            let neighboursB = p.parameter("neighbours_b", .numberInteger, default: 7)
            let data = p.importer(uri: dataURI, type: .dataset)
            let splitTask = p.task(split, ["data": data.output, "testFraction": testFraction])
            for (neighbours, standardize) in [(neighboursA, false), (neighboursB, true)] {
                let trainTask = p.task(train, ["train": splitTask.outputs["train"], "neighbours": neighbours, "standardize": standardize])
                p.task(evaluate, ["model": trainTask.outputs["model"], "test": splitTask.outputs["test"]])
            }
        }
        let typedYAML = try SpecWriter().write(try PipelineCompiler().compile(try WineClassifier.pipeline()))
        let untypedYAML = try SpecWriter().write(try PipelineCompiler().compile(untyped))
        #expect(typedYAML == untypedYAML)
        #expect(typedYAML.contains("componentInputArtifact") == false)
        #expect(typedYAML.contains("producerTask: split-data"))
    }

    // Defined outside #expect: inside a macro's closure #line is the macro's line.
    static func missingInput() throws -> Pipeline {
        try Pipeline("missing") { p in
            p.task(TrainClassifier.self) { $0.$neighbours = 3 }
        }
    }

    static func artifactParameter() throws -> Pipeline {
        try Pipeline("artifact-parameter") { p in
            _ = p.parameter("data", Dataset.self)
        }
    }

    @Test("A required input left unset is a definition error at the task's line")
    func missingInput() {
        let error = #expect(throws: DefinitionError.self) { try Self.missingInput() }
        #expect(error?.description == "WineClassifierTests/TypedPipelineTests.swift:41: error: task 'train-classifier' is missing required input 'train'")
    }

    @Test("A typed pipeline parameter of an artifact type is a definition error")
    func artifactParameter() {
        let error = #expect(throws: DefinitionError.self) { try Self.artifactParameter() }
        #expect(error?.description == "WineClassifierTests/TypedPipelineTests.swift:47: error: pipeline parameter 'data' has the artifact type Dataset; declare artifacts with artifact(_:_:)")
    }
}
