import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct SyntaxConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("x = [1,\n     2,  # comment inside brackets\n     3]\ny = {'a':\n     1}\nz = (1 +\n     2)\nprint(x, y, z)\n", "[1, 2, 3] {'a': 1} 3\n", ""),
        ConformanceCase("total = 1 + \\\n        2 + \\\n        3\nprint(total)  # trailing comment\n", "6\n", ""),
        ConformanceCase("a = 1; b = 2; print(a + b)\n", "3\n", ""),
        ConformanceCase("if True: print('one-liner')\nfor i in range(2): print(i)\nwhile False: pass\n", "one-liner\n0\n1\n", ""),
        ConformanceCase("def f(): return 'inline'\nclass K: pass\nprint(f(), K.__name__)\n", "inline K\n", ""),
        ConformanceCase("if True:\n\tprint('tab indented')\n", "tab indented\n", ""),
        ConformanceCase("def f():\n    \"\"\"Docstring\n    spanning lines.\"\"\"\n\n    # comment line\n\n    return 1\n\n\nprint(f())\n", "1\n", ""),
        ConformanceCase("print(1e3, 1E3, 1.5e+2, 2.5E-3, .5, 5., 0.0, 00, 0_0, 1_0.0_1)\n", "1000.0 1000.0 150.0 0.0025 0.5 5.0 0.0 0 0 10.01\n", ""),
        ConformanceCase("print(0xFF, 0XFF, 0o777, 0B11, 0x_ff)\n", "255 255 511 3 255\n", ""),
        ConformanceCase("print('\\a\\b\\f\\v'.encode() if False else len('\\a\\b\\f\\v'), '\\101\\x42\\u0043\\U00000044', '\\z' if False else 'ok', len('\\\n'))\n", "4 ABCD ok 0\n", ""),
        ConformanceCase("print(r'\\d+\\n', R'raw', rb'' if False else 'x', u'unicode', F'{1+1}', fR'{2}\\n', Rf'\\t{3}')\n", "\\d+\\n raw x unicode 2 2\\n \\t3\n", ""),
        ConformanceCase("print(\"\"\"a \"quoted\" word\"\"\", '''it's''', \"\"\"x\\\ny\"\"\")\n", "a \"quoted\" word it's xy\n", ""),
        ConformanceCase("print(f\"{'a' if True else 'b'}\", f\"{3:{'>'}{4}}\", f'{\"{\"}', f\"{{}}\", f\"{ 1 + 1 }\")\n", "a    3 { {} 2\n", ""),
        ConformanceCase("name = 'w'\nprint(f'hello {name}!', f'{name.upper()}', f\"{len(name) * 2}\", f'{[1, 2][0]}', f'{ {1: 2}[1] }')\n", "hello w! W 2 1 2\n", ""),
        ConformanceCase("items = [\n    1,\n    2,\n]\nd = dict(\n    a=1,\n    b=2,\n)\nprint(items, d)\n", "[1, 2] {'a': 1, 'b': 2}\n", ""),
        ConformanceCase("def f(\n    a,\n    b=2,\n):\n    return a + b\nprint(f(\n    1,\n))\n", "3\n", ""),
        ConformanceCase("x = 5\nprint(x if x > 3 else -x, not x, -x, +x, ~x, - -x)\n", "5 False -5 5 -6 5\n", ""),
        ConformanceCase("print(1 < 2 == 2 < 3, 1 < 3 > 2, (1 < 2) < 3, 1 == 1 in [True])\n", "True True True True\n", ""),
        ConformanceCase("print(not 1 == 2, not (1 == 2) and True, True or False and False, (True or False) and False)\n", "True True True False\n", ""),
        ConformanceCase("print(2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4, 2 ** 2 * 3, -2 ** 2, (-2) ** 2, 10 - 2 - 3, 100 / 10 / 5, 2 ** -1)\n", "10 14 20 12 -4 4 5 2.0 0.5\n", ""),
        ConformanceCase("print(1 | 2 ^ 3 & 4, 1 << 2 + 1, 7 & 3 | 8, 6 // 4 * 2)\n", "3 8 11 2\n", ""),
        ConformanceCase("x = [1, 2, 3]\nprint(x[0:2], x[:], x[::], x[1::], x[:: -1])\n", "[1, 2] [1, 2, 3] [1, 2, 3] [2, 3] [3, 2, 1]\n", ""),
        ConformanceCase("lam = lambda: 0\nprint(lam(), (lambda x, *a, k=1, **kw: (x, a, k, kw))(1, 2, k=3, z=4))\n", "0 (1, (2,), 3, {'z': 4})\n", ""),
        ConformanceCase("print([x for x in range(3)], (x for x in []).__class__.__name__ if False else 'gen', {x: x for x in 'ab'})\n", "[0, 1, 2] gen {'a': 'a', 'b': 'b'}\n", ""),
        ConformanceCase("print(*(1, 2), *[3], sep='|')\nprint([*range(3), *'ab'], {**{'a': 1}, **{'b': 2}}, (*[1], 2))\n", "1|2|3\n[0, 1, 2, 'a', 'b'] {'a': 1, 'b': 2} (1, 2)\n", ""),
        ConformanceCase("if (n := 10) > 5:\n    print('walrus', n)\n", "walrus 10\n", ""),
        ConformanceCase("x = 1 if False else 2 if False else 3\nprint(x)\n", "3\n", ""),
        ConformanceCase("print(type(...).__name__, ... is Ellipsis)\n", "ellipsis True\n", ""),
        ConformanceCase("assert True, 'never'\ndel_me = 1\ndel del_me\nprint('ok')\n", "ok\n", ""),
        ConformanceCase("import time as t, os\nfrom os import getpid as gp\nfrom time import (sleep,\n                  time)\nprint(t.__name__, os.__name__, callable(gp), callable(sleep))\n", "time os True True\n", ""),
        ConformanceCase("global_var = 1\ndef f():\n    global global_var, other\n    other = 2\n    global_var += 1\nf()\nprint(global_var, other)\n", "2 2\n", ""),
        ConformanceCase("class A(object):\n    pass\nclass B(A,):\n    pass\nprint(B.__mro__[1].__name__)\n", "A\n", ""),
        ConformanceCase("def deco(arg):\n    def d(fn):\n        fn.tag = arg\n        return fn\n    return d\n@deco('t1')\n@deco('t2')\ndef f():\n    pass\nprint(f.tag)\n", "t1\n", ""),
        ConformanceCase("x = 1 +\n", "", "SyntaxError: invalid syntax"),
        ConformanceCase("def f()\n    pass\n", "", "SyntaxError: expected ':'"),
        ConformanceCase("print('unclosed\n", "", "SyntaxError: unterminated string literal (detected at line 1)"),
        ConformanceCase("x = [1, 2\nprint(x)\n", "", "SyntaxError: '[' was never closed"),
        ConformanceCase("for x in range(3)\n    pass\n", "", "SyntaxError: expected ':'"),
        ConformanceCase("class:\n    pass\n", "", "SyntaxError: invalid syntax"),
        ConformanceCase("lambda x: (yield)\nprint(1 2)\n", "", "SyntaxError: invalid syntax. Perhaps you forgot a comma?"),
        ConformanceCase("def f(x, x):\n    pass\n", "", "SyntaxError: duplicate argument 'x' in function definition"),
        ConformanceCase("f(a=1, a=2)\n", "", "SyntaxError: keyword argument repeated: a"),
        ConformanceCase("f(a=1, 2)\n", "", "SyntaxError: positional argument follows keyword argument"),
        ConformanceCase("nonlocal x\n", "", "SyntaxError: nonlocal declaration not allowed at module level"),
        ConformanceCase("x += 1 = 2\n", "", "SyntaxError: invalid syntax"),
        ConformanceCase("(a, b) += 1\n", "", "SyntaxError: 'tuple' is an illegal expression for augmented assignment"),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
