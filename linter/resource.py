"""One way to hold a loaded resource: a lexicon, a language model, a checker, a thread.

    lexicon = Resource("lexicon", Lexicon)              # lexicon() loads it once, then returns it
    linter = Resource("harper-linter", build_linter)    # linter("en-GB", disabled): one per key

- Lazy: nothing loads at import; the first call loads.
- Once per process and thread-safe: threads that ask at once wait for one load. A load that
  raises keeps nothing, so the next call tries again.
- Keyed: a load function that takes arguments keeps one value per (hashable) argument tuple.
- Large (``large=True``, tens of megabytes): loads only once the command's early work is done
  (``newslint.launch``). That work may hold memory it frees when it ends (the built-in
  launcher's Harper dictionary holds 30 MB of scratch until its last moment), and the two at
  once would set the run's peak memory. A process with no early work loads at once.
- Reset after fork: the child starts with fresh locks (a lock held by another thread of the
  parent would never be released) and drops the values declared ``fork_safe=False`` (threads,
  native handles that do not survive a fork), which load again on first use. Plain data is
  inherited copy-on-write, which is why the engine warms the rules' resources before it forks
  its workers.
- Measured: ``benchmarks/resources.py`` loads each resource in a fresh process and prints
  its load time and memory (``example`` gives the arguments it loads a keyed one with).

``reset()`` forgets every value (tests, a host that wants the memory back); ``reset(*key)``
forgets one.
"""
from __future__ import annotations

import os
import threading
import weakref
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")

# every resource of this process: for the fork hook and benchmarks/resources.py
_ALL: "weakref.WeakSet[Resource[Any]]" = weakref.WeakSet()


class Resource(Generic[T]):
    def __init__(self, name: str, load: Callable[..., T], *, fork_safe: bool = True, large: bool = False,
                 example: tuple[Any, ...] | None = ()) -> None:
        self.name = name
        self.fork_safe = fork_safe
        self.large = large
        # the arguments benchmarks/resources.py loads it with; None: not measured (it needs
        # something the user provides, a model directory or a server)
        self.example = example
        self._load = load
        self._values: dict[tuple[Any, ...], T] = {}
        self._lock = threading.Lock()
        _ALL.add(self)

    def __call__(self, *key: Any) -> T:
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                if self.large:
                    from . import launch

                    launch.wait()
                self._values[key] = self._load(*key)
            return self._values[key]

    def loaded(self, *key: Any) -> bool:
        return key in self._values

    def reset(self, *key: Any) -> None:
        with self._lock:
            if key:
                self._values.pop(key, None)
            else:
                self._values.clear()

    def __repr__(self) -> str:
        return f"Resource({self.name!r}, {len(self._values)} loaded)"


def resources() -> list[Resource[Any]]:
    """Every resource defined by the modules imported so far, by name."""
    return sorted(_ALL, key=lambda r: r.name)


def _after_fork_in_child() -> None:
    for r in list(_ALL):
        r._lock = threading.Lock()
        if not r.fork_safe:
            r._values = {}


os.register_at_fork(after_in_child=_after_fork_in_child)
