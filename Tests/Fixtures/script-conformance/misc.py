def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), sum(gen(3)))
#---
def g():
    yield 1
    yield from [2, 3]
print(list(g()))
#---
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
print(x[-3:-1], x[1:-1:3], x[::-3], x[8:0:-3], x[:-20], x[20:], x[-1::-2])
#---
s = 'abcdef'
print(s[::-1][::2], s[-2:], s[:-2], s[1::2], s[100:], s[-100:])
#---
print(-7 // 3, -7 % 3, 7 // -3, 7 % -3, -1 % 5, 5 % -1, 0 % 3, -0.5 // 1, -0.5 % 1)
#---
print(2 ** 0.5, 10 ** -2, 2 ** 63 - 1 if False else 2 ** 62, (-8) ** 2, 0 ** 0)
#---
print(1e-4, 1e-5, 0.1 + 0.7, 1/3 * 3, 1e15 + 0.3, 12345678.9, 1.23456789e-8, 5e-324)
#---
print(repr(1e16), repr(9999999999999998.0), repr(0.000123), str(2.0 ** 60), 3.0 * 10.0 ** 20)
#---
print(f'{1/3:.10f}', f'{2/3:.0%}', f'{-1.5:+.1f}', f'{1e-10:.2e}', f'{123.456:10.1f}|', f'{-42:6d}|', f'{42:<+6d}|')
#---
print(f'{"x":*^7}', f'{3.0:g}', f'{1e100:g}', f'{0.5:.0f}', f'{1.5:.0f}', f'{-0.0:.1f}', f'{12:=+5}')
#---
print('%s' % [1, 2], '%s' % (1,), '%r' % 'x', '%.1f%%' % 99.5, '%3s|%-3s|' % ('a', 'b'), '%i' % 3.9)
#---
d = {}
d['z'] = 1; d['a'] = 2; d['m'] = 3
del d['a']
d['a'] = 4
print(d, list(d.items())[0], next(iter(d)))
#---
d = {'a': 1, 'b': 2}
for k in list(d):
    if k == 'a':
        del d[k]
print(d, {v: k for k, v in {'x': 1, 'y': 2}.items()})
#---
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
for (x, y) in [(1, 2), (3, 4)]:
    print(x + y, end=' ')
print()
#---
first, *_ = range(5)
print(first, _)
#---
x = y = z = 0
x += 1
print(x, y, z)
#---
print(1 if True else 2, 'a' if '' else 'b', [1, 2][True], (lambda: 'l')())
#---
print(type([]) == list, type({}) is dict, isinstance({}, dict), isinstance('s', (int, str)), isinstance(None, type(None)))
#---
print(sorted({'b': 2, 'a': 1}), sorted('hello'), sorted([[2, 1], [1, 2], [1, 1]]), sorted([0.5, -1, 3]))
#---
print(print('inner'), None)
#---
print('a', 'b', sep='-', end='!\n')
print('x', end='')
print('y')
print()
print(*[1, 2, 3], sep=', ')
#---
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
#---
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [sum(r) for r in matrix], [[r[i] for r in matrix] for i in range(3)])
#---
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 1, 5, 3), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
#---
def f(a, *, b=2, **rest):
    return a, b, rest
print(f(1), f(1, b=3, c=4))
#---
def outer():
    x = []
    def add(v):
        x.append(v)
        return x
    return add
a = outer()
a(1)
print(a(2))
#---
def f():
    items = []
    for i in range(3):
        def g(i=i):
            return i * 10
        items.append(g)
    return [h() for h in items]
print(f())
#---
class A:
    x = 5
    y = [x * i for i in range(2)] if False else None
    def get(self):
        return self.x
print(A().get(), A.y)
#---
x = 1
class C:
    x = 2
    def m(self):
        return x
print(C().m())
#---
def f():
    try:
        return 1
    finally:
        return 2
print(f())
#---
def f():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('finally', i)
    return i
print(f())
#---
def risky(n):
    if n < 0:
        raise ValueError(f'negative: {n}')
    return n
results = []
for n in [1, -2, 3]:
    try:
        results.append(risky(n))
    except ValueError as e:
        results.append(str(e))
print(results)
#---
def a():
    b()
def b():
    c()
def c():
    raise KeyError('deep')
try:
    a()
except KeyError as e:
    print('caught', repr(e))
#---
try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong handler')
except ValueError as e:
    print('outer got', e)
#---
class E1(Exception): pass
class E2(E1): pass
for exc in [E1, E2, ValueError]:
    try:
        raise exc('m')
    except E2:
        print('E2')
    except E1:
        print('E1')
    except Exception as e:
        print('other', type(e).__name__)
#---
try:
    raise ValueError('x')
except Exception as e:
    err = e
print(type(err).__name__, err.args, str(err), repr(err))
#---
print(KeyError('k'), repr(KeyError('k')), str(KeyError()), ValueError(1, 2), repr(ValueError()))
#---
def f(x):
    if x > 2:
        return 'big'
    elif x > 1:
        return 'mid'
    return 'small'
print([f(i) for i in range(4)])
#---
i = 0
while True:
    i += 1
    if i >= 3:
        break
print(i)
#---
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total += 100
print(total)
#---
print(list(range(0)), list(range(-3)), list(range(3, 0)), list(range(0, -5, -1)), range(0, 10, 2)[::-1])
#---
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]), sum(1 for _ in range(7)), min(x * x for x in [-3, 2]))
#---
print(str(list(map(int, '123'))), list(map(len, ['a', 'bb'])), list(filter(lambda n: n % 2, range(6))))
#---
import time
print(type(time.time()).__name__, time.perf_counter() >= 0)
#---
from typing import List
nums: List[int] = [3, 1, 2]
print(sorted(nums))
#---
x = None
print(x is None, x is not None, x == None, [None] * 2)
#---
print(hash(1) == hash(1.0), hash('a') == hash('a'), len({1, 1.0, True}), {1: 'a', 1.0: 'b'})
#---
s = {1, 2, 3}
s2 = s.copy()
s2.add(4)
print(len(s), len(s2), s.union({9}) == {1, 2, 3, 9}, s.intersection([2, 3, 4]) == {2, 3}, s.difference({1}) == {2, 3})
#---
print({}, set(), [], (), '', dict(), list(), tuple(), str())
#---
print([1, 2, 3][1:][0], 'abc'[1:][1:], [[1, 2], [3]][0][-1])
#---
x = 10
def f():
    return x * 2
x = 20
print(f())
#---
def f(lst=[]):
    lst.append(1)
    return len(lst)
print(f(), f(), f([]))
#---
print(str(123).zfill(6), '%06.2f' % 3.14159, '{:06.2f}'.format(-3.14159))
#---
print(max('apple', 'pear', key=len), min(['b', 'a'], key=str.lower), sorted(['B', 'a', 'C'], key=str.lower))
#---
class P:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'P(%d)' % self.n
print(sorted([P(3), P(1)], key=lambda p: p.n), {'k': P(2)}, (P(1),))
#---
print(round(3.14159, 3), round(-1.005, 2), round(2.5, 0), round(1e15), round(7, 1), type(round(2.5)).__name__)
#---
print(int('  12  '), int('-0'), int('1_000'), float('1_0.5'), int(float('1e3')))
#---
del undefined_thing
#---
x = [1]
del x[0]
print(x)
del x
print(x)
#---
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi)
#---
print(chr(ord('a') + 1), ord('€'))
