x = [1,
     2,  # comment inside brackets
     3]
y = {'a':
     1}
z = (1 +
     2)
print(x, y, z)
#---
total = 1 + \
        2 + \
        3
print(total)  # trailing comment
#---
a = 1; b = 2; print(a + b)
#---
if True: print('one-liner')
for i in range(2): print(i)
while False: pass
#---
def f(): return 'inline'
class K: pass
print(f(), K.__name__)
#---
if True:
	print('tab indented')
#---
def f():
    """Docstring
    spanning lines."""

    # comment line

    return 1


print(f())
#---
print(1e3, 1E3, 1.5e+2, 2.5E-3, .5, 5., 0.0, 00, 0_0, 1_0.0_1)
#---
print(0xFF, 0XFF, 0o777, 0B11, 0x_ff)
#---
print('\a\b\f\v'.encode() if False else len('\a\b\f\v'), '\101\x42\u0043\U00000044', '\z' if False else 'ok', len('\
'))
#---
print(r'\d+\n', R'raw', rb'' if False else 'x', u'unicode', F'{1+1}', fR'{2}\n', Rf'\t{3}')
#---
print("""a "quoted" word""", '''it's''', """x\
y""")
#---
print(f"{'a' if True else 'b'}", f"{3:{'>'}{4}}", f'{"{"}', f"{{}}", f"{ 1 + 1 }")
#---
name = 'w'
print(f'hello {name}!', f'{name.upper()}', f"{len(name) * 2}", f'{[1, 2][0]}', f'{ {1: 2}[1] }')
#---
items = [
    1,
    2,
]
d = dict(
    a=1,
    b=2,
)
print(items, d)
#---
def f(
    a,
    b=2,
):
    return a + b
print(f(
    1,
))
#---
x = 5
print(x if x > 3 else -x, not x, -x, +x, ~x, - -x)
#---
print(1 < 2 == 2 < 3, 1 < 3 > 2, (1 < 2) < 3, 1 == 1 in [True])
#---
print(not 1 == 2, not (1 == 2) and True, True or False and False, (True or False) and False)
#---
print(2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4, 2 ** 2 * 3, -2 ** 2, (-2) ** 2, 10 - 2 - 3, 100 / 10 / 5, 2 ** -1)
#---
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, 7 & 3 | 8, 6 // 4 * 2)
#---
x = [1, 2, 3]
print(x[0:2], x[:], x[::], x[1::], x[:: -1])
#---
lam = lambda: 0
print(lam(), (lambda x, *a, k=1, **kw: (x, a, k, kw))(1, 2, k=3, z=4))
#---
print([x for x in range(3)], (x for x in []).__class__.__name__ if False else 'gen', {x: x for x in 'ab'})
#---
print(*(1, 2), *[3], sep='|')
print([*range(3), *'ab'], {**{'a': 1}, **{'b': 2}}, (*[1], 2))
#---
if (n := 10) > 5:
    print('walrus', n)
#---
x = 1 if False else 2 if False else 3
print(x)
#---
print(type(...).__name__, ... is Ellipsis)
#---
assert True, 'never'
del_me = 1
del del_me
print('ok')
#---
import time as t, os
from os import getpid as gp
from time import (sleep,
                  time)
print(t.__name__, os.__name__, callable(gp), callable(sleep))
#---
global_var = 1
def f():
    global global_var, other
    other = 2
    global_var += 1
f()
print(global_var, other)
#---
class A(object):
    pass
class B(A,):
    pass
print(B.__mro__[1].__name__)
#---
def deco(arg):
    def d(fn):
        fn.tag = arg
        return fn
    return d
@deco('t1')
@deco('t2')
def f():
    pass
print(f.tag)
#---
x = 1 +
#---
def f()
    pass
#---
print('unclosed
#---
x = [1, 2
print(x)
#---
for x in range(3)
    pass
#---
class:
    pass
#---
lambda x: (yield)
print(1 2)
#---
def f(x, x):
    pass
#---
f(a=1, a=2)
#---
f(a=1, 2)
#---
nonlocal x
#---
x += 1 = 2
#---
(a, b) += 1
