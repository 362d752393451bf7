# Call the actor.
obj_ref = counter.increment.remote()
print(ray.get(obj_ref))
