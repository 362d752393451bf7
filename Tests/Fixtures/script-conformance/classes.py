class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
p = Point(1, 2) + Point(3, 4)
print(p, [p], p == Point(4, 6), p != Point(0, 0), str(p))
#---
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
class Dog(Animal):
    sound = 'woof'
    def __init__(self, name, tricks=None):
        super().__init__(name)
        self.tricks = tricks or []
    def speak(self):
        return super().speak() + '!'
d = Dog('rex')
print(d.speak(), isinstance(d, Animal), issubclass(Dog, Animal), Dog.__name__, type(d).__name__, Animal.sound)
#---
class Counter:
    def __init__(self):
        self.x = 0
    def inc(self):
        self.x += 1
        return self
c = Counter()
c.inc().inc()
print(c.x)
#---
class A:
    def __str__(self):
        return 'str-A'
    def __repr__(self):
        return 'repr-A'
a = A()
print(a, repr(a), str(a), [a], f'{a}', f'{a!r}')
#---
class Stack:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
s = Stack(); s.items += [1, 2]
print(len(s), s[0], 2 in s, list(s), bool(s), bool(Stack()))
#---
class C:
    count = 0
    def __init__(self):
        C.count += 1
    @staticmethod
    def smeth(x):
        return x * 2
    @classmethod
    def make(cls):
        return cls()
    @property
    def double(self):
        return C.count * 2
C(); C.make()
print(C.count, C.smeth(4), C().double, C.count)
#---
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
t = Temp()
t.c = 5
print(t.c)
#---
class A:
    pass
a = A()
a.x = 1
print(a.x, hasattr(a, 'x'), hasattr(a, 'y'), getattr(a, 'y', 'dflt'))
setattr(a, 'y', 2)
print(a.y, a.__dict__)
#---
class A:
    pass
A().missing
#---
class A:
    def m(self):
        pass
A().m(1)
#---
class A:
    def __init__(self, x):
        pass
A()
#---
class A:
    pass
A(1)
#---
class MyError(Exception):
    pass
try:
    raise MyError('bad thing')
except MyError as e:
    print('caught', e, repr(e), e.args, type(e).__name__)
#---
class ValidationError(ValueError):
    def __init__(self, field):
        super().__init__(f'invalid {field}')
        self.field = field
try:
    raise ValidationError('age')
except ValueError as e:
    print(e, e.field, isinstance(e, Exception))
#---
try:
    1 / 0
except (TypeError, ZeroDivisionError) as e:
    print('got', type(e).__name__, e)
else:
    print('no error')
finally:
    print('finally')
#---
try:
    pass
except Exception:
    print('x')
else:
    print('else ran')
finally:
    print('finally ran')
#---
def f():
    try:
        return 'try'
    finally:
        print('cleanup')
print(f())
#---
def f():
    try:
        raise KeyError('k')
    except KeyError as e:
        print('inner', repr(e), str(e))
        raise
try:
    f()
except LookupError as e:
    print('outer', type(e).__name__)
#---
try:
    {}['missing']
except KeyError as e:
    print(e, e.args)
#---
try:
    [][1]
except IndexError as e:
    print(e)
#---
try:
    int('x')
except ValueError as e:
    print(e)
#---
try:
    None.foo
except AttributeError as e:
    print(e)
#---
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == '')
#---
try:
    raise RuntimeError('a', 2)
except RuntimeError as e:
    print(e, e.args)
#---
def check(x):
    assert x > 0, f'x must be positive, got {x}'
    return x
print(check(1))
try:
    check(-1)
except AssertionError as e:
    print('assert:', e)
#---
assert 1 == 2
#---
assert False, 'message here'
#---
raise ValueError('top level')
#---
raise NotImplementedError
#---
class E(Exception):
    pass
raise E('custom')
#---
try:
    raise TypeError('inner')
except TypeError as e:
    raise ValueError('outer') from e
#---
try:
    1 / 0
except ZeroDivisionError:
    raise KeyError('during')
#---
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('fin', i)
#---
e = None
try:
    raise ValueError('x')
except ValueError as e:
    pass
print(e)
#---
class Base:
    def hello(self):
        return 'base'
class Mid1(Base):
    def hello(self):
        return 'mid1>' + super().hello()
class Mid2(Base):
    def hello(self):
        return 'mid2>' + super().hello()
class Leaf(Mid1, Mid2):
    def hello(self):
        return 'leaf>' + super().hello()
print(Leaf().hello(), [c.__name__ for c in Leaf.__mro__])
#---
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f'V({self.v})'
print(sorted([V(3), V(1), V(2)]), max(V(1), V(5)))
#---
class Ctx:
    def __enter__(self):
        print('enter')
        return 'value'
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None)
        return True
with Ctx() as v:
    print('inside', v)
    raise ValueError('swallowed')
print('after')
#---
print(isinstance(ValueError('x'), Exception), issubclass(KeyError, LookupError), issubclass(TimeoutError, OSError), ZeroDivisionError.__mro__[1].__name__)
#---
class A:
    x = 1
print(A.x, A().x, A.y)
#---
try:
    raise Exception('multi', 'args')
except Exception as e:
    print(e)
#---
try:
    try:
        raise ValueError('first')
    finally:
        print('inner finally')
except ValueError as e:
    print('caught', e)
#---
def f():
    for i in range(5):
        try:
            return i
        finally:
            pass
print(f())
#---
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def total(self):
        return self.val + sum(c.total() for c in self.children)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.total())
#---
class A:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
a = A()
a['x'] = 5
print(a['x'], a.items)
#---
class A:
    def __call__(self, x):
        return x + 1
print(A()(1))
#---
x = 1
x()
#---
None()
#---
class A:
    pass
print(type(A()).__name__, type(A).__name__, type(None).__name__, type(print).__name__, type(len) is type(print))
