import KFP
import KFPSpec
import Testing

/// Exact values ``PythonComponent`` produces for plain signatures (each checked against KFP 2.17.3
/// when it was written).
@Suite("Python components: exact values")
struct PythonComponentTests {
    @Test("a simple function gives KFP's single-component IR, command and args")
    func simpleFunction() throws {
        let source = "def add(a: int, b: int = 2) -> int:\n    return a + b\n"
        let add = try PythonComponent(source: source, function: "add")
        #expect(add.component.name == "Add")
        #expect(add.functionName == "add")
        #expect(add.functionSource == source)
        #expect(add.description == nil)
        let spec = add.component.spec
        #expect(spec.pipelineInfo.name == "add")
        #expect(spec.sdkVersion == "swift-kfp-0.1.0")
        #expect(spec.components?.keys.sorted() == ["comp-add"])
        #expect(spec.root.dag?.tasks?.keys.sorted() == ["add"])
        let (component, container) = try leafOf(add)
        #expect(component.executorLabel == "exec-add")
        #expect(
            component.inputDefinitions
                == ComponentInputs(parameters: [
                    "a": inputParameter(.numberInteger), "b": inputParameter(.numberInteger, default: .double(2), optional: true),
                ]))
        #expect(component.outputDefinitions == ComponentOutputs(parameters: ["Output": OutputParameterDefinition(parameterType: .numberInteger)]))
        #expect(container.image == "python:3.11")
        #expect(container.command == PythonTestSupport.kfpPrelude + PythonTestSupport.launcher + [PythonTestSupport.header + source + "\n"])
        #expect(container.args == ["--executor_input", "{{$}}", "--function_to_execute", "add"])
    }

    @Test("component names follow KFP: underscores to spaces, first letter upper-cased")
    func names() throws {
        let flip = try PythonComponent(source: "def flip_coin_op():\n    pass\n", function: "flip_coin_op")
        #expect(flip.component.name == "Flip coin op")
        #expect(flip.component.spec.pipelineInfo.name == "flip-coin-op")
        let odd = try PythonComponent(source: "def _my__func_2():\n    pass\n", function: "_my__func_2")
        #expect(odd.component.name == "My func 2")
        #expect(odd.component.spec.pipelineInfo.name == "my-func-2")
    }

    @Test("a multi-line signature with commas, brackets, strings and comments in defaults")
    func multiLineSignature() throws {
        let source = #"""
            def train(
                path: str = "a, b (c)",   # comment, with 'quotes' and def x(
                sizes: List[int] = [1, (2), 3],
                names: Dict[str, str] = {'k': "v, w", "def y(": ')'},
                rate: float = -1.5e-3, steps: int = 0x1F, big: int = 1_000,
                note: str = 'it''s ' "ok\t\\", raw: str = r'C:\new',
                *, flag: bool = False,
            ) -> None:
                pass
            """#
        let train = try PythonComponent(source: source, function: "train")
        let inputs = try #require(try leafOf(train).spec.inputDefinitions?.parameters)
        #expect(inputs["path"] == inputParameter(.string, default: "a, b (c)", optional: true))
        #expect(inputs["sizes"] == inputParameter(.list, default: [.double(1), .double(2), .double(3)], optional: true))
        #expect(inputs["names"] == inputParameter(.struct, default: ["k": "v, w", "def y(": ")"], optional: true))
        #expect(inputs["rate"] == inputParameter(.numberDouble, default: .double(-0.0015), optional: true))
        #expect(inputs["steps"] == inputParameter(.numberInteger, default: .double(31), optional: true))
        #expect(inputs["big"] == inputParameter(.numberInteger, default: .double(1000), optional: true))
        #expect(inputs["note"] == inputParameter(.string, default: "its ok\t\\", optional: true))
        #expect(inputs["raw"] == inputParameter(.string, default: #"C:\new"#, optional: true))
        #expect(inputs["flag"] == inputParameter(.boolean, default: false, optional: true))
        #expect(inputs.count == 9)
        #expect(try leafOf(train).spec.outputDefinitions == nil)
    }

    @Test("Optional alone is the plain type; a None default makes an input optional without a default")
    func optionals() throws {
        let source = """
            def f(a: Optional[str], b: Optional[str] = None, c: typing.Union[int, None] = None, d: str = None,
                  e: list = None, f: Optional[int] = 3):
                pass
            """
        let inputs = try #require(try leafOf(try PythonComponent(source: source, function: "f")).spec.inputDefinitions?.parameters)
        #expect(inputs["a"] == inputParameter(.string))
        #expect(inputs["b"] == inputParameter(.string, optional: true))
        #expect(inputs["c"] == inputParameter(.numberInteger, optional: true))
        #expect(inputs["d"] == inputParameter(.string, optional: true))
        #expect(inputs["e"] == inputParameter(.list, optional: true))
        #expect(inputs["f"] == inputParameter(.numberInteger, default: .double(3), optional: true))
    }

    @Test("of several functions of the name, the last one at the least indentation is used, as Python binds it")
    func redefinedFunction() throws {
        let source = "class A:\n    def f(a: str):\n        pass\n\ndef f(b: int):\n    pass\n\ndef f(c: bool, /, d: str, *, e: float):\n    pass\n"
        let f = try PythonComponent(source: source, function: "f")
        #expect(
            try leafOf(f).spec.inputDefinitions
                == ComponentInputs(parameters: [
                    "c": inputParameter(.boolean), "d": inputParameter(.string), "e": inputParameter(.numberDouble),
                ]))
        #expect(f.functionSource == "def f(c: bool, /, d: str, *, e: float):\n    pass\n")
    }

    @Test("EmbeddedInput parameters stay out of the interface")
    func embeddedInput() throws {
        let f = try PythonComponent(source: "def f(asset: dsl.EmbeddedInput[Dataset], n: int):\n    pass\n", function: "f")
        #expect(try leafOf(f).spec.inputDefinitions == ComponentInputs(parameters: ["n": inputParameter(.numberInteger)]))
    }
}
