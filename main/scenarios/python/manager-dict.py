"""manager-dict: many processes fill one dict kept by a manager (seed 001, Manager dict).

Same line as the lab's program: "Results: {0: 0, 1: 2, ...}", with the keys in the
order the workers' writes arrived.
"""
import multiprocessing as mp

from lab_params import read_params

P = read_params({'workers': 10})


def store(shared, key, value):
    shared[key] = value  # travels to the manager's process: everybody sees it


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    manager = mp.Manager()
    shared = manager.dict()
    workers = [mp.Process(target=store, args=(shared, i, i * 2)) for i in range(P['workers'])]
    for w in workers:
        w.start()
    for w in workers:
        w.join()  # every write is in once all have finished
    print('Results:', shared)
