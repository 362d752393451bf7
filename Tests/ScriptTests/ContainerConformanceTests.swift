import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct ContainerConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("a = [0, 1, 2, 3, 4, 5]\nprint(a[1:4], a[:2], a[4:], a[-2:], a[::2], a[::-1], a[-1:-4:-1], a[5:1:-2], a[10:], a[-10:3], a[3:1])\n", "[1, 2, 3] [0, 1] [4, 5] [4, 5] [0, 2, 4] [5, 4, 3, 2, 1, 0] [5, 4, 3] [5, 3] [] [0, 1, 2] []\n", ""),
        ConformanceCase("a = [1, 2, 3]\na[1:2] = [7, 8, 9]\nprint(a)\na[::2] = [0, 0, 0]\nprint(a)\ndel a[1]\nprint(a)\ndel a[::2]\nprint(a)\n", "[1, 7, 8, 9, 3]\n[0, 7, 0, 9, 0]\n[0, 0, 9, 0]\n[0, 0]\n", ""),
        ConformanceCase("a = [3, 1, 2]\na.append(5); a.extend([9, 0]); a.insert(0, -1); a.insert(100, 7)\nprint(a, a.pop(), a.pop(0), a.index(2), a.count(1))\na.remove(9); a.sort(); print(a); a.reverse(); print(a)\n", "[3, 1, 2, 5, 9, 0] 7 -1 2 1\n[0, 1, 2, 3, 5]\n[5, 3, 2, 1, 0]\n", ""),
        ConformanceCase("a = ['bb', 'a', 'ccc']\nprint(sorted(a), sorted(a, key=len), sorted(a, key=len, reverse=True), sorted([3, 1, 2], reverse=True))\na.sort(key=lambda s: -len(s)); print(a)\n", "['a', 'bb', 'ccc'] ['a', 'bb', 'ccc'] ['ccc', 'bb', 'a'] [3, 2, 1]\n['ccc', 'bb', 'a']\n", ""),
        ConformanceCase("pairs = [(1, 'b'), (0, 'z'), (1, 'a')]\nprint(sorted(pairs), sorted(pairs, key=lambda p: p[0]), max(pairs), min(pairs, key=lambda p: p[1]))\n", "[(0, 'z'), (1, 'a'), (1, 'b')] [(0, 'z'), (1, 'b'), (1, 'a')] (1, 'b') (1, 'a')\n", ""),
        ConformanceCase("t = (1, 2, 3)\nprint(t, t[0], t[-1], t[1:], len(t), (1,), (), tuple([1, 2]), t + (4,), t * 2, t.count(2), t.index(3))\n", "(1, 2, 3) 1 3 (2, 3) 3 (1,) () (1, 2) (1, 2, 3, 4) (1, 2, 3, 1, 2, 3) 1 2\n", ""),
        ConformanceCase("d = {'b': 1, 'a': 2}\nd['c'] = 3; d['b'] = 10\nprint(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d), 'a' in d, 'z' in d)\n", "{'b': 10, 'a': 2, 'c': 3} ['b', 'a', 'c'] ['b', 'a', 'c'] [10, 2, 3] [('b', 10), ('a', 2), ('c', 3)] 3 True False\n", ""),
        ConformanceCase("d = {'x': 1}\nprint(d.get('x'), d.get('y'), d.get('y', 0), d.setdefault('y', 5), d, d.pop('x'), d, d.pop('q', None))\n", "1 None 0 5 {'y': 5} 1 {'y': 5} None\n", ""),
        ConformanceCase("d = {1: 'a', 2: 'b'}\ndel d[1]; d[1] = 'c'\nprint(d, d.keys(), d.values(), d.items())\n", "{2: 'b', 1: 'c'} dict_keys([2, 1]) dict_values(['b', 'c']) dict_items([(2, 'b'), (1, 'c')])\n", ""),
        ConformanceCase("d = dict(a=1, b=2)\nd.update({'c': 3}, d=4)\nprint(d, dict([('x', 1), ('y', 2)]), dict(zip('ab', [1, 2])), {**d, 'a': 0}, d | {'e': 5})\n", "{'a': 1, 'b': 2, 'c': 3, 'd': 4} {'x': 1, 'y': 2} {'a': 1, 'b': 2} {'a': 0, 'b': 2, 'c': 3, 'd': 4} {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}\n", ""),
        ConformanceCase("d = {}\nfor w in 'the cat the hat the'.split():\n    d[w] = d.get(w, 0) + 1\nprint(d, sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))\n", "{'the': 3, 'cat': 1, 'hat': 1} [('the', 3), ('cat', 1), ('hat', 1)]\n", ""),
        ConformanceCase("print({1: 'a', True: 'b', 1.0: 'c'}, {(1, 2): 'tuple key'}, {None: 0})\n", "{1: 'c'} {(1, 2): 'tuple key'} {None: 0}\n", ""),
        ConformanceCase("d = {'a': 1}\nprint(d['b'])\n", "", "KeyError: 'b'"),
        ConformanceCase("d = {[1]: 2}\n", "", "TypeError: unhashable type: 'list'"),
        ConformanceCase("s = {3, 1, 2}\ns.add(4); s.discard(10); s.remove(1)\nprint(len(s), 2 in s, sorted(s), set(), sorted({1, 2} | {3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2}), sorted({1, 2} ^ {2, 3}))\n", "3 True [2, 3, 4] set() [1, 2, 3] [2] [1] [1, 3]\n", ""),
        ConformanceCase("print({1, 2} <= {1, 2, 3}, {1} < {1}, {1, 2}.issubset([1, 2, 5]), {1, 2, 3}.issuperset({1}), {1}.isdisjoint({2}))\n", "True False True True True\n", ""),
        ConformanceCase("s = set()\ns.remove(1)\n", "", "KeyError: 1"),
        ConformanceCase("print([i * i for i in range(5)], [i for i in range(10) if i % 3 == 0], [(x, y) for x in range(2) for y in 'ab'])\n", "[0, 1, 4, 9, 16] [0, 3, 6, 9] [(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]\n", ""),
        ConformanceCase("print({k: v for k, v in [('a', 1), ('b', 2)]}, sorted({x % 3 for x in range(10)}), sum(x * x for x in range(4)), list(x for x in 'ab'))\n", "{'a': 1, 'b': 2} [0, 1, 2] 14 ['a', 'b']\n", ""),
        ConformanceCase("print([[j for j in range(i)] for i in range(4)], [x for row in [[1, 2], [3]] for x in row if x != 2])\n", "[[], [0], [0, 1], [0, 1, 2]] [1, 3]\n", ""),
        ConformanceCase("print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(3), range(1, 5, 2), len(range(0, 10, 3)), range(10)[2:8:2], 5 in range(10), range(10)[-1])\n", "[0, 1, 2, 3, 4] [2, 5, 8] [5, 3, 1] range(0, 3) range(1, 5, 2) 4 range(2, 8, 2) True 9\n", ""),
        ConformanceCase("print(list(enumerate('ab')), list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])))\n", "[(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')] [(1, 'a'), (2, 'b')] ['1', '2'] [1, 'a']\n", ""),
        ConformanceCase("print(list(reversed([1, 2, 3])), list(reversed(range(3))), any([0, 0, 1]), all([]), any([]), all([1, 0]))\n", "[3, 2, 1] [2, 1, 0] True True False False\n", ""),
        ConformanceCase("a, b = 1, 2\na, b = b, a\nc, *rest = [1, 2, 3, 4]\n*init, last = 'xyz'\n(p, q), r = (1, 2), 3\nprint(a, b, c, rest, init, last, p, q, r)\n", "2 1 1 [2, 3, 4] ['x', 'y'] z 1 2 3\n", ""),
        ConformanceCase("for i, (k, v) in enumerate({'a': 1}.items()):\n    print(i, k, v)\n", "0 a 1\n", ""),
        ConformanceCase("a, b = [1, 2, 3]\n", "", "ValueError: too many values to unpack (expected 2)"),
        ConformanceCase("a, b, c = [1, 2]\n", "", "ValueError: not enough values to unpack (expected 3, got 2)"),
        ConformanceCase("a, b = 5\n", "", "TypeError: cannot unpack non-iterable int object"),
        ConformanceCase("x = [1, 2, 3]\nprint(x[3])\n", "", "IndexError: list index out of range"),
        ConformanceCase("x = (1,)\nprint(x[1])\n", "", "IndexError: tuple index out of range"),
        ConformanceCase("x = [1]\nx[5] = 0\n", "", "IndexError: list assignment index out of range"),
        ConformanceCase("print(5[0])\n", "", "TypeError: 'int' object is not subscriptable"),
        ConformanceCase("print(len(5))\n", "", "TypeError: object of type 'int' has no len()"),
        ConformanceCase("for x in 5:\n    pass\n", "", "TypeError: 'int' object is not iterable"),
        ConformanceCase("[].pop()\n", "", "IndexError: pop from empty list"),
        ConformanceCase("[1].remove(2)\n", "", "ValueError: list.remove(x): x not in list"),
        ConformanceCase("print([1, 2].index(3))\n", "", "ValueError: 3 is not in list"),
        ConformanceCase("a = [1, 2]\nb = a\nb.append(3)\nprint(a, a is b, a == [1, 2, 3], a is [1, 2, 3])\n", "[1, 2, 3] True True False\n", ""),
        ConformanceCase("a = [[0] * 2] * 2\na[0][0] = 1\nprint(a)\n", "[[1, 0], [1, 0]]\n", ""),
        ConformanceCase("x = [1, 2, 3]\nx += [4]\ny = x\ny += (5,)\nprint(x)\n", "[1, 2, 3, 4, 5]\n", ""),
        ConformanceCase("print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1] == [1.0], (1, [2]) == (1, [2]))\n", "True True True True\n", ""),
        ConformanceCase("l = [1]\nl.append(l)\nprint(l)\n", "[1, [...]]\n", ""),
        ConformanceCase("print(list('abc'), tuple('ab'), set('aa'), dict.fromkeys('ab', 0), list({'x': 1}))\n", "['a', 'b', 'c'] ('a', 'b') {'a'} {'a': 0, 'b': 0} ['x']\n", ""),
        ConformanceCase("nested = {'a': [1, {'b': (2, 3)}], 'c': {'d': None}}\nprint(nested, nested['a'][1]['b'][0])\n", "{'a': [1, {'b': (2, 3)}], 'c': {'d': None}} 2\n", ""),
        ConformanceCase("it = iter([1, 2])\nprint(next(it), next(it), next(it, 'done'))\n", "1 2 done\n", ""),
        ConformanceCase("it = iter([])\nnext(it)\n", "", "StopIteration"),
        ConformanceCase("print(sorted([3, 'a']))\n", "", "TypeError: '<' not supported between instances of 'str' and 'int'"),
        ConformanceCase("print(max([]))\n", "", "ValueError: max() arg is an empty sequence"),
        ConformanceCase("print(min([], default=0), max([1, 3, 2], key=lambda x: -x))\n", "0 1\n", ""),
        ConformanceCase("m = map(lambda x, y: x + y, [1, 2], [10, 20])\nprint(list(m), list(m))\n", "[11, 22] []\n", ""),
        ConformanceCase("print(list(zip()), list(zip([1], [])), dict(enumerate('ab')))\n", "[] [] {0: 'a', 1: 'b'}\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
