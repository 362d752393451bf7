print({3, 1, 2}, {5, 0, 7, 2}, {x % 4 for x in range(10)}, set([9, 3, 6]), {1, 2} | {0})
#---
s = {10, 2, 7, 4, 1, 9}
print(s, sorted(s), list(s), frozenset({2, 1}))
#---
print({True, 2}, {0, False}, set(range(5)), set())
