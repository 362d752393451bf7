d = {'a': {'b': [1, 2]}}
d['a']['b'][0] += 10
d['a']['c'] = d['a'].get('c', 0) + 1
print(d)
#---
a = b = []
a.append(1)
x, y = y, x = 1, 2
print(a, b, x, y)
#---
l = [5, 3, 5, 1]
l[l.index(5)] = 0
print(l, l.count(5), sorted(l, key=lambda v: -v))
#---
print(repr('é\u200b\U0001F600'), repr('\x00\x1f\x7f\xa0'), 'tab\t'.expandtabs() if False else repr('a\tb'))
#---
print(str(b'') if False else 'bytes-skip', repr("'"), repr('"'), repr('\'"'), repr('\\'))
#---
print(max(1, 2, key=lambda v: -v), min('b', 'a', 'c'), max([(1, 'b'), (1, 'a')]), max([], default=None))
#---
print(list(enumerate('xy', start=10)), [(i, j) for i, j in zip(range(3), range(10, 13))])
#---
s = 'The quick brown fox'
words = s.lower().split()
print(sorted(words, key=lambda w: (len(w), w)), {w[0]: w for w in words}, ' '.join(w.capitalize() for w in words))
#---
def f(n):
    return [i for i in range(n) if all(i % p for p in range(2, i))]
print(f(20))
#---
print([x for x in range(20) if x % 2 if x % 3], [y for x in [[1, 2], [3]] for y in x])
#---
print({i: [j for j in range(i)] for i in range(3)}, [[i * j for j in range(3)] for i in range(3)])
#---
import functools if False else None
#---
print(int('0b101', 2) if False else int('101', 2), int('z', 36), int('-0x1f', 16))
#---
print('%s' % None, '%d%%' % 50, '%5.1f' % -2.25, '%-6.2f|' % 1.0, '%+.3d' % 7, '%#x' % 255, '%#o' % 8)
#---
print('{:+d} {: d} {:,.3f} {:_x} {:#b}'.format(5, 5, 1234.5678, 255, 5))
#---
print('{:10.3}|{:<10.3}|'.format('abcdef', 3.14159), '{:%}'.format(0.5), '{:e}'.format(0))
#---
print(f'{"left":<10}|{"right":>10}|{"mid":^10}|', f'{42:#06x}', f'{-42:06}', f'{3.0:+g}')
#---
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, float('inf') > 1e308, float('nan') == float('nan'))
#---
print(7 / 2, 7 // 2, -7 / 2, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5, 10 / 3 * 3)
#---
class A:
    def __init__(self):
        self.v = 1
    def __repr__(self):
        return f'A(v={self.v})'
objs = [A() for _ in range(2)]
objs[1].v = 5
print(objs, max(objs, key=lambda o: o.v), sorted(objs, key=lambda o: -o.v))
#---
class Counter:
    def __init__(self):
        self.counts = {}
    def add(self, k):
        self.counts[k] = self.counts.get(k, 0) + 1
        return self
    def most_common(self):
        return sorted(self.counts.items(), key=lambda kv: -kv[1])
c = Counter()
for ch in 'abracadabra':
    c.add(ch)
print(c.most_common()[:3])
#---
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
#---
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
#---
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
#---
stack = []
for tok in '3 4 + 2 *'.split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if tok == '+' else a * b)
print(stack)
#---
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid, len(grid), len(grid[0]), sum(map(sum, grid)))
#---
text = 'a=1;b=2;c=3'
cfg = dict(pair.split('=') for pair in text.split(';'))
print(cfg, {k: int(v) for k, v in cfg.items()})
#---
print(sorted(set('mississippi')), ''.join(sorted(set('mississippi'))), len(set('mississippi')))
#---
print(list(range(10))[::3], list(range(10))[1::3], tuple(range(5))[::-2], 'abcdefgh'[-3::-2])
#---
print(any(c.isupper() for c in 'abC'), all(c.isalpha() for c in 'ab1'), sum(c.isdigit() for c in 'a1b22'))
#---
try:
    print([1, 2, 3][1:2:0])
except ValueError as e:
    print('ValueError:', e)
#---
x = 10
def f():
    def g():
        return x
    x = 20
    return g()
print(f())
#---
def f():
    print(y)
y = 3
f()
#---
def gen_squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1
print(list(gen_squares(5)), sum(gen_squares(4)), max(gen_squares(3)))
#---
it = iter(range(3))
print(list(zip(it, it)), list(it))
#---
print(isinstance(range(3), range), type(range(3)).__name__, type(iter([])).__name__, type(x for x in []).__name__)
