import KFP
import KFPSpec
import Testing

/// The errors ``PythonComponent`` throws: exact messages, kind and call site.
@Suite("Python components: errors")
struct PythonComponentErrorTests {
    /// The one diagnostic of a failed build, with the line the build was called from.
    private func diagnostic(
        _ source: String, function: String, line: Int = #line
    ) throws -> (diagnostic: DefinitionError.Diagnostic, line: Int) {
        do {
            _ = try PythonComponent(source: source, function: function, fileID: #fileID, line: line)
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1)
            #expect(diagnostic.kind == .invalidComponent)
            return (diagnostic, line)
        }
        Issue.record("no error for \(function)")
        throw CancellationError()
    }

    private func message(_ source: String, function: String) throws -> String {
        try diagnostic(source, function: function).diagnostic.message
    }

    @Test("a missing function is named, with the functions the source defines")
    func missingFunction() throws {
        let source = "def load(path: str):\n    pass\n\nclass A:\n    def save(self):\n        pass\n\ndef load():\n    pass\n"
        let (found, line) = try diagnostic(source, function: "train")
        #expect(found.message == "no function 'train' in the Python source; it defines 'load', 'save'")
        #expect(found.callSite == CallSite(fileID: "KFPTests/PythonComponentErrorTests.swift", line: line))
        #expect(found.description == "KFPTests/PythonComponentErrorTests.swift:\(line): error: \(found.message)")
        #expect(try message("x = 'def train(a):'\n", function: "train") == "no function 'train' in the Python source; it defines no functions")
    }

    @Test("the call site is the caller's line")
    func callSite() throws {
        let expectedLine = #line + 2
        do {
            _ = try PythonComponent(source: "", function: "f")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.first?.callSite == CallSite(fileID: #fileID, line: expectedLine))
        }
    }

    @Test("async functions are refused")
    func asyncFunction() throws {
        #expect(
            try message("\n\nasync def fetch(url: str):\n    pass\n", function: "fetch")
                == "function 'fetch' is 'async def' (source line 3); KFP runs plain 'def' functions only")
    }

    @Test("unsupported and missing annotations name the parameter, the annotation and the line")
    func annotations() throws {
        #expect(
            try message("import pandas as pd\ndef f(n: int,\n      frame: pd.DataFrame):\n    pass\n", function: "f")
                == "parameter 'frame' of 'f' has unsupported annotation 'pd.DataFrame' (source line 3)")
        #expect(
            try message("def f(x: Tuple[str,\n          int] = ('a', 1)):\n    pass\n", function: "f")
                == "parameter 'x' of 'f' has unsupported annotation 'Tuple[str, int]' (source line 1)")
        #expect(try message("def f(x: Any):\n    pass\n", function: "f") == "parameter 'x' of 'f' has unsupported annotation 'Any' (source line 1)")
        #expect(try message("def f(self, x: int):\n    pass\n", function: "f") == "parameter 'self' of 'f' has no type annotation (source line 1)")
        #expect(
            try message("def f() -> Foo:\n    pass\n", function: "f") == "return annotation 'Foo' of 'f' is not supported (source line 1)")
        #expect(
            try message("def f(*args: int):\n    pass\n", function: "f")
                == "parameter '*args' of 'f' is variadic; components take named parameters only (source line 1)")
        #expect(
            try message("def f(Output: int):\n    pass\n", function: "f")
                == "'Output' is not allowed as a parameter name of 'f': KFP names the return value 'Output' (source line 1)")
    }

    @Test("defaults must be literals that fit the type")
    func defaults() throws {
        #expect(
            try message("N = 3\ndef f(n: int = N):\n    pass\n", function: "f")
                == "default value 'N' of parameter 'n' of 'f' is not a Python literal (source line 2)")
        #expect(
            try message("def f(n: str = 5):\n    pass\n", function: "f")
                == "default value '5' of parameter 'n' of 'f' does not fit its type 'str' (source line 1)")
        #expect(
            try message("def f(n: list = (1, 2)):\n    pass\n", function: "f")
                == "default value '(1, 2)' of parameter 'n' of 'f' does not fit its type 'list' (source line 1)")
        #expect(
            try message("def f(d: Input[Dataset] = 'gs://x'):\n    pass\n", function: "f")
                == "input artifact 'd' of 'f' may only default to 'None' (source line 1)")
    }

    @Test("lists of artifacts cannot be outputs of a component")
    func artifactListOutput() throws {
        #expect(
            try message("def f() -> List[Dataset]:\n    pass\n", function: "f")
                == "output 'Output' of 'f' is a list of artifacts; KFP allows lists of artifacts as outputs of pipelines only (source line 1)")
    }

    @Test("source that is not valid Python where it is read")
    func syntax() throws {
        #expect(
            try message("def f(x: str = 'abc):\n    pass\n", function: "f")
                == "the Python source is not valid at line 1: unterminated string literal")
        #expect(
            try message("def f(x: str):\n    '''never closed\n", function: "f")
                == "the Python source is not valid at line 2: unterminated triple-quoted string literal")
        #expect(try message("def f(x: str)):\n    pass\n", function: "f") == "the Python source is not valid at line 1: unmatched ')'")
        #expect(
            try message("def f(x: str,\n      y: int\n", function: "f")
                == "the Python source is not valid at line 1: '(' was never closed")
        #expect(
            try message("def f(x: str) int:\n    pass\n", function: "f")
                == "the signature of 'f' is not valid Python at source line 1: expected ':' after the signature of 'f'")
    }

    @Test("a nested function whose body reaches left of its def cannot be dedented")
    func dedent() throws {
        #expect(
            try message("if True:\n    def f(x: str):\n        return '''\nleft\n'''\n", function: "f")
                == "the source of 'f' cannot be dedented: a line of its body is indented less than its 'def' (source line 2)")
    }
}
