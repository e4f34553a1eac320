"""CPU slots (scraper.slots): bounded waits, handed to the highest priority first."""
import threading
import time

from govnews.scraper.slots import CpuSlots


def test_take_is_immediate_while_slots_are_free_and_idempotent_per_thread():
    slots = CpuSlots(2, wait=5.0)
    assert slots.take() and slots.take()          # the same thread: still one slot
    done = []
    other = threading.Thread(target=lambda: done.append(slots.take()))
    other.start()
    other.join(1.0)
    assert done == [True]                         # the second slot, at once
    slots.give()
    slots.give()                                  # giving twice gives one slot back
    assert slots._free == 1


def test_a_wait_is_bounded_and_the_thread_goes_on_without_a_slot():
    slots = CpuSlots(1, wait=0.2)
    assert slots.take()
    result = []

    def waiter():
        began = time.monotonic()
        result.append((slots.take(), time.monotonic() - began))
        slots.give()                              # holds none: changes nothing
    thread = threading.Thread(target=waiter)
    thread.start()
    thread.join(5.0)
    got, waited = result[0]
    assert not got and 0.15 <= waited < 2.0
    assert slots.waiting() == 0
    slots.give()
    assert slots._free == 1                       # the timed-out waiter was not handed it


def test_a_freed_slot_goes_to_the_highest_priority_waiter_then_first_come():
    slots = CpuSlots(1, wait=10.0)
    assert slots.take()
    order, threads = [], []

    def waiter(name, priority):
        slots.take(priority)
        order.append(name)
        slots.give()
    for name, priority in (("low", 1), ("high-first", 50), ("mid", 10), ("high-second", 50)):
        threads.append(threading.Thread(target=waiter, args=(name, priority)))
        threads[-1].start()
        deadline = time.monotonic() + 5
        while slots.waiting() < len(threads) and time.monotonic() < deadline:
            time.sleep(0.005)
    slots.give()
    for thread in threads:
        thread.join(10.0)
    assert order == ["high-first", "high-second", "mid", "low"]
    assert slots._free == 1 and slots.waiting() == 0


def test_many_threads_never_hold_more_slots_than_there_are():
    slots = CpuSlots(2, wait=10.0)
    lock, inside, most = threading.Lock(), [0], [0]

    def work(i):
        for _ in range(20):
            slots.take(i % 3)
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.0005)
            with lock:
                inside[0] -= 1
            slots.give()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30.0)
    assert most[0] <= 2 and slots._free == 2
