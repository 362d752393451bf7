import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct ExtraConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("d = {'a': {'b': [1, 2]}}\nd['a']['b'][0] += 10\nd['a']['c'] = d['a'].get('c', 0) + 1\nprint(d)\n", "{'a': {'b': [11, 2], 'c': 1}}\n", ""),
        ConformanceCase("a = b = []\na.append(1)\nx, y = y, x = 1, 2\nprint(a, b, x, y)\n", "[1] [1] 2 1\n", ""),
        ConformanceCase("l = [5, 3, 5, 1]\nl[l.index(5)] = 0\nprint(l, l.count(5), sorted(l, key=lambda v: -v))\n", "[0, 3, 5, 1] 1 [5, 3, 1, 0]\n", ""),
        ConformanceCase("print(repr('é\\u200b\\U0001F600'), repr('\\x00\\x1f\\x7f\\xa0'), 'tab\\t'.expandtabs() if False else repr('a\\tb'))\n", "'é\\u200b😀' '\\x00\\x1f\\x7f\\xa0' 'a\\tb'\n", ""),
        ConformanceCase("print(str(b'') if False else 'bytes-skip', repr(\"'\"), repr('\"'), repr('\\'\"'), repr('\\\\'))\n", "bytes-skip \"'\" '\"' '\\'\"' '\\\\'\n", ""),
        ConformanceCase("print(max(1, 2, key=lambda v: -v), min('b', 'a', 'c'), max([(1, 'b'), (1, 'a')]), max([], default=None))\n", "1 a (1, 'b') None\n", ""),
        ConformanceCase("print(list(enumerate('xy', start=10)), [(i, j) for i, j in zip(range(3), range(10, 13))])\n", "[(10, 'x'), (11, 'y')] [(0, 10), (1, 11), (2, 12)]\n", ""),
        ConformanceCase("s = 'The quick brown fox'\nwords = s.lower().split()\nprint(sorted(words, key=lambda w: (len(w), w)), {w[0]: w for w in words}, ' '.join(w.capitalize() for w in words))\n", "['fox', 'the', 'brown', 'quick'] {'t': 'the', 'q': 'quick', 'b': 'brown', 'f': 'fox'} The Quick Brown Fox\n", ""),
        ConformanceCase("def f(n):\n    return [i for i in range(n) if all(i % p for p in range(2, i))]\nprint(f(20))\n", "[0, 1, 2, 3, 5, 7, 11, 13, 17, 19]\n", ""),
        ConformanceCase("print([x for x in range(20) if x % 2 if x % 3], [y for x in [[1, 2], [3]] for y in x])\n", "[1, 5, 7, 11, 13, 17, 19] [1, 2, 3]\n", ""),
        ConformanceCase("print({i: [j for j in range(i)] for i in range(3)}, [[i * j for j in range(3)] for i in range(3)])\n", "{0: [], 1: [0], 2: [0, 1]} [[0, 0, 0], [0, 1, 2], [0, 2, 4]]\n", ""),
        ConformanceCase("import functools if False else None\n", "", "SyntaxError: invalid syntax"),
        ConformanceCase("print(int('0b101', 2) if False else int('101', 2), int('z', 36), int('-0x1f', 16))\n", "5 35 -31\n", ""),
        ConformanceCase("print('%s' % None, '%d%%' % 50, '%5.1f' % -2.25, '%-6.2f|' % 1.0, '%+.3d' % 7, '%#x' % 255, '%#o' % 8)\n", "None 50%  -2.2 1.00  | +007 0xff 0o10\n", ""),
        ConformanceCase("print('{:+d} {: d} {:,.3f} {:_x} {:#b}'.format(5, 5, 1234.5678, 255, 5))\n", "+5  5 1,234.568 ff 0b101\n", ""),
        ConformanceCase("print('{:10.3}|{:<10.3}|'.format('abcdef', 3.14159), '{:%}'.format(0.5), '{:e}'.format(0))\n", "abc       |3.14      | 50.000000% 0.000000e+00\n", ""),
        ConformanceCase("print(f'{\"left\":<10}|{\"right\":>10}|{\"mid\":^10}|', f'{42:#06x}', f'{-42:06}', f'{3.0:+g}')\n", "left      |     right|   mid    | 0x002a -00042 +3\n", ""),
        ConformanceCase("print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, float('inf') > 1e308, float('nan') == float('nan'))\n", "True False True True False\n", ""),
        ConformanceCase("print(7 / 2, 7 // 2, -7 / 2, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5, 10 / 3 * 3)\n", "3.5 3 -3.5 2.0 2.0000000000000004 10.0\n", ""),
        ConformanceCase("class A:\n    def __init__(self):\n        self.v = 1\n    def __repr__(self):\n        return f'A(v={self.v})'\nobjs = [A() for _ in range(2)]\nobjs[1].v = 5\nprint(objs, max(objs, key=lambda o: o.v), sorted(objs, key=lambda o: -o.v))\n", "[A(v=1), A(v=5)] A(v=5) [A(v=5), A(v=1)]\n", ""),
        ConformanceCase("class Counter:\n    def __init__(self):\n        self.counts = {}\n    def add(self, k):\n        self.counts[k] = self.counts.get(k, 0) + 1\n        return self\n    def most_common(self):\n        return sorted(self.counts.items(), key=lambda kv: -kv[1])\nc = Counter()\nfor ch in 'abracadabra':\n    c.add(ch)\nprint(c.most_common()[:3])\n", "[('a', 5), ('b', 2), ('r', 2)]\n", ""),
        ConformanceCase("def make_multipliers():\n    return [lambda x, i=i: x * i for i in range(4)]\nprint([m(2) for m in make_multipliers()])\n", "[0, 2, 4, 6]\n", ""),
        ConformanceCase("def compose(*fns):\n    def composed(x):\n        for fn in reversed(fns):\n            x = fn(x)\n        return x\n    return composed\ninc = lambda x: x + 1\ndbl = lambda x: x * 2\nprint(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))\n", "11 12 7\n", ""),
        ConformanceCase("def memo(fn):\n    cache = {}\n    def wrapper(n):\n        if n not in cache:\n            cache[n] = fn(n)\n        return cache[n]\n    return wrapper\n@memo\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(80))\n", "23416728348467685\n", ""),
        ConformanceCase("stack = []\nfor tok in '3 4 + 2 *'.split():\n    if tok.isdigit():\n        stack.append(int(tok))\n    else:\n        b, a = stack.pop(), stack.pop()\n        stack.append(a + b if tok == '+' else a * b)\nprint(stack)\n", "[14]\n", ""),
        ConformanceCase("grid = [[0] * 3 for _ in range(2)]\ngrid[0][1] = 5\nprint(grid, len(grid), len(grid[0]), sum(map(sum, grid)))\n", "[[0, 5, 0], [0, 0, 0]] 2 3 5\n", ""),
        ConformanceCase("text = 'a=1;b=2;c=3'\ncfg = dict(pair.split('=') for pair in text.split(';'))\nprint(cfg, {k: int(v) for k, v in cfg.items()})\n", "{'a': '1', 'b': '2', 'c': '3'} {'a': 1, 'b': 2, 'c': 3}\n", ""),
        ConformanceCase("print(sorted(set('mississippi')), ''.join(sorted(set('mississippi'))), len(set('mississippi')))\n", "['i', 'm', 'p', 's'] imps 4\n", ""),
        ConformanceCase("print(list(range(10))[::3], list(range(10))[1::3], tuple(range(5))[::-2], 'abcdefgh'[-3::-2])\n", "[0, 3, 6, 9] [1, 4, 7] (4, 2, 0) fdb\n", ""),
        ConformanceCase("print(any(c.isupper() for c in 'abC'), all(c.isalpha() for c in 'ab1'), sum(c.isdigit() for c in 'a1b22'))\n", "True False 3\n", ""),
        ConformanceCase("try:\n    print([1, 2, 3][1:2:0])\nexcept ValueError as e:\n    print('ValueError:', e)\n", "ValueError: slice step cannot be zero\n", ""),
        ConformanceCase("x = 10\ndef f():\n    def g():\n        return x\n    x = 20\n    return g()\nprint(f())\n", "20\n", ""),
        ConformanceCase("def f():\n    print(y)\ny = 3\nf()\n", "3\n", ""),
        ConformanceCase("def gen_squares(n):\n    i = 0\n    while i < n:\n        yield i * i\n        i += 1\nprint(list(gen_squares(5)), sum(gen_squares(4)), max(gen_squares(3)))\n", "[0, 1, 4, 9, 16] 14 4\n", ""),
        ConformanceCase("it = iter(range(3))\nprint(list(zip(it, it)), list(it))\n", "[(0, 1)] []\n", ""),
        ConformanceCase("print(isinstance(range(3), range), type(range(3)).__name__, type(iter([])).__name__, type(x for x in []).__name__)\n", "True range list_iterator generator\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
