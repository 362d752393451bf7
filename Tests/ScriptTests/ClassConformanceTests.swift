import Testing
import Script

// Generated from CPython 3.11 output; the expected text is what CPython printed.
@Suite struct ClassConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase("class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def __repr__(self):\n        return f'Point({self.x}, {self.y})'\n    def __add__(self, other):\n        return Point(self.x + other.x, self.y + other.y)\n    def __eq__(self, other):\n        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)\np = Point(1, 2) + Point(3, 4)\nprint(p, [p], p == Point(4, 6), p != Point(0, 0), str(p))\n", "Point(4, 6) [Point(4, 6)] True True Point(4, 6)\n", ""),
        ConformanceCase("class Animal:\n    sound = '...'\n    def __init__(self, name):\n        self.name = name\n    def speak(self):\n        return f'{self.name} says {self.sound}'\nclass Dog(Animal):\n    sound = 'woof'\n    def __init__(self, name, tricks=None):\n        super().__init__(name)\n        self.tricks = tricks or []\n    def speak(self):\n        return super().speak() + '!'\nd = Dog('rex')\nprint(d.speak(), isinstance(d, Animal), issubclass(Dog, Animal), Dog.__name__, type(d).__name__, Animal.sound)\n", "rex says woof! True True Dog Dog ...\n", ""),
        ConformanceCase("class Counter:\n    def __init__(self):\n        self.x = 0\n    def inc(self):\n        self.x += 1\n        return self\nc = Counter()\nc.inc().inc()\nprint(c.x)\n", "2\n", ""),
        ConformanceCase("class A:\n    def __str__(self):\n        return 'str-A'\n    def __repr__(self):\n        return 'repr-A'\na = A()\nprint(a, repr(a), str(a), [a], f'{a}', f'{a!r}')\n", "str-A repr-A str-A [repr-A] str-A repr-A\n", ""),
        ConformanceCase("class Stack:\n    def __init__(self):\n        self.items = []\n    def __len__(self):\n        return len(self.items)\n    def __getitem__(self, i):\n        return self.items[i]\n    def __contains__(self, v):\n        return v in self.items\n    def __iter__(self):\n        return iter(self.items)\ns = Stack(); s.items += [1, 2]\nprint(len(s), s[0], 2 in s, list(s), bool(s), bool(Stack()))\n", "2 1 True [1, 2] True False\n", ""),
        ConformanceCase("class C:\n    count = 0\n    def __init__(self):\n        C.count += 1\n    @staticmethod\n    def smeth(x):\n        return x * 2\n    @classmethod\n    def make(cls):\n        return cls()\n    @property\n    def double(self):\n        return C.count * 2\nC(); C.make()\nprint(C.count, C.smeth(4), C().double, C.count)\n", "2 8 6 3\n", ""),
        ConformanceCase("class Temp:\n    def __init__(self):\n        self._c = 0\n    @property\n    def c(self):\n        return self._c\n    @c.setter\n    def c(self, v):\n        self._c = v * 2\nt = Temp()\nt.c = 5\nprint(t.c)\n", "10\n", ""),
        ConformanceCase("class A:\n    pass\na = A()\na.x = 1\nprint(a.x, hasattr(a, 'x'), hasattr(a, 'y'), getattr(a, 'y', 'dflt'))\nsetattr(a, 'y', 2)\nprint(a.y, a.__dict__)\n", "1 True False dflt\n2 {'x': 1, 'y': 2}\n", ""),
        ConformanceCase("class A:\n    pass\nA().missing\n", "", "AttributeError: 'A' object has no attribute 'missing'"),
        ConformanceCase("class A:\n    def m(self):\n        pass\nA().m(1)\n", "", "TypeError: A.m() takes 1 positional argument but 2 were given"),
        ConformanceCase("class A:\n    def __init__(self, x):\n        pass\nA()\n", "", "TypeError: A.__init__() missing 1 required positional argument: 'x'"),
        ConformanceCase("class A:\n    pass\nA(1)\n", "", "TypeError: A() takes no arguments"),
        ConformanceCase("class MyError(Exception):\n    pass\ntry:\n    raise MyError('bad thing')\nexcept MyError as e:\n    print('caught', e, repr(e), e.args, type(e).__name__)\n", "caught bad thing MyError('bad thing') ('bad thing',) MyError\n", ""),
        ConformanceCase("class ValidationError(ValueError):\n    def __init__(self, field):\n        super().__init__(f'invalid {field}')\n        self.field = field\ntry:\n    raise ValidationError('age')\nexcept ValueError as e:\n    print(e, e.field, isinstance(e, Exception))\n", "invalid age age True\n", ""),
        ConformanceCase("try:\n    1 / 0\nexcept (TypeError, ZeroDivisionError) as e:\n    print('got', type(e).__name__, e)\nelse:\n    print('no error')\nfinally:\n    print('finally')\n", "got ZeroDivisionError division by zero\nfinally\n", ""),
        ConformanceCase("try:\n    pass\nexcept Exception:\n    print('x')\nelse:\n    print('else ran')\nfinally:\n    print('finally ran')\n", "else ran\nfinally ran\n", ""),
        ConformanceCase("def f():\n    try:\n        return 'try'\n    finally:\n        print('cleanup')\nprint(f())\n", "cleanup\ntry\n", ""),
        ConformanceCase("def f():\n    try:\n        raise KeyError('k')\n    except KeyError as e:\n        print('inner', repr(e), str(e))\n        raise\ntry:\n    f()\nexcept LookupError as e:\n    print('outer', type(e).__name__)\n", "inner KeyError('k') 'k'\nouter KeyError\n", ""),
        ConformanceCase("try:\n    {}['missing']\nexcept KeyError as e:\n    print(e, e.args)\n", "'missing' ('missing',)\n", ""),
        ConformanceCase("try:\n    [][1]\nexcept IndexError as e:\n    print(e)\n", "list index out of range\n", ""),
        ConformanceCase("try:\n    int('x')\nexcept ValueError as e:\n    print(e)\n", "invalid literal for int() with base 10: 'x'\n", ""),
        ConformanceCase("try:\n    None.foo\nexcept AttributeError as e:\n    print(e)\n", "'NoneType' object has no attribute 'foo'\n", ""),
        ConformanceCase("try:\n    raise ValueError\nexcept ValueError as e:\n    print(repr(e), str(e) == '')\n", "ValueError() True\n", ""),
        ConformanceCase("try:\n    raise RuntimeError('a', 2)\nexcept RuntimeError as e:\n    print(e, e.args)\n", "('a', 2) ('a', 2)\n", ""),
        ConformanceCase("def check(x):\n    assert x > 0, f'x must be positive, got {x}'\n    return x\nprint(check(1))\ntry:\n    check(-1)\nexcept AssertionError as e:\n    print('assert:', e)\n", "1\nassert: x must be positive, got -1\n", ""),
        ConformanceCase("assert 1 == 2\n", "", "AssertionError"),
        ConformanceCase("assert False, 'message here'\n", "", "AssertionError: message here"),
        ConformanceCase("raise ValueError('top level')\n", "", "ValueError: top level"),
        ConformanceCase("raise NotImplementedError\n", "", "NotImplementedError"),
        ConformanceCase("class E(Exception):\n    pass\nraise E('custom')\n", "", "E: custom"),
        ConformanceCase("try:\n    raise TypeError('inner')\nexcept TypeError as e:\n    raise ValueError('outer') from e\n", "", "ValueError: outer"),
        ConformanceCase("try:\n    1 / 0\nexcept ZeroDivisionError:\n    raise KeyError('during')\n", "", "KeyError: 'during'"),
        ConformanceCase("for i in range(3):\n    try:\n        if i == 1:\n            continue\n        print('body', i)\n    finally:\n        print('fin', i)\n", "body 0\nfin 0\nfin 1\nbody 2\nfin 2\n", ""),
        ConformanceCase("e = None\ntry:\n    raise ValueError('x')\nexcept ValueError as e:\n    pass\nprint(e)\n", "", "NameError: name 'e' is not defined"),
        ConformanceCase("class Base:\n    def hello(self):\n        return 'base'\nclass Mid1(Base):\n    def hello(self):\n        return 'mid1>' + super().hello()\nclass Mid2(Base):\n    def hello(self):\n        return 'mid2>' + super().hello()\nclass Leaf(Mid1, Mid2):\n    def hello(self):\n        return 'leaf>' + super().hello()\nprint(Leaf().hello(), [c.__name__ for c in Leaf.__mro__])\n", "leaf>mid1>mid2>base ['Leaf', 'Mid1', 'Mid2', 'Base', 'object']\n", ""),
        ConformanceCase("class V:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n        return self.v < o.v\n    def __repr__(self):\n        return f'V({self.v})'\nprint(sorted([V(3), V(1), V(2)]), max(V(1), V(5)))\n", "[V(1), V(2), V(3)] V(5)\n", ""),
        ConformanceCase("class Ctx:\n    def __enter__(self):\n        print('enter')\n        return 'value'\n    def __exit__(self, t, v, tb):\n        print('exit', t.__name__ if t else None)\n        return True\nwith Ctx() as v:\n    print('inside', v)\n    raise ValueError('swallowed')\nprint('after')\n", "enter\ninside value\nexit ValueError\nafter\n", ""),
        ConformanceCase("print(isinstance(ValueError('x'), Exception), issubclass(KeyError, LookupError), issubclass(TimeoutError, OSError), ZeroDivisionError.__mro__[1].__name__)\n", "True True True ArithmeticError\n", ""),
        ConformanceCase("class A:\n    x = 1\nprint(A.x, A().x, A.y)\n", "", "AttributeError: type object 'A' has no attribute 'y'"),
        ConformanceCase("try:\n    raise Exception('multi', 'args')\nexcept Exception as e:\n    print(e)\n", "('multi', 'args')\n", ""),
        ConformanceCase("try:\n    try:\n        raise ValueError('first')\n    finally:\n        print('inner finally')\nexcept ValueError as e:\n    print('caught', e)\n", "inner finally\ncaught first\n", ""),
        ConformanceCase("def f():\n    for i in range(5):\n        try:\n            return i\n        finally:\n            pass\nprint(f())\n", "0\n", ""),
        ConformanceCase("class Node:\n    def __init__(self, val, children=()):\n        self.val = val\n        self.children = list(children)\n    def total(self):\n        return self.val + sum(c.total() for c in self.children)\ntree = Node(1, [Node(2), Node(3, [Node(4)])])\nprint(tree.total())\n", "10\n", ""),
        ConformanceCase("class A:\n    def __init__(self):\n        self.items = {}\n    def __setitem__(self, k, v):\n        self.items[k] = v\n    def __getitem__(self, k):\n        return self.items[k]\na = A()\na['x'] = 5\nprint(a['x'], a.items)\n", "5 {'x': 5}\n", ""),
        ConformanceCase("class A:\n    def __call__(self, x):\n        return x + 1\nprint(A()(1))\n", "2\n", ""),
        ConformanceCase("x = 1\nx()\n", "", "TypeError: 'int' object is not callable"),
        ConformanceCase("None()\n", "", "TypeError: 'NoneType' object is not callable"),
        ConformanceCase("class A:\n    pass\nprint(type(A()).__name__, type(A).__name__, type(None).__name__, type(print).__name__, type(len) is type(print))\n", "A type NoneType builtin_function_or_method True\n", ""),
    ]

    @Test(arguments: cases)
    func matchesCPython(_ c: ConformanceCase) {
        c.check()
    }
}
