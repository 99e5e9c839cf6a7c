import Foundation
import KFP
import KFPSpec
import Testing

/// Reading `@dsl.component(target_image=...)` functions from a module's source, as
/// `kfp component build --python` needs them, and the containerized component KFP makes of each.
@Suite("Python components: modules for kfp component build")
struct PythonModuleComponentsTests {
    static let module = """
        import os
        from kfp import dsl
        from kfp.dsl import Output, Dataset

        IMAGE = '127.0.0.1:5000/team/add:v1'
        BASE = "python:3.11"


        def helper(x):
            return x + 1


        @dsl.component(base_image=BASE, target_image=IMAGE, packages_to_install=['pandas==2.2.3'])
        def add(a: int, b: int = 2) -> int:
            return helper(a) + b - 1


        @some.other.decorator
        @dsl.component(
            base_image='python:3.11',  # a comment inside the call
            target_image=IMAGE,
            pip_index_urls=['https://pypi.example/simple'],
            output_component_file='writer.yaml',
        )
        def write(text: str, out: Output[Dataset]):
            with open(out.path, 'w') as f:
                f.write(text)


        @component
        def lightweight(x: str) -> str:
            return x


        def plain(y):
            return y
        """

    @Test("decorated functions are found with their arguments, in source order")
    func declarations() throws {
        let found = try PythonModuleComponents(source: Self.module, file: "components/math.py")
        #expect(found.declarations.map(\.functionName) == ["add", "write", "lightweight"])
        let add = found.declarations[0]
        #expect(add.line == 14)
        #expect(add.baseImage == "python:3.11")
        #expect(add.targetImage == "127.0.0.1:5000/team/add:v1")
        #expect(add.packagesToInstall == ["pandas==2.2.3"])
        #expect(add.outputComponentFile == nil)
        let write = found.declarations[1]
        #expect(write.pipIndexURLs == ["https://pypi.example/simple"])
        #expect(write.pipTrustedHosts == nil)
        #expect(write.outputComponentFile == "writer.yaml")
        let lightweight = found.declarations[2]
        #expect(lightweight.targetImage == nil)
        #expect(lightweight.baseImage == "python:3.11")
    }

    @Test("a containerized component runs kfp.dsl.executor_main in its target image, after a prelude of its packages only")
    func containerizedCommand() throws {
        let found = try PythonModuleComponents(source: Self.module, file: "components/math.py")
        let add = try #require(found.declarations[0].component.component.spec.deploymentSpec?.executors?["exec-add"]?.container)
        #expect(add.image == "127.0.0.1:5000/team/add:v1")
        #expect(add.args == ["--executor_input", "{{$}}", "--function_to_execute", "add"])
        #expect(
            add.command == [
                "sh", "-c",
                "\nif ! [ -x \"$(command -v pip)\" ]; then\n    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip\nfi\n\nPIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location 'pandas==2.2.3' && \"$0\" \"$@\"\n",
                "python3", "-m", "kfp.dsl.executor_main",
            ])
        let write = try #require(found.declarations[1].component.component.spec.deploymentSpec?.executors?["exec-write"]?.container)
        #expect(write.command == ["python3", "-m", "kfp.dsl.executor_main"])
        #expect(write.args == ["--executor_input", "{{$}}", "--function_to_execute", "write"])
        let inputs = found.declarations[0].component.component.inputDefinitions?.parameters
        #expect(inputs?.keys.sorted() == ["a", "b"])
        #expect(inputs?["b"]?.defaultValue == .double(2))
    }

    @Test("arguments that are not literals, and arguments the decorator lacks, are named with file and line", arguments: [
        ("@dsl.component(target_image=make_image())\ndef f(): pass\n",
         "m.py:1: error: 'target_image' of component 'f' must be a literal (it is not a literal); kfp component build reads the source without running it"),
        ("@dsl.component(target_image=IMAGE)\ndef f(): pass\n",
         "m.py:1: error: 'target_image' of component 'f' is the name 'IMAGE', which is not bound to a literal at the module's top level; kfp component build reads the source without running it"),
        ("IMAGE = os.environ['X']\n@dsl.component(target_image=IMAGE)\ndef f(): pass\n",
         "m.py:2: error: 'target_image' of component 'f' is the name 'IMAGE', which is not bound to a literal at the module's top level; kfp component build reads the source without running it"),
        ("@dsl.component(target_image=3)\ndef f(): pass\n",
         "m.py:1: error: 'target_image' of component 'f' must be a string, found an int"),
        ("@dsl.component(packages_to_install='pandas')\ndef f(): pass\n",
         "m.py:1: error: 'packages_to_install' of component 'f' must be a list of strings, found the string 'pandas'"),
        ("@dsl.component(target_imag='x')\ndef f(): pass\n",
         "m.py:1: error: '@dsl.component' has no argument 'target_imag' (function 'f')"),
        ("@dsl.component(additional_funcs=[g])\ndef f(): pass\n",
         "m.py:1: error: 'additional_funcs' of component 'f' is not supported by kfp component build"),
        ("@dsl.component('python:3.11')\ndef f(): pass\n",
         "m.py:1: error: '@dsl.component' of function 'f' takes keyword arguments only"),
        ("@dsl.component(target_image='x')\ndef f(a):\n    pass\n",
         "m.py:2: error: parameter 'a' of 'f' has no type annotation (source line 2)"),
        ("x = 'unterminated\n",
         "m.py:1: error: the Python source is not valid: unterminated string literal"),
    ])
    func refusals(source: String, message: String) {
        do {
            let found = try PythonModuleComponents(source: source, file: "m.py")
            Issue.record("expected an error, found \(found.declarations.map(\.functionName))")
        } catch {
            #expect(error.description == message)
        }
    }
}
