"""The Python side of `npm run bench`: the same workloads as
main/scenarios/internal/bench-workloads.ts, written with plain multiprocessing.

usage: python3 mp_bench.py <metric> <n> <procs>
prints one JSON object: {"seconds": ..., "ops": ..., "start_method": ..., "python": ...}
"""
import json
import multiprocessing as mp
import platform
import sys
import time


def noop():
    pass


def double(x):
    return x * 2


# ---- worker bodies (module level, so any start method can pickle them) ----

def producer(q, k):
    for i in range(k):
        q.put(i)


def consumer(q, k):
    for _ in range(k):
        q.get()


def semaphore_user(s, k):
    for _ in range(k):
        s.acquire()
        s.release()


def dict_setter(d, w, k):
    for j in range(k):
        d[f"{w}-{j}"] = j


BODIES = {"producer": producer, "consumer": consumer, "semaphore_user": semaphore_user, "dict_setter": dict_setter}


def member(ready, go, done, body, args):
    """Report ready, wait for go, work, report done (as bench-crew.ts does)."""
    ready.put(1)
    go.wait()
    BODIES[body](*args)
    done.put(1)


def run_crew(members):
    """Starts every member, waits until all are ready, times from go to the last done."""
    ready, done, go = mp.Queue(), mp.Queue(), mp.Event()
    procs = [mp.Process(target=member, args=(ready, go, done, body, args)) for body, args in members]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get()
    t0 = time.perf_counter()
    go.set()
    for _ in procs:
        done.get()
    seconds = time.perf_counter() - t0
    for p in procs:
        p.join()
    return seconds


def task_doer(ready, q):
    ready.put(1)
    while True:
        q.get()
        q.task_done()


def echo(conn, n):
    for _ in range(n):
        conn.send(conn.recv())


def ponger(ready, ping, pong, n):
    ready.put(1)
    for _ in range(n):
        ping.wait()
        ping.clear()
        pong.set()


# ---- workloads: each returns (seconds, ops) ----

def process_start_sequential(n, _procs):
    t0 = time.perf_counter()
    for _ in range(n):
        p = mp.Process(target=noop)
        p.start()
        p.join()
    return time.perf_counter() - t0, n


def process_start_10(n, _procs):
    t0 = time.perf_counter()
    for _ in range(n):
        ps = [mp.Process(target=noop) for _ in range(10)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
    return time.perf_counter() - t0, n


def queue_flow(n, producers, consumers):
    assert n % producers == 0 and n % consumers == 0
    q = mp.Queue()
    members = [("consumer", (q, n // consumers))] * consumers + [("producer", (q, n // producers))] * producers
    return run_crew(members), n


def joinable_4(n, _procs):
    q, ready = mp.JoinableQueue(), mp.Queue()
    workers = [mp.Process(target=task_doer, args=(ready, q), daemon=True) for _ in range(4)]
    for w in workers:
        w.start()
    for _ in workers:
        ready.get()
    t0 = time.perf_counter()
    for i in range(n):
        q.put(i)
    q.join()
    seconds = time.perf_counter() - t0
    for w in workers:
        w.terminate()
        w.join()
    return seconds, n


def semaphore_3_10(n, _procs):
    s = mp.Semaphore(3)
    return run_crew([("semaphore_user", (s, n // 10))] * 10), n


def manager_dict_4(n, _procs):
    with mp.Manager() as m:
        d = m.dict()
        return run_crew([("dict_setter", (d, w, n // 4)) for w in range(4)]), n


def pool_map(n, procs):
    with mp.Pool(procs) as pool:
        inputs = list(range(n))
        t0 = time.perf_counter()
        out = pool.map(double, inputs)  # Python's default chunksize
        seconds = time.perf_counter() - t0
    assert len(out) == n and out[-1] == (n - 1) * 2
    return seconds, n


def pipe_rtt(n, _procs):
    mine, theirs = mp.Pipe()
    child = mp.Process(target=echo, args=(theirs, n + 1))
    child.start()
    mine.send(-1)
    mine.recv()
    t0 = time.perf_counter()
    for i in range(n):
        mine.send(i)
        mine.recv()
    seconds = time.perf_counter() - t0
    child.join()
    return seconds, n


def event_wakeup(n, _procs):
    ping, pong, ready = mp.Event(), mp.Event(), mp.Queue()
    child = mp.Process(target=ponger, args=(ready, ping, pong, n))
    child.start()
    ready.get()
    t0 = time.perf_counter()
    for _ in range(n):
        ping.set()
        pong.wait()
        pong.clear()
    seconds = time.perf_counter() - t0
    child.join()
    return seconds, 2 * n


WORKLOADS = {
    "process-start-sequential": process_start_sequential,
    "process-start-10": process_start_10,
    "queue-1-1": lambda n, _p: queue_flow(n, 1, 1),
    "queue-3-6": lambda n, _p: queue_flow(n, 3, 6),
    "joinable-4": joinable_4,
    "semaphore-3-10": semaphore_3_10,
    "manager-dict-4": manager_dict_4,
    "pool-map-100k": pool_map,
    "pipe-rtt": pipe_rtt,
    "event-wakeup": event_wakeup,
}


def main():
    metric, n, procs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if metric not in WORKLOADS:
        sys.exit(f"unknown metric {metric!r}; known: {', '.join(WORKLOADS)}")
    seconds, ops = WORKLOADS[metric](n, procs)
    print(json.dumps({"seconds": seconds, "ops": ops, "start_method": mp.get_start_method(), "python": platform.python_version()}))


if __name__ == "__main__":
    main()
