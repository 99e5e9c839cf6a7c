import KFP
import KFPSpec
import Testing

/// How ``PythonComponent`` cuts out the function, reads its docstring and shapes the command, as
/// KFP 2.17.3 does.
@Suite("Python components: sources, docstrings and commands")
struct PythonSourceTests {
    @Test("a Google docstring describes the component, its inputs and its outputs")
    func googleDocstring() throws {
        let source = #"""
            def join(a: Input[Dataset], sep: str, out: Output[Dataset]) -> str:
                """Concatenate datasets.

                Also returns the text,
                over two lines.

                Args:
                    a (Input[Dataset]): First dataset,
                        on two lines.
                    sep: The separator.
                    out: Ignored: outputs come from Returns.

                Returns:
                    out: The dataset.
                    Output: The text.
                """
                return ''
            """#
        let join = try PythonComponent(source: source, function: "join")
        #expect(join.description == "Concatenate datasets.\nAlso returns the text,\nover two lines.")
        #expect(join.component.spec.pipelineInfo.description == nil)
        let (spec, _) = try leafOf(join)
        #expect(spec.inputDefinitions?.artifacts?["a"]?.description == "First dataset,\non two lines.")
        #expect(spec.inputDefinitions?.parameters?["sep"]?.description == "The separator.")
        #expect(spec.outputDefinitions?.artifacts?["out"]?.description == "The dataset.")
        #expect(spec.outputDefinitions?.parameters?["Output"]?.description == "The text.")
    }

    @Test("a docstring without sections, and one Google style cannot read, are plain descriptions")
    func plainDocstrings() throws {
        let single = try PythonComponent(source: "def f():\n    '''Flip a coin.'''\n", function: "f")
        #expect(single.description == "Flip a coin.")
        let broken = try PythonComponent(
            source: "def f(a: int):\n    \"\"\"Adds one.\n\n    Args:\n        a: the number\n\n    Raises:\n        no colon here\n    \"\"\"\n",
            function: "f")
        #expect(broken.description == "Adds one.\nArgs:\n    a: the number\n\nRaises:\n    no colon here")
        #expect(try leafOf(broken).spec.inputDefinitions?.parameters?["a"]?.description == nil)
    }

    @Test("a nested, decorated function is cut out and dedented as inspect.getsource and KFP do")
    func nestedFunction() throws {
        let source = """
            class Holder:
                @staticmethod
                @keep(
                    size=1,
                )
                def step(text: str) -> str:
                    # leading comment

                    result = text * 2\("   ")
            \("        ")
                    # body comment
                    return result
                # def-level comment, outside
                def other(self):
                    pass
            """
        let step = try PythonComponent(source: source, function: "step")
        #expect(
            step.functionSource
                == "def step(text: str) -> str:\n    # leading comment\n\n    result = text * 2   \n\n    # body comment\n    return result\n")
    }

    @Test("line ends are normalized and a missing last line end is added")
    func lineEnds() throws {
        let crlf = try PythonComponent(source: "def f(a: int) -> int:\r\n    return a", function: "f")
        #expect(crlf.functionSource == "def f(a: int) -> int:\n    return a\n")
    }

    @Test("install options shape the prelude as KFP does")
    func installOptions() throws {
        let source = "def f():\n    pass\n"
        let none = try PythonComponent(source: source, function: "f", installKFPPackage: false)
        #expect(try leafOf(none).container.command?.first == "sh")
        #expect(try leafOf(none).container.command?[1] == "-ec")

        let packages = try PythonComponent(
            source: source, function: "f", baseImage: "python:3.12", packagesToInstall: ["pandas==2.2.0", "it's"],
            pipIndexURLs: ["https://a/simple", "https://b/simple"], useVenv: true)
        #expect(try leafOf(packages).container.image == "python:3.12")
        #expect(
            try leafOf(packages).container.command?[2]
                == #"""

                if ! [ -x "$(command -v pip)" ]; then
                    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip
                fi

                PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location --index-url https://a/simple --extra-index-url https://b/simple --trusted-host https://a/simple --trusted-host https://b/simple 'pandas==2.2.0' "it's"  &&  
                export PIP_DISABLE_PIP_VERSION_CHECK=1
                tmp=$(mktemp -d)
                python3 -m venv "$tmp/venv" --system-site-packages
                . "$tmp/venv/bin/activate"
                 python3 -m pip install --quiet --no-warn-script-location --index-url https://a/simple --extra-index-url https://b/simple --trusted-host https://a/simple --trusted-host https://b/simple 'kfp==2.17.3' '--no-deps' 'typing-extensions>=3.7.4,<5; python_version<"3.9"' && "$0" "$@"

                """#)

        let trusted = try PythonComponent(
            source: source, function: "f", packagesToInstall: ["kfp-kubernetes"], pipIndexURLs: ["u"], pipTrustedHosts: ["h"])
        #expect(
            try leafOf(trusted).container.command?[2].contains(
                "PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location --index-url u --trusted-host h 'kfp-kubernetes' && \"$0\" \"$@\"\n")
                == true)

        let path = try PythonComponent(source: source, function: "f", pipTrustedHosts: [], kfpPackagePath: "kfp==2.16.0")
        #expect(try leafOf(path).container.command?[2].contains("--no-warn-script-location 'kfp==2.16.0' && ") == true)
    }
}
