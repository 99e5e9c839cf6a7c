/// The function sources ``PythonOracleTests`` compiles with KFP and with ``PythonComponent``.
enum PythonOracleCases {
    typealias Case = PythonOracleTests.Case

    static var all: [Case] { signatures + artifacts + docstrings + moreDocstrings + layouts + options + refusals }

    static let signatures: [Case] = [
        Case(
            id: "multiline_defaults",
            source: #"""
                import os

                def train(
                    data_path: str,  # where the data is, e.g. 'gs://x,y'
                    sizes: List[int] = [1, (2), 3],
                    names: Dict[str, str] = {"a": "b, c", 'd)': "def x(y):"},
                    rate: float = -1.5e-3,
                    steps: int = 0x10,
                    big: int = 1_000_000,
                    flag: bool = True,
                    note: str = 'it''s ' "fine\t(really)\\",
                    raw: str = r'C:\new\table',
                    maybe: Optional[str] = None,
                    unioned: Union[int, None] = None,
                    bare: Optional[int] = None,
                    *,
                    keyword_only: str = "def f(",
                ) -> NamedTuple('Outputs', [('accuracy', float), ('model', Model), ('report', Dict[str, int])]):
                    """Trains a model."""
                    text = "def not_a_function(x):"
                    return (0.5, None, {})

                def other():
                    pass
                """#,
            function: "train"),
        Case(
            id: "namedtuple_keywords",
            source: """
                def split(n: int) -> typing.NamedTuple('Out', first=int, rest=List[int], data=Dataset, meta=dict):
                    return (1, [], None, {})
                """,
            function: "split"),
        Case(
            id: "simple_returns",
            source: """
                def a() -> None:
                    pass

                def b(x: list, y: dict, z: typing.List[str], w: list[int], v: dict[str, float]) -> List[Dict[str, int]]:
                    return []

                def c() -> dsl.Dataset:
                    pass
                """,
            function: "b"),
        Case(id: "returns_artifact", source: "def c(x: bool = 1, y: float = 3, z: int = True) -> Model:\n    pass\n", function: "c"),
        Case(
            id: "task_final_status",
            source: """
                def exit_op(status: dsl.PipelineTaskFinalStatus, message: str = 'done', config: TaskConfig = None):
                    print(status.state)
                """,
            function: "exit_op"),
        Case(
            id: "nested_defaults",
            source: "def f(a: List[List[int]] = [[1, 2], [3]], b: Dict = {'k': [True, 'x', 2.5, {'n': -1}]}, c: list = None):\n    pass\n",
            function: "f"),
    ]

    static let artifacts: [Case] = [
        Case(
            id: "artifacts",
            source: """
                from kfp.dsl import Input, Output, Dataset, Model, Artifact, Metrics, ClassificationMetrics, HTML, Markdown

                def evaluate(
                    data: Input[Dataset],
                    model: dsl.Input[dsl.Model],
                    extra: Input[List[Dataset]] = None,
                    optional_model: Optional[Input[Artifact]] = None,
                    pythonic: Dataset = None,
                    listed: List[Model] = None,
                    csv: InputPath('CSV') = None,
                    text_path: InputPath(str) = 'x',
                    metrics: Output[Metrics] = None,
                    cm: Output[ClassificationMetrics] = None,
                    page: Output[HTML] = None,
                    notes: Output[Markdown] = None,
                    out_csv: OutputPath('CSV') = None,
                    out_model: OutputPath('Model') = None,
                    out_count: OutputPath(int) = None,
                    out_list: OutputPath(List[str]) = None,
                    out_any: dsl.OutputPath() = None,
                    out_integer: OutputPath('Integer') = None,
                    out_output: Output[str] = None,
                ) -> str:
                    return ''
                """,
            function: "evaluate"),
        Case(
            id: "output_name_collision",
            source: "def f(x: OutputPath(int), Output_2: OutputPath(str)) -> NamedTuple('O', [('x', int), ('Output', str)]):\n    pass\n",
            function: "f"),
    ]

    static let options: [Case] = [
        Case(
            id: "packages_and_indexes",
            source: "def f(x: int):\n    import pandas\n",
            function: "f",
            options: .init(
                base_image: "python:3.12-slim", packages_to_install: ["pandas==2.2.0", "scikit-learn>=1.4; python_version>'3.8'"],
                pip_index_urls: ["https://pypi.org/simple", "https://extra.example/simple"])),
        Case(
            id: "venv_and_trusted_hosts",
            source: "def f(x: int):\n    pass\n",
            function: "f",
            options: .init(packages_to_install: ["it's"], pip_index_urls: ["https://a/simple"], pip_trusted_hosts: [], use_venv: true)),
        Case(
            id: "no_kfp_install",
            source: "def f(x: int):\n    pass\n", function: "f",
            options: .init(packages_to_install: ["numpy"], install_kfp_package: false)),
        Case(
            id: "nothing_to_install", source: "def f(x: int):\n    pass\n", function: "f",
            options: .init(packages_to_install: [], install_kfp_package: false)),
        Case(
            id: "kfp_in_packages", source: "def f(x: int):\n    pass\n", function: "f",
            options: .init(packages_to_install: ["kfp[kubernetes]==2.17.3"], pip_trusted_hosts: ["h"])),
        Case(
            id: "kfp_package_path", source: "def f(x: int):\n    pass\n", function: "f",
            options: .init(kfp_package_path: "git+https://github.com/kubeflow/pipelines.git@refs/pull/1/head#subdirectory=sdk/python")),
        Case(
            id: "kfp_package_path_plain", source: "def f(x: int):\n    pass\n", function: "f",
            options: .init(kfp_package_path: "kfp==2.16.0", use_venv: true)),
    ]

    static let refusals: [Case] = [
        Case(id: "any_annotation", source: "def f(x: Any):\n    pass\n", function: "f"),
        Case(id: "missing_annotation", source: "def f(x, y: int):\n    pass\n", function: "f"),
        Case(id: "tuple_default", source: "def f(x: list = (1, 2)):\n    pass\n", function: "f"),
        Case(id: "string_for_int", source: "def f(x: int = 'a'):\n    pass\n", function: "f"),
        Case(id: "int_for_string", source: "def f(x: str = 5):\n    pass\n", function: "f"),
        Case(id: "artifact_default", source: "def f(x: Input[Dataset] = 'uri'):\n    pass\n", function: "f"),
        Case(id: "output_parameter_name", source: "def f(Output: int):\n    pass\n", function: "f"),
        Case(id: "output_artifact_list", source: "def f() -> List[Dataset]:\n    pass\n", function: "f"),
        Case(id: "union_first_none", source: "def f(x: Union[None, int] = None):\n    pass\n", function: "f"),
        Case(id: "pep604_union", source: "def f(x: int | None = None):\n    pass\n", function: "f"),
        Case(id: "json_object_path", source: "def f(x: OutputPath('JsonObject')):\n    pass\n", function: "f"),
        Case(id: "string_annotation", source: "def f(x: 'str'):\n    pass\n", function: "f"),
        Case(id: "none_in_struct", source: "def f(x: dict = {'a': None}):\n    pass\n", function: "f"),
        Case(id: "optional_return_field", source: "def f() -> NamedTuple('O', [('a', Optional[str])]):\n    pass\n", function: "f"),
        Case(id: "sequence", source: "def f(x: Sequence[int]):\n    pass\n", function: "f"),
    ]
}
