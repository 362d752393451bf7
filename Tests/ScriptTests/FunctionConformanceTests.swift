import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct FunctionConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("def f(a, b=2, *args, c=3, **kw):\n    return (a, b, args, c, kw)\nprint(f(1))\nprint(f(1, 5, 6, 7, c=0, d=9))\nprint(f(*[1, 2], **{'c': 4, 'z': 1}))\n", "(1, 2, (), 3, {})\n(1, 5, (6, 7), 0, {'d': 9})\n(1, 2, (), 4, {'z': 1})\n", ""),
        ConformanceCase("def f(a, b):\n    return a - b\nprint(f(b=1, a=5), f(5, b=1))\n", "4 4\n", ""),
        ConformanceCase("def f(a, b):\n    pass\nf(1, 2, 3)\n", "", "TypeError: f() takes 2 positional arguments but 3 were given"),
        ConformanceCase("def f(a, b):\n    pass\nf(1)\n", "", "TypeError: f() missing 1 required positional argument: 'b'"),
        ConformanceCase("def f(a, b, c):\n    pass\nf()\n", "", "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'"),
        ConformanceCase("def f(a):\n    pass\nf(1, a=2)\n", "", "TypeError: f() got multiple values for argument 'a'"),
        ConformanceCase("def f(a):\n    pass\nf(b=2)\n", "", "TypeError: f() got an unexpected keyword argument 'b'"),
        ConformanceCase("def f():\n    pass\nf(1)\n", "", "TypeError: f() takes 0 positional arguments but 1 was given"),
        ConformanceCase("def f(a, b=1):\n    pass\nf(1, 2, 3)\n", "", "TypeError: f() takes from 1 to 2 positional arguments but 3 were given"),
        ConformanceCase("def f(*, k):\n    pass\nf()\n", "", "TypeError: f() missing 1 required keyword-only argument: 'k'"),
        ConformanceCase("def make_counter():\n    count = 0\n    def inc():\n        nonlocal count\n        count += 1\n        return count\n    return inc\nc = make_counter()\nc(); c()\nprint(c())\n", "3\n", ""),
        ConformanceCase("x = 10\ndef g():\n    global x\n    x = 20\ng()\nprint(x)\n", "20\n", ""),
        ConformanceCase("x = 1\ndef f():\n    print(x)\n    x = 2\nf()\n", "", "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"),
        ConformanceCase("def outer():\n    v = 'outer'\n    def inner():\n        return v\n    v = 'changed'\n    return inner()\nprint(outer())\n", "changed\n", ""),
        ConformanceCase("fns = [lambda: i for i in range(3)]\nprint([fn() for fn in fns])\nfns = [lambda i=i: i for i in range(3)]\nprint([fn() for fn in fns])\n", "[2, 2, 2]\n[0, 1, 2]\n", ""),
        ConformanceCase("x = 'global'\ndef f():\n    x = 'local'\n    return [x for _ in range(2)]\nprint(f())\n", "['local', 'local']\n", ""),
        ConformanceCase("i = 'kept'\nl = [i for i in range(3)]\nprint(i)\n", "kept\n", ""),
        ConformanceCase("def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(10), fact(20))\n", "3628800 2432902008176640000\n", ""),
        ConformanceCase("def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\nprint([fib(i) for i in range(10)])\n", "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]\n", ""),
        ConformanceCase("def deco(fn):\n    def wrapper(*a, **k):\n        print('before', fn.__name__)\n        r = fn(*a, **k)\n        print('after')\n        return r\n    return wrapper\n@deco\ndef hello(name):\n    print('hi', name)\n    return 42\nprint(hello('bob'))\n", "before hello\nhi bob\nafter\n42\n", ""),
        ConformanceCase("def repeat(n):\n    def deco(fn):\n        def w(*a):\n            return [fn(*a) for _ in range(n)]\n        return w\n    return deco\n@repeat(3)\ndef one():\n    return 1\nprint(one())\n", "[1, 1, 1]\n", ""),
        ConformanceCase("def f():\n    \"\"\"Docstring here.\"\"\"\n    return 1\nprint(f.__doc__, f.__name__)\n", "Docstring here. f\n", ""),
        ConformanceCase("add = lambda x, y=1: x + y\nprint(add(1), add(1, 2), (lambda *a: len(a))(1, 2, 3), sorted([3, 1], key=lambda v: v))\n", "2 3 3 [1, 3]\n", ""),
        ConformanceCase("for i in range(3):\n    if i == 5:\n        break\nelse:\n    print('no break')\nfor i in range(3):\n    if i == 1:\n        break\nelse:\n    print('never')\nprint(i)\n", "no break\n1\n", ""),
        ConformanceCase("n = 0\nwhile n < 5:\n    n += 1\n    if n == 2:\n        continue\n    if n == 4:\n        break\n    print(n)\nelse:\n    print('no')\n", "1\n3\n", ""),
        ConformanceCase("n = 3\nwhile n:\n    n -= 1\nelse:\n    print('while else', n)\n", "while else 0\n", ""),
        ConformanceCase("for i in range(2):\n    for j in range(3):\n        if j == 1:\n            break\n        print(i, j)\n", "0 0\n1 0\n", ""),
        ConformanceCase("x = 5\nif x > 10:\n    print('big')\nelif x > 3:\n    print('medium')\nelse:\n    print('small')\n", "medium\n", ""),
        ConformanceCase("def f(x):\n    if x:\n        return 'yes'\nprint(f(0), f(1))\n", "None yes\n", ""),
        ConformanceCase("def gen_args(*args, **kwargs):\n    print(args, kwargs)\ngen_args()\ngen_args(1, x=2)\n", "() {}\n(1,) {'x': 2}\n", ""),
        ConformanceCase("def f(a, /, b):\n    return a + b\nprint(f(1, b=2))\n", "3\n", ""),
        ConformanceCase("def f(x: int, y: 'str' = 'a') -> str:\n    return str(x) + y\nz: int = 3\nw: list\nprint(f(z), f(1, 'b'))\n", "3a 1b\n", ""),
        ConformanceCase("def f():\n    return 1, 2\na, b = f()\nprint(a, b, f())\n", "1 2 (1, 2)\n", ""),
        ConformanceCase("def counter():\n    counter.calls += 1\ncounter.calls = 0\ncounter(); counter()\nprint(counter.calls)\n", "2\n", ""),
        ConformanceCase("print(undefined_name)\n", "", "NameError: name 'undefined_name' is not defined"),
        ConformanceCase("def f():\n    return g()\ndef g():\n    return h\nf()\n", "", "NameError: name 'h' is not defined"),
        ConformanceCase("def f(n):\n    return f(n + 1)\nf(0)\n", "", "RecursionError: maximum recursion depth exceeded"),
        ConformanceCase("if __name__ == \"__main__\":\n    print(\"main!\")\n", "main!\n", ""),
        ConformanceCase("def outer():\n    x = 1\n    def mid():\n        def inner():\n            nonlocal x\n            x += 10\n        inner()\n    mid()\n    return x\nprint(outer())\n", "11\n", ""),
        ConformanceCase("total = 0\ndef add(n):\n    global total\n    total += n\nfor k in range(4):\n    add(k)\nprint(total)\n", "6\n", ""),
        ConformanceCase("print((lambda: (yield))) if False else print('skip')\n", "skip\n", ""),
        ConformanceCase("x = 0\ndef f():\n    x += 1\nf()\n", "", "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"),
        ConformanceCase("def f(**kw):\n    return sorted(kw.items())\nprint(f(b=1, a=2))\n", "[('a', 2), ('b', 1)]\n", ""),
        ConformanceCase("def f(a, b):\n    return a * b\nargs = (2, 3)\nprint(f(*args), f(*'ab'[:1], 4))\n", "6 aaaa\n", ""),
        ConformanceCase("print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))\n", "[3, 8]\n", ""),
        ConformanceCase("print(callable(len), callable(1), callable(lambda: 0))\n", "True False True\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
