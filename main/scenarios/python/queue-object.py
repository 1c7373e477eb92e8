"""queue-object: an object of our own class travels through a Queue (seed 001, its first example).

The parent puts an Errand on the queue; the queue pickles it (the class by name, the
object by its fields) and the worker gets a rebuilt copy, whose method then runs in the
worker: it prints the worker's process name. A lambda or a function defined inside
another function could not travel this way, since pickle sends a function by its
importable name only.

Beyond the seed (as the lab's program does): once the queue is closed, the parent tries
one more put, which raises ValueError; a note of ours on stderr says so.
"""
import sys
import multiprocessing as mp

from lab_params import read_params

P = read_params({})


class Errand:
    def __init__(self, client):
        self.client = client

    def run_errand(self):
        # Runs wherever the object is: here, in the worker that got it from the queue.
        here = mp.current_process().name
        print('Doing something fancy in {} for {}!'.format(here, self.client))


def worker(queue):
    errand = queue.get()  # a copy rebuilt from the pickle
    errand.run_errand()


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    queue = mp.Queue()
    w = mp.Process(target=worker, args=(queue,))
    w.start()
    queue.put(Errand('Fancy Dan'))
    queue.close()        # this process will put nothing more on the queue
    queue.join_thread()  # wait until the queue's feeder thread has sent what was put
    try:
        queue.put(Errand('nobody'))  # not allowed any more: close() said so
    except ValueError as err:
        print('put after close: ValueError:', err, file=sys.stderr)
    w.join()             # then wait for the worker

