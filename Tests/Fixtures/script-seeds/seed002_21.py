@ray.remote
async def f():
    pass
