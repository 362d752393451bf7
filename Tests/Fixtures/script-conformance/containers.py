a = [0, 1, 2, 3, 4, 5]
print(a[1:4], a[:2], a[4:], a[-2:], a[::2], a[::-1], a[-1:-4:-1], a[5:1:-2], a[10:], a[-10:3], a[3:1])
#---
a = [1, 2, 3]
a[1:2] = [7, 8, 9]
print(a)
a[::2] = [0, 0, 0]
print(a)
del a[1]
print(a)
del a[::2]
print(a)
#---
a = [3, 1, 2]
a.append(5); a.extend([9, 0]); a.insert(0, -1); a.insert(100, 7)
print(a, a.pop(), a.pop(0), a.index(2), a.count(1))
a.remove(9); a.sort(); print(a); a.reverse(); print(a)
#---
a = ['bb', 'a', 'ccc']
print(sorted(a), sorted(a, key=len), sorted(a, key=len, reverse=True), sorted([3, 1, 2], reverse=True))
a.sort(key=lambda s: -len(s)); print(a)
#---
pairs = [(1, 'b'), (0, 'z'), (1, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), max(pairs), min(pairs, key=lambda p: p[1]))
#---
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), (1,), (), tuple([1, 2]), t + (4,), t * 2, t.count(2), t.index(3))
#---
d = {'b': 1, 'a': 2}
d['c'] = 3; d['b'] = 10
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d), 'a' in d, 'z' in d)
#---
d = {'x': 1}
print(d.get('x'), d.get('y'), d.get('y', 0), d.setdefault('y', 5), d, d.pop('x'), d, d.pop('q', None))
#---
d = {1: 'a', 2: 'b'}
del d[1]; d[1] = 'c'
print(d, d.keys(), d.values(), d.items())
#---
d = dict(a=1, b=2)
d.update({'c': 3}, d=4)
print(d, dict([('x', 1), ('y', 2)]), dict(zip('ab', [1, 2])), {**d, 'a': 0}, d | {'e': 5})
#---
d = {}
for w in 'the cat the hat the'.split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
#---
print({1: 'a', True: 'b', 1.0: 'c'}, {(1, 2): 'tuple key'}, {None: 0})
#---
d = {'a': 1}
print(d['b'])
#---
d = {[1]: 2}
#---
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(len(s), 2 in s, sorted(s), set(), sorted({1, 2} | {3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2}), sorted({1, 2} ^ {2, 3}))
#---
print({1, 2} <= {1, 2, 3}, {1} < {1}, {1, 2}.issubset([1, 2, 5]), {1, 2, 3}.issuperset({1}), {1}.isdisjoint({2}))
#---
s = set()
s.remove(1)
#---
print([i * i for i in range(5)], [i for i in range(10) if i % 3 == 0], [(x, y) for x in range(2) for y in 'ab'])
#---
print({k: v for k, v in [('a', 1), ('b', 2)]}, sorted({x % 3 for x in range(10)}), sum(x * x for x in range(4)), list(x for x in 'ab'))
#---
print([[j for j in range(i)] for i in range(4)], [x for row in [[1, 2], [3]] for x in row if x != 2])
#---
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(3), range(1, 5, 2), len(range(0, 10, 3)), range(10)[2:8:2], 5 in range(10), range(10)[-1])
#---
print(list(enumerate('ab')), list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])))
#---
print(list(reversed([1, 2, 3])), list(reversed(range(3))), any([0, 0, 1]), all([]), any([]), all([1, 0]))
#---
a, b = 1, 2
a, b = b, a
c, *rest = [1, 2, 3, 4]
*init, last = 'xyz'
(p, q), r = (1, 2), 3
print(a, b, c, rest, init, last, p, q, r)
#---
for i, (k, v) in enumerate({'a': 1}.items()):
    print(i, k, v)
#---
a, b = [1, 2, 3]
#---
a, b, c = [1, 2]
#---
a, b = 5
#---
x = [1, 2, 3]
print(x[3])
#---
x = (1,)
print(x[1])
#---
x = [1]
x[5] = 0
#---
print(5[0])
#---
print(len(5))
#---
for x in 5:
    pass
#---
[].pop()
#---
[1].remove(2)
#---
print([1, 2].index(3))
#---
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3], a is [1, 2, 3])
#---
a = [[0] * 2] * 2
a[0][0] = 1
print(a)
#---
x = [1, 2, 3]
x += [4]
y = x
y += (5,)
print(x)
#---
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1] == [1.0], (1, [2]) == (1, [2]))
#---
l = [1]
l.append(l)
print(l)
#---
print(list('abc'), tuple('ab'), set('aa'), dict.fromkeys('ab', 0), list({'x': 1}))
#---
nested = {'a': [1, {'b': (2, 3)}], 'c': {'d': None}}
print(nested, nested['a'][1]['b'][0])
#---
it = iter([1, 2])
print(next(it), next(it), next(it, 'done'))
#---
it = iter([])
next(it)
#---
print(sorted([3, 'a']))
#---
print(max([]))
#---
print(min([], default=0), max([1, 3, 2], key=lambda x: -x))
#---
m = map(lambda x, y: x + y, [1, 2], [10, 20])
print(list(m), list(m))
#---
print(list(zip()), list(zip([1], [])), dict(enumerate('ab')))
