"""pool-map: a Pool of workers maps x * 2 over the inputs (seed 001, Process Pools).

Same lines as the lab's program. Python's map() is lazy, so printing it shows the map
object itself ("<map object at 0x...>"), as the seed's output does. Workers are named
ForkPoolWorker-N under fork and SpawnPoolWorker-N under spawn, in the lab too.
maxTasksPerChild=0 means no limit (maxtasksperchild=None).
"""
import multiprocessing as mp

from lab_params import read_params

# The seed's pool has cpu_count() * 2 workers; the lab caps that default at its bound, 32.
P = read_params({'inputs': 10, 'poolSize': min(mp.cpu_count() * 2, 32), 'maxTasksPerChild': 0})


def double(x):
    return x * 2


def say_hello():
    """Runs once in every worker as it starts (the pool's initializer)."""
    print('Starting', mp.current_process().name)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    inputs = list(range(P['inputs']))
    print('Input   :', inputs)

    lazy = map(double, inputs)  # nothing computed yet: a map object
    print('Built-in:', lazy)

    pool = mp.Pool(processes=P['poolSize'], initializer=say_hello,
                   maxtasksperchild=P['maxTasksPerChild'] or None)
    outputs = pool.map(double, inputs)  # results in input order, whoever computed them
    pool.close()  # no more work will be given
    pool.join()   # wait for the workers to leave
    print('Pool    :', outputs)
