/// The docstring and source-layout cases of ``PythonOracleTests``.
extension PythonOracleCases {
    static let docstrings: [Case] = [
        Case(
            id: "google_docstring",
            source: #"""
                def join(dataset_a: Input[Dataset], dataset_b: Input[Dataset], sep: str, out_dataset: Output[Dataset]) -> str:
                    """Concatenate dataset_a and dataset_b.

                    Also returns the concatenated string,
                    over two lines.

                    Args:
                        dataset_a: First dataset.
                        dataset_b (Input[Dataset]): Second dataset,
                            described on two lines.
                        sep (str, optional): The separator. Defaults to ''.
                        out_dataset: Not read: outputs come from Returns.

                    Returns:
                        out_dataset: The concatenated dataset.
                        Output: The concatenated string.

                    Raises:
                        ValueError: never.
                    """
                    return ''
                """#,
            function: "join"),
        Case(
            id: "returns_without_names",
            source: #"""
                def add(a: int, b: int) -> int:
                    """Adds.

                    Args:
                      a: first
                      b: second

                    Returns:
                      The sum.
                    """
                    return a + b
                """#,
            function: "add"),
        Case(
            id: "rest_docstring",
            source: #"""
                def add(a: int, b: int) -> int:
                    """Adds two numbers.

                    :param a: the first
                    :param int b: the second
                    :returns: the sum
                    """
                    return a + b
                """#,
            function: "add"),
        Case(
            id: "google_parse_error",
            source: #"""
                def add(a: int) -> int:
                    '''Adds one.

                    Args:
                        a: the number

                    Raises:
                        an error without a colon
                    '''
                    return a + 1
                """#,
            function: "add"),
        Case(
            id: "docstring_forms",
            source: "def f(a: int):\n    r'''Raw \\n docstring''' ' and more'\n    pass\n",
            function: "f"),
        Case(
            id: "attributes_section",
            source: #"""
                def f(a: int, b: str) -> str:
                    """
                    Starts on the second line.
                    Attributes:
                        a: from attributes
                    Args:
                        b: from args
                    Return:
                        Output: the output
                    """
                    return b
                """#,
            function: "f"),
    ]

    static let moreDocstrings: [Case] = [
        Case(
            id: "returns_word_replaced",
            source: #"""
                def f(a: int) -> int:
                    """Returns a value.

                    Args:
                        a:
                            on the next line
                        b (int): 

                    Returns
                    -------
                    Output: x
                    """
                    return a
                """#,
            function: "f"),
        Case(id: "empty_docstring", source: "def f(a: int):\n    \"\"\"\"\"\"\n    pass\n", function: "f"),
        Case(
            id: "title_first_and_example",
            source: #"""
                def f(a: int, b: int):
                    """Args:
                    	a: tabbed
                    Example:
                        f(1)
                    """
                """#,
            function: "f"),
        Case(
            id: "numbers_in_text",
            source: #"""
                def f(a: int):
                    """Short.
                      Indented long line.

                        Deeper.
                    Args:
                      a: first
                      a: second wins
                    """
                """#,
            function: "f"),
    ]

    static let layouts: [Case] = [
        Case(
            id: "nested_and_decorated",
            source: """
                def keep(**options):
                    return lambda function: function

                class Holder:
                    @staticmethod
                    @keep(
                        maxsize=None,
                    )
                    def step(text: str, count: int = 2) -> str:
                        # a leading comment

                        result = text * count   
                            
                        if count > 1:
                            pass
                            # comment inside, deeper
                        # comment at body level
                    # comment at def level
                        return result
                    # after, at def level

                    def sibling(self):
                        pass

                step = Holder.step
                """,
            function: "step"),
        Case(
            id: "tabs_and_crlf",
            source: "def tabbed(a: int,\r\n\t\tb: int) -> int:\r\n\t'''Tab body.'''\r\n\tx = '''multi\r\n  line'''\r\n\treturn a + b\r\n",
            function: "tabbed"),
        Case(
            id: "one_body_line_then_eof",
            source: "def last(x: str) -> str:\n    return x",
            function: "last"),
        Case(
            id: "inside_if_with_strings",
            source: #"""
                TEMPLATE = """
                def fake(x: int):
                    pass
                """

                if True:
                    def real(x: int) -> str:
                        a = 1
                # a column-0 comment inside the body
                        return """
                text at column 0
                    """  # trailing


                        # deeper comment after the last statement

                    print("outside")
                """#,
            function: "real"),
        Case(
            id: "top_level_with_column_zero_lines",
            source: #"""
                def real(x: int) -> str:
                    a = 1
                # a column-0 comment inside the body
                    return """
                text at column 0
                    """  # trailing


                        # deeper comment after the last statement

                print("outside")
                """#,
            function: "real"),
        Case(id: "underscored_name", source: "def _my__func_(x: str):\n    pass\n", function: "_my__func_"),
        Case(
            id: "continuation_lines",
            source: "def f(a: int = \\\n        3, b: str = 'x') \\\n        -> int:\n    return a + \\\n        1\n",
            function: "f"),
    ]
}
