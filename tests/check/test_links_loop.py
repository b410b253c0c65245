"""The loop's blocking work (its own few threads, each check resumed with what its work returned or
raised) and its order: what is on its way to the network goes before a paused check's judging."""

from __future__ import annotations

import threading
import time

from spector_refs.check.loop import CurlLoop
from spector_refs.check.scheduler import HostScheduler, HostSlot
from spector_refs.check.tasks import Call, Pause, Task


def run_loop(scheduler: HostScheduler[str], start, concurrency: int) -> None:  # type: ignore[no-untyped-def]
    loop = CurlLoop(scheduler, threads=2)
    try:
        loop.run(start, concurrency=concurrency)
    finally:
        loop.close()


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

    run_loop(scheduler, start, concurrency=6)
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


def test_a_paused_check_gives_its_place_and_its_slot_to_the_next_check_before_it_is_judged():
    """With one place and one slot, the second check starts as soon as the first pauses, not after."""
    scheduler: HostScheduler[str] = HostScheduler([("h", "a"), ("h", "b")], per_host=1, interval=0.0)
    order: list[str] = []

    def start(host: str, job: str) -> Task[None]:
        slot = HostSlot(scheduler, host)
        order.append(f"{job} started")
        slot.close()
        yield Pause()
        order.append(f"{job} judged")

    run_loop(scheduler, start, concurrency=1)
    assert order == ["a started", "b started", "a judged", "b judged"]


def test_paused_checks_waiting_to_be_judged_hold_back_new_checks_beyond_twice_the_concurrency():
    """Judging slower than the network must not start every job at once, each holding its answer."""
    jobs = [(f"host{n}", f"job{n}") for n in range(40)]
    scheduler: HostScheduler[str] = HostScheduler(jobs, per_host=1, interval=0.0)
    under_way: list[int] = []
    judged: list[str] = []

    def start(host: str, job: str) -> Task[None]:
        slot = HostSlot(scheduler, host)
        under_way.append(len(under_way) - len(judged) + 1)  # started so far, less those judged
        slot.close()
        yield Pause()
        time.sleep(0.001)  # judging: CPU work, slower here than these checks' (absent) network
        judged.append(job)

    run_loop(scheduler, start, concurrency=3)
    assert sorted(judged) == sorted(job for _, job in jobs)
    assert max(under_way) == 6, under_way  # 3 places, and 3 paused checks beside them at most


def test_work_that_comes_back_while_paused_checks_are_judged_goes_on_before_the_rest_of_them():
    """The loop looks at the network (here: the pool's wake-up) between two judgings, not after all."""
    jobs = [(f"host{n}", name) for n, name in enumerate(["call", "j1", "j2", "j3", "j4", "j5"])]
    scheduler: HostScheduler[str] = HostScheduler(jobs, per_host=1, interval=0.0)
    order: list[str] = []

    def start(host: str, job: str) -> Task[None]:
        slot = HostSlot(scheduler, host)
        slot.close()
        if job == "call":
            yield Call(lambda: None, ())
            order.append("call resumed")
            return
        yield Pause()
        time.sleep(0.05)  # judging: CPU work, during which the call's thread is done
        order.append(f"{job} judged")

    run_loop(scheduler, start, concurrency=6)
    assert sorted(order) == ["call resumed", "j1 judged", "j2 judged", "j3 judged", "j4 judged", "j5 judged"]
    assert order[-1] != "call resumed", order
