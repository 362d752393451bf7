import Testing
import Script

/// Exact stderr text for uncaught exceptions and syntax errors.
@Suite struct TracebackTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let stderr: String
        var testDescription: String { String(source.prefix(40)) }
    }

    static let cases: [Case] = [
        Case(source: "print(x)\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 1, in <module>
            print(x)
        NameError: name 'x' is not defined

        """),
        Case(source: "def f(a):\n    return g(a)\n\ndef g(b):\n    return b / 0\n\nf(1)\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 7, in <module>
            f(1)
          File "script.py", line 2, in f
            return g(a)
          File "script.py", line 5, in g
            return b / 0
        ZeroDivisionError: division by zero

        """),
        Case(source: "def f(a, b):\n    pass\nf(1, 2, 3)\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 3, in <module>
            f(1, 2, 3)
        TypeError: f() takes 2 positional arguments but 3 were given

        """),
        Case(source: "class A:\n    def m(self, x):\n        return x\nA().m()\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 4, in <module>
            A().m()
        TypeError: A.m() missing 1 required positional argument: 'x'

        """),
        Case(source: "try:\n    1/0\nexcept ZeroDivisionError as e:\n    raise ValueError('v') from e\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 2, in <module>
            1/0
        ZeroDivisionError: division by zero

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "script.py", line 4, in <module>
            raise ValueError('v') from e
        ValueError: v

        """),
        Case(source: "try:\n    {}['k']\nexcept KeyError:\n    raise RuntimeError('wrapped')\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 2, in <module>
            {}['k']
        KeyError: 'k'

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "script.py", line 4, in <module>
            raise RuntimeError('wrapped')
        RuntimeError: wrapped

        """),
        Case(source: "class MyError(Exception):\n    pass\nraise MyError\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 3, in <module>
            raise MyError
        MyError

        """),
        Case(source: "x = 2 ** 62\ny = x * 4\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 2, in <module>
            y = x * 4
        OverflowError: integer result does not fit in 64 bits (big integers are not supported)

        """),
        Case(source: "n = 123456789012345678901234567890\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 1, in <module>
            n = 123456789012345678901234567890
        OverflowError: integer literal 123456789012345678901234567890 does not fit in 64 bits (big integers are not supported)

        """),
        Case(source: "import numpy as np\n", stderr: """
        Traceback (most recent call last):
          File "script.py", line 1, in <module>
            import numpy as np
        ModuleNotFoundError: No module named 'numpy'

        """),
        Case(source: "def f(n):\n    return f(n + 1)\nf(0)\n", stderr: ""),
        // Syntax errors: no "Traceback" header, caret under the column.
        Case(source: "x = (1,\ny = 2\n", stderr: """
          File "script.py", line 1
            x = (1,
                ^
        SyntaxError: '(' was never closed

        """),
        Case(source: "if True:\nprint(1)\n", stderr: """
          File "script.py", line 2
            print(1)
            ^
        IndentationError: expected an indented block after 'if' statement on line 1

        """),
        Case(source: "x = 1 +* 2\n", stderr: """
          File "script.py", line 1
            x = 1 +* 2
                   ^
        SyntaxError: invalid syntax

        """),
        Case(source: "s = 'abc\n", stderr: """
          File "script.py", line 1
            s = 'abc
                ^
        SyntaxError: unterminated string literal (detected at line 1)

        """),
        Case(source: "s = '''abc\n\n", stderr: """
          File "script.py", line 1
            s = '''abc
                ^
        SyntaxError: unterminated triple-quoted string literal (detected at line 2)

        """),
        Case(source: "if x:\n        a = 1\n    b = 2\n", stderr: """
          File "script.py", line 3
            b = 2
            ^
        IndentationError: unindent does not match any outer indentation level

        """),
        Case(source: "  x = 1\n", stderr: """
          File "script.py", line 1
            x = 1
            ^
        IndentationError: unexpected indent

        """),
        Case(source: "f() = 3\n", stderr: """
          File "script.py", line 1
            f() = 3
            ^
        SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?

        """),
        Case(source: "def f():\n    pass\nreturn 5\n", stderr: """
          File "script.py", line 3
            return 5
            ^
        SyntaxError: 'return' outside function

        """),
        Case(source: "for x in y:\n    pass\nbreak\n", stderr: """
          File "script.py", line 3
            break
            ^
        SyntaxError: 'break' outside loop

        """),
        Case(source: "print(1))\n", stderr: """
          File "script.py", line 1
            print(1))
                    ^
        SyntaxError: unmatched ')'

        """),
        Case(source: "x = [1, 2}\n", stderr: """
          File "script.py", line 1
            x = [1, 2}
                     ^
        SyntaxError: closing parenthesis '}' does not match opening parenthesis '['

        """),
        Case(source: "def f(a=1, b):\n    pass\n", stderr: """
          File "script.py", line 1
            def f(a=1, b):
                       ^
        SyntaxError: parameter without a default follows parameter with a default

        """),
        Case(source: "x = 5 $ 3\n", stderr: """
          File "script.py", line 1
            x = 5 $ 3
                  ^
        SyntaxError: invalid character '$' (U+24)

        """),
        Case(source: "while True\n    pass\n", stderr: """
          File "script.py", line 1
            while True
                      ^
        SyntaxError: expected ':'

        """),
    ]

    @Test(arguments: cases)
    func stderrMatches(_ c: Case) {
        let r = runScript(c.source)
        if c.stderr.isEmpty {
            // Deep recursion becomes a RecursionError, never a crash.
            #expect(lastErrorLine(r) == "RecursionError: maximum recursion depth exceeded")
        } else {
            #expect(r.stderr == c.stderr)
        }
        #expect(r.status == 1)
    }

    @Test func sysExitStatus() {
        #expect(runScript("import sys\nsys.exit(3)\n").status == 3)
        #expect(runScript("import sys\nsys.exit()\n").status == 0)
        let r = runScript("import sys\nsys.exit('bye')\n")
        #expect(r.status == 1)
        #expect(r.stderr == "bye\n")
    }

    @Test func successfulRunIsStatusZero() {
        let r = runScript("print('ok')\n")
        #expect(r.status == 0)
        #expect(r.stdout == "ok\n")
    }
}
