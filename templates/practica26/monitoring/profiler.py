"""CPU and memory profiling of endpoints (Práctica 26)."""
import asyncio
import cProfile
import io
import pstats
import time
import tracemalloc
from functools import wraps
from typing import Any, Dict, Optional


class APIProfiler:
    """Keeps the last cProfile report and memory peak of each profiled function."""

    def __init__(self, prefix: str, top: int = 20):
        self.prefix = prefix
        self.top = top
        self.profiles: Dict[str, Dict[str, Any]] = {}
        self.memory_profiles: Dict[str, Dict[str, Any]] = {}

    def profile_function(self, func_name: Optional[str] = None):
        """Decorator: profiles each call of a sync or async function with cProfile."""

        def decorator(func):
            func_id = func_name or func.__name__

            @wraps(func)
            async def wrapper(*args, **kwargs):
                pr = cProfile.Profile()
                start_time = time.perf_counter()
                pr.enable()
                try:
                    if asyncio.iscoroutinefunction(func):
                        result = await func(*args, **kwargs)
                    else:
                        result = func(*args, **kwargs)
                finally:
                    pr.disable()
                    execution_time = time.perf_counter() - start_time
                    stream = io.StringIO()
                    stats = pstats.Stats(pr, stream=stream)
                    stats.sort_stats('cumulative')
                    stats.print_stats(self.top)
                    self.profiles[func_id] = {
                        'execution_time': execution_time,
                        'profile_data': stream.getvalue(),
                        'timestamp': time.time(),
                    }
                return result

            return wrapper

        return decorator

    def get_profile_report(self, func_name: Optional[str] = None) -> Dict[str, Any]:
        """The report of one function, or of all of them."""
        if func_name:
            return self.profiles.get(func_name, {})
        return {"cpu": self.profiles, "memory": self.memory_profiles}

    def clear_profiles(self):
        """Forgets every stored report."""
        self.profiles.clear()
        self.memory_profiles.clear()


def memory_profile_async(profiler: APIProfiler, func_name: Optional[str] = None):
    """Decorator for async functions: records the memory peak of each call with tracemalloc.

    memory_profiler's @profile only measures synchronous functions line by line, so it cannot
    wrap a coroutine; tracemalloc measures the allocations made while the coroutine runs.
    """

    def decorator(func):
        func_id = func_name or func.__name__

        @wraps(func)
        async def wrapper(*args, **kwargs):
            started_here = not tracemalloc.is_tracing()
            if started_here:
                tracemalloc.start()
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            try:
                return await func(*args, **kwargs)
            finally:
                current, peak = tracemalloc.get_traced_memory()
                profiler.memory_profiles[func_id] = {
                    'allocated_bytes': current - before,
                    'peak_bytes': peak,
                    'timestamp': time.time(),
                }
                if started_here:
                    tracemalloc.stop()

        return wrapper

    return decorator
