def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
print(f(1))
print(f(1, 5, 6, 7, c=0, d=9))
print(f(*[1, 2], **{'c': 4, 'z': 1}))
#---
def f(a, b):
    return a - b
print(f(b=1, a=5), f(5, b=1))
#---
def f(a, b):
    pass
f(1, 2, 3)
#---
def f(a, b):
    pass
f(1)
#---
def f(a, b, c):
    pass
f()
#---
def f(a):
    pass
f(1, a=2)
#---
def f(a):
    pass
f(b=2)
#---
def f():
    pass
f(1)
#---
def f(a, b=1):
    pass
f(1, 2, 3)
#---
def f(*, k):
    pass
f()
#---
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c(); c()
print(c())
#---
x = 10
def g():
    global x
    x = 20
g()
print(x)
#---
x = 1
def f():
    print(x)
    x = 2
f()
#---
def outer():
    v = 'outer'
    def inner():
        return v
    v = 'changed'
    return inner()
print(outer())
#---
fns = [lambda: i for i in range(3)]
print([fn() for fn in fns])
fns = [lambda i=i: i for i in range(3)]
print([fn() for fn in fns])
#---
x = 'global'
def f():
    x = 'local'
    return [x for _ in range(2)]
print(f())
#---
i = 'kept'
l = [i for i in range(3)]
print(i)
#---
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
#---
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(10)])
#---
def deco(fn):
    def wrapper(*a, **k):
        print('before', fn.__name__)
        r = fn(*a, **k)
        print('after')
        return r
    return wrapper
@deco
def hello(name):
    print('hi', name)
    return 42
print(hello('bob'))
#---
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def one():
    return 1
print(one())
#---
def f():
    """Docstring here."""
    return 1
print(f.__doc__, f.__name__)
#---
add = lambda x, y=1: x + y
print(add(1), add(1, 2), (lambda *a: len(a))(1, 2, 3), sorted([3, 1], key=lambda v: v))
#---
for i in range(3):
    if i == 5:
        break
else:
    print('no break')
for i in range(3):
    if i == 1:
        break
else:
    print('never')
print(i)
#---
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print(n)
else:
    print('no')
#---
n = 3
while n:
    n -= 1
else:
    print('while else', n)
#---
for i in range(2):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
#---
x = 5
if x > 10:
    print('big')
elif x > 3:
    print('medium')
else:
    print('small')
#---
def f(x):
    if x:
        return 'yes'
print(f(0), f(1))
#---
def gen_args(*args, **kwargs):
    print(args, kwargs)
gen_args()
gen_args(1, x=2)
#---
def f(a, /, b):
    return a + b
print(f(1, b=2))
#---
def f(x: int, y: 'str' = 'a') -> str:
    return str(x) + y
z: int = 3
w: list
print(f(z), f(1, 'b'))
#---
def f():
    return 1, 2
a, b = f()
print(a, b, f())
#---
def counter():
    counter.calls += 1
counter.calls = 0
counter(); counter()
print(counter.calls)
#---
print(undefined_name)
#---
def f():
    return g()
def g():
    return h
f()
#---
def f(n):
    return f(n + 1)
f(0)
#---
if __name__ == "__main__":
    print("main!")
#---
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
    mid()
    return x
print(outer())
#---
total = 0
def add(n):
    global total
    total += n
for k in range(4):
    add(k)
print(total)
#---
print((lambda: (yield))) if False else print('skip')
#---
x = 0
def f():
    x += 1
f()
#---
def f(**kw):
    return sorted(kw.items())
print(f(b=1, a=2))
#---
def f(a, b):
    return a * b
args = (2, 3)
print(f(*args), f(*'ab'[:1], 4))
#---
print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
#---
print(callable(len), callable(1), callable(lambda: 0))
