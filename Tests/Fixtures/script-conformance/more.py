print(None < 1)
#---
print([1] < 'a')
#---
print({} < {})
#---
print(len(None))
#---
x = 1
x.foo = 2
#---
print('abc'.foo)
#---
import os
os.nope
#---
print(int(None))
#---
print(float([]))
#---
print(sum(['a', 'b']))
#---
print(sorted(5))
#---
print(list(1))
#---
print(dict([1, 2]))
#---
print({}.pop('x'))
#---
print(range(1.5))
#---
print('x' * 'y')
#---
print([1, 2] * 1.5)
#---
print(abs('x'))
#---
print(1 if 1 < 2 else 3 < 'a')
#---
print(chr(-1))
#---
print('a'.join('b', 'c'))
#---
print(divmod(1, 0))
#---
print(2 ** -1 if 0 else 0 ** -1)
#---
class A:
    def __init__(self):
        return 5
A()
#---
class E(Exception):
    def __str__(self):
        return 'custom str'
try:
    raise E('ignored')
except E as e:
    print(e, repr(e), e.args)
raise E('x')
#---
class A:
    count = 0
    def __init__(self):
        self.count += 1
a = A(); b = A()
print(A.count, a.count, b.count)
#---
class A:
    items = []
    def add(self, x):
        self.items.append(x)
a = A(); b = A()
a.add(1); b.add(2)
print(A.items, a.items is b.items)
#---
class Shape:
    def area(self):
        raise NotImplementedError('subclass must implement')
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Sq(Shape):
    pass
print(Circle(1).describe())
Sq().describe()
#---
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(K(1) == K(1), K(1) in [K(1)], K(1) != K(2))
#---
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    def __radd__(self, o):
        return self.__add__(o)
    def __mul__(self, n):
        return Money(self.c * n)
    def __neg__(self):
        return Money(-self.c)
    def __repr__(self):
        return f'Money({self.c})'
print(Money(1) + Money(2), 5 + Money(1), sum([Money(1), Money(2)]), Money(3) * 2, -Money(4))
#---
class It:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), sum(It(4)), [x * 2 for x in It(2)])
#---
class B:
    def __bool__(self):
        return False
    def __len__(self):
        return 3
print(bool(B()), len(B()), 'yes' if B() else 'no')
#---
class Base:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r})'
class Child(Base):
    pass
print(Child('c'), [Child('x')], Base.__name__, Child.__bases__[0].__name__)
#---
class A:
    @classmethod
    def create(cls, *args):
        return cls(*args)
    def __init__(self, x=0):
        self.x = x
class B(A):
    pass
b = B.create(5)
print(type(b).__name__, b.x)
#---
class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B' + super(B, self).f()
print(B().f())
#---
def outer():
    def helper():
        raise ValueError('from helper')
    try:
        helper()
    except ValueError as e:
        return f'handled: {e}'
print(outer())
#---
def f():
    try:
        raise ValueError('a')
    except ValueError:
        return 'except'
    else:
        return 'else'
    finally:
        print('finally runs')
print(f())
#---
log = []
for i in range(3):
    try:
        if i == 1:
            raise RuntimeError(i)
        log.append(('ok', i))
    except RuntimeError as e:
        log.append(('err', e.args[0]))
    else:
        log.append(('else', i))
print(log)
#---
try:
    raise
except RuntimeError as e:
    print(e)
#---
try:
    raise 5
except TypeError as e:
    print(e)
#---
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print('reraised', type(e).__name__)
#---
try:
    x = int('z')
except (ValueError, TypeError):
    x = -1
print(x)
#---
words = ['banana', 'Apple', 'cherry']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
#---
data = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
#---
d = {'x': 1, 'y': 2}
print(d.popitem(), d, d.setdefault('z', []), d, dict(d, w=0))
#---
d = {'a': [1]}
d.setdefault('a', []).append(2)
d.setdefault('b', []).append(3)
print(d)
#---
print('Hello World'.split(' ', -1), 'a,b'.split(',', 0), '1 2 3'.split(maxsplit=1), 'a  b'.split(' '))
#---
print('hello'.title(), "they're bill's".title(), 'ABC'.lower().capitalize(), 'x'.center(4, '-'))
#---
print('%s=%s' % ('k', 'v'), '%5s|%-5s|' % ('ab', 'cd'), '%.2e' % 12345.678, '%g' % 0.0001, '%g' % 1e-5, '%10.4f|' % 3.14159)
#---
print('{:<10}|{:^10}|{:>10}'.format('l', 'c', 'r'), '{:*>5}'.format(1), '{0:.1f}'.format(2.25), '{:.1f}'.format(2.35))
#---
print(f'{12345.6789:,.1f}', f'{-12345:,}', f'{0.000012345:.3g}', f'{1234.5:e}', f'{100:.2f}', f'{7:03d}', f'{3.7:.0f}')
#---
print(round(0.125, 2), round(0.375, 2), round(2.5), round(-2.5), round(1.15, 1), round(1e-3, 5))
#---
print(str(1e-7), str(123456789.123), str(0.1 * 0.1), 1.0 / 7, 2.0 ** 100, -1e-300 * 1e-300)
#---
print([] == [], [] is [], () == (), {} == {}, {1: 2} == {1: 2.0}, [1, [2]] == [1, [2]])
#---
a = [3, 1, 2]
b = sorted(a)
a.sort(reverse=True)
print(a, b, a.copy() == a, a.copy() is a)
#---
print(list(zip(*[(1, 'a'), (2, 'b')])), list(enumerate([], 5)), dict(zip(range(3), 'xyz')))
#---
print(isinstance([], (list, tuple)), isinstance(3, bool), isinstance(True, (str, int)), issubclass(bool, int))
#---
x = 5
y = x
x += 1
print(x, y)
s = 'a'
t = s
s += 'b'
print(s, t)
#---
def f(*args):
    return sum(args) / len(args) if args else 0
print(f(), f(1, 2), f(1, 2, 4))
#---
def kw_only(a, *, b, c=3):
    return a + b + c
print(kw_only(1, b=2), kw_only(1, c=0, b=1))
kw_only(1, 2)
#---
nums = [1, 2, 3, 4, 5, 6]
evens = [n for n in nums if n % 2 == 0]
squares = {n: n * n for n in evens}
print(evens, squares, sum(squares.values()), max(squares, key=squares.get))
#---
print(' '.join(f'{i}:{c}' for i, c in enumerate('abc')), ''.join(reversed('abc')), '-'.join(map(str, range(4))))
