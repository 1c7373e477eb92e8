"""semaphore-pool: a Semaphore lets only a few jobs be active at once (seed 001, Semaphore).

Same lines as the lab's program. The active names live in a list kept by a manager,
guarded by a lock, inside our class ActiveNames (the seed's class also holds the manager
itself, which cannot be pickled for spawn: ours holds only the list and the lock).
"""
import time
import random
import multiprocessing as mp

from lab_params import read_params, reseed

P = read_params({'jobs': 10, 'slots': 3, 'holdMaxUnits': 1})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


class ActiveNames:
    """Which jobs are active right now: a manager's list, changed under a lock."""

    def __init__(self, shared_list, lock):
        self.names = shared_list
        self.lock = lock

    def add(self, name):
        with self.lock:
            self.names.append(name)

    def discard(self, name):
        with self.lock:
            self.names.remove(name)

    def __str__(self):
        with self.lock:
            return str(self.names)  # e.g. ['0', '1', '2']


def job(slots, active):
    me = mp.current_process().name
    reseed(P, me)
    with slots:  # waits here while every slot is taken
        active.add(me)
        print('Activating {} now running {}'.format(me, active))
        time.sleep(random.random() * P['holdMaxUnits'] * UNIT)
        active.discard(me)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    manager = mp.Manager()  # a server process that holds the shared list
    active = ActiveNames(manager.list(), mp.Lock())
    slots = mp.Semaphore(P['slots'])
    jobs = [mp.Process(target=job, name=str(i), args=(slots, active)) for i in range(P['jobs'])]

    for j in jobs:
        j.start()

    while True:  # keep looking until no job is alive
        alive = 0
        for j in jobs:
            if j.is_alive():
                alive += 1
                j.join(timeout=0.1 * UNIT)
                print('Now running {}'.format(active))
        if alive == 0:
            break
