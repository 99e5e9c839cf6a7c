import KFP
import KFPSpec
import Testing

/// How ``PythonComponent`` maps annotations, as KFP 2.17.3 does.
@Suite("Python components: annotations")
struct PythonAnnotationTests {
    @Test("NamedTuple returns in the list form and the keyword form")
    func namedTuples() throws {
        let listForm = try PythonComponent(
            source: "def f() -> NamedTuple('Outputs', [('scalar', str), ('model', Model), ('n', int)]):\n    pass\n", function: "f")
        #expect(
            try leafOf(listForm).spec.outputDefinitions
                == ComponentOutputs(
                    parameters: [
                        "scalar": OutputParameterDefinition(parameterType: .string),
                        "n": OutputParameterDefinition(parameterType: .numberInteger),
                    ],
                    artifacts: ["model": outputArtifact("system.Model")]))
        let keywordForm = try PythonComponent(
            source: "def g() -> typing.NamedTuple('outputs', val1=str, val2=List[Dict[str, int]], data=dsl.Dataset):\n    pass\n",
            function: "g")
        #expect(
            try leafOf(keywordForm).spec.outputDefinitions
                == ComponentOutputs(
                    parameters: [
                        "val1": OutputParameterDefinition(parameterType: .string),
                        "val2": OutputParameterDefinition(parameterType: .list),
                    ],
                    artifacts: ["data": outputArtifact("system.Dataset")]))
    }

    @Test("artifact inputs and outputs, lists of artifacts and pythonic artifacts")
    func artifacts() throws {
        let source = """
            def f(data: Input[Dataset], models: Input[List[Model]], extra: dsl.Input[List[dsl.Dataset]] = None,
                  maybe: Optional[Input[Artifact]] = None, pythonic: Dataset, many: List[Artifact],
                  metrics: Output[Metrics], cm: Output[ClassificationMetrics], sliced: Output[SlicedClassificationMetrics],
                  page: Output[HTML], notes: dsl.Output[dsl.Markdown]) -> Dataset:
                pass
            """
        let (spec, _) = try leafOf(try PythonComponent(source: source, function: "f"))
        #expect(
            spec.inputDefinitions
                == ComponentInputs(artifacts: [
                    "data": inputArtifact("system.Dataset"), "models": inputArtifact("system.Model", list: true),
                    "extra": inputArtifact("system.Dataset", list: true, optional: true),
                    "maybe": inputArtifact("system.Artifact", optional: true), "pythonic": inputArtifact("system.Dataset"),
                    "many": inputArtifact("system.Artifact", list: true),
                ]))
        #expect(
            spec.outputDefinitions
                == ComponentOutputs(artifacts: [
                    "metrics": outputArtifact("system.Metrics"), "cm": outputArtifact("system.ClassificationMetrics"),
                    "sliced": outputArtifact("system.SlicedClassificationMetrics"), "page": outputArtifact("system.HTML"),
                    "notes": outputArtifact("system.Markdown"), "Output": outputArtifact("system.Dataset"),
                ]))
    }

    @Test("InputPath and OutputPath map parameter types to parameters and anything else to artifacts")
    func paths() throws {
        let source = """
            def f(csv: InputPath('CSV'), text: InputPath(str), data: InputPath('Dataset'), opt: InputPath('CSV') = None,
                  out_csv: OutputPath('CSV'), out_int: OutputPath(int), out_model: OutputPath(Model), out_any: dsl.OutputPath(),
                  out_integer: OutputPath('Integer'), out_dict: OutputPath(Dict[str, int]), out_bool: OutputPath(bool)):
                pass
            """
        let (spec, _) = try leafOf(try PythonComponent(source: source, function: "f"))
        #expect(
            spec.inputDefinitions
                == ComponentInputs(
                    parameters: ["text": inputParameter(.string)],
                    artifacts: [
                        "csv": inputArtifact("system.Artifact"), "data": inputArtifact("system.Dataset"),
                        "opt": inputArtifact("system.Artifact", optional: true),
                    ]))
        #expect(
            spec.outputDefinitions
                == ComponentOutputs(
                    parameters: [
                        "out_int": OutputParameterDefinition(parameterType: .numberInteger),
                        "out_integer": OutputParameterDefinition(parameterType: .numberInteger),
                        "out_dict": OutputParameterDefinition(parameterType: .struct),
                        "out_bool": OutputParameterDefinition(parameterType: .boolean),
                    ],
                    artifacts: [
                        "out_csv": outputArtifact("system.Artifact"), "out_model": outputArtifact("system.Model"),
                        "out_any": outputArtifact("system.Artifact"),
                    ]))
    }

    @Test("PipelineTaskFinalStatus is an optional TASK_FINAL_STATUS input")
    func finalStatus() throws {
        let source = "def exit_op(status: dsl.PipelineTaskFinalStatus, user: str = 'me'):\n    pass\n"
        let inputs = try #require(try leafOf(try PythonComponent(source: source, function: "exit_op")).spec.inputDefinitions)
        #expect(
            inputs
                == ComponentInputs(parameters: [
                    "status": inputParameter(.taskFinalStatus, optional: true), "user": inputParameter(.string, default: "me", optional: true),
                ]))
    }

    @Test("Output[str] makes KFP import the builtin into the program")
    func builtinImport() throws {
        let source = "def f(out: Output[str], n: Input[int]):\n    pass\n"
        let component = try PythonComponent(source: source, function: "f")
        #expect(try leafOf(component).container.command?.last == PythonTestSupport.header.dropLast() + "from builtins import str\nfrom builtins import int\n\n" + source + "\n")
        #expect(try leafOf(component).spec.outputDefinitions?.parameters?["out"] == OutputParameterDefinition(parameterType: .string))
        #expect(try leafOf(component).spec.inputDefinitions?.parameters?["n"] == inputParameter(.numberInteger))
    }
}
