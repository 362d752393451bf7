async def f():
    pass

@ray.remote
def wrapper():
    import asyncio
    asyncio.run(f())
