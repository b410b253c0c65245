"""The loop's blocking work: its own few threads, each check resumed with what its work returned or raised."""

from __future__ import annotations

import threading

from spector_refs.check.loop import CurlLoop
from spector_refs.check.scheduler import HostScheduler, HostSlot
from spector_refs.check.tasks import Call, Task


def test_blocking_work_resumes_its_check_with_the_value_or_in_it_the_exception():
    pool_threads: list[threading.Thread] = []

    def work(job: str) -> str:
        pool_threads.append(threading.current_thread())
        if job.startswith("fail"):
            raise LookupError(f"{job} failed")
        return f"{job} done"

    jobs = [(f"host{n}", name) for n, name in enumerate(["a", "fail-b", "c", "fail-d", "e", "f"])]
    scheduler: HostScheduler[str] = HostScheduler(jobs, per_host=1, interval=0.0)
    seen: dict[str, str] = {}

    def start(host: str, job: str) -> Task[None]:
        slot = HostSlot(scheduler, host)
        try:
            seen[job] = yield Call(work, (job,))
        except LookupError as exc:
            seen[job] = f"raised: {exc}"
        finally:
            slot.close()

    loop = CurlLoop(scheduler, threads=2)
    try:
        loop.run(start, concurrency=6)
    finally:
        loop.close()
    assert seen == {
        "a": "a done",
        "fail-b": "raised: fail-b failed",
        "c": "c done",
        "fail-d": "raised: fail-d failed",
        "e": "e done",
        "f": "f done",
    }
    assert threading.current_thread() not in pool_threads
    assert len(set(pool_threads)) <= 2  # at most ``threads``, however much work
    assert all(t.daemon for t in pool_threads), "a lookup under way must not hold up the program's end"
    for thread in set(pool_threads):
        thread.join(5)  # closed: each ends once its work is done
    assert not any(t.is_alive() for t in pool_threads)
