import ray

# Put an object in Ray's object store.
y = 1
object_ref = ray.put(y)
