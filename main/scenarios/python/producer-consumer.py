"""producer-consumer: producers put names on a Queue, consumers take them for ever (seed 000/002; endings from 004).

Differences from the seed, and from the lab's program:
- The names are the lab's, not the seed's; producers beyond the third reuse the lists
  with a number added ('Ada 2'), as the lab does.
- The seed has only the daemon ending. The other endings are the lab's: poison-pill (the
  parent puts one None per consumer after the producers are done, then joins the
  consumers), joinable (JoinableQueue: consumers call task_done(), each producer waits in
  join() until every name is done, consumers are daemons) and none (no end signal at all).
- The lab also prints "<pid> got the end marker, exiting" (poison-pill) and "Producer
  <pid> waits in join() until every name is done" (joinable); the seed has no such lines
  and neither has this program. The lab prints the parent's last line under the console
  lock; the seed, and this program, print it without.
- ending=none hangs by design: the parent prints its last line, then waits at exit for
  consumers that wait in get() for ever. With hangAfterS (seconds of wall time) the
  parent then ends them and itself, printing nothing more, with exit code 3.
"""
import os
import time
import random
import multiprocessing as mp

from lab_params import read_params, reseed, end_hang_after

P = read_params(
    {'producers': 3, 'consumersPerProducer': 2, 'sleepMaxUnits': 10, 'ending': 'daemon', 'hangAfterS': None},
    choices={'ending': ('daemon', 'poison-pill', 'joinable', 'none')},
)
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds

NAME_LISTS = [
    ['Ada', 'Basil', 'Cora', 'Dmitri'],
    ['Elsa', 'Femi', 'Gwen', 'Hugo', 'Ines'],
    ['Jonas', 'Keiko', 'Luca', 'Mira', 'Nico'],
]


def names_for(i):
    """Producer i's names: the three lists in turn, numbered from the fourth producer on."""
    names = NAME_LISTS[i % 3]
    return names if i < 3 else [f'{n} {i // 3 + 1}' for n in names]


def random_pause():
    time.sleep(random.randint(0, P['sleepMaxUnits']) * UNIT)


def producer(queue, console, names, who):
    reseed(P, who)
    with console:  # one process at a time on the console
        print('Starting producer => {}'.format(os.getpid()))
    for name in names:
        random_pause()
        queue.put(name)
    if P['ending'] == 'joinable':
        queue.join()  # wait until a consumer has called task_done() for every name
    with console:
        print('Producer {} exiting...'.format(os.getpid()))


def consumer(queue, console, who):
    reseed(P, who)
    with console:
        print('Starting consumer => {}'.format(os.getpid()))
    while True:  # no way out, unless the ending sends one
        random_pause()
        name = queue.get()  # waits while the queue is empty
        if name is None:  # poison-pill: the parent's end marker
            return
        with console:
            print('{} got {}'.format(os.getpid(), name))
        if P['ending'] == 'joinable':
            queue.task_done()


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    end_hang_after(P['hangAfterS'], mp.active_children)
    ending = P['ending']
    queue = mp.JoinableQueue() if ending == 'joinable' else mp.Queue()
    console = mp.Lock()

    producers = [mp.Process(target=producer, args=(queue, console, names_for(i), f'producer-{i + 1}'))
                 for i in range(P['producers'])]
    consumers = []
    for i in range(P['producers'] * P['consumersPerProducer']):
        c = mp.Process(target=consumer, args=(queue, console, f'consumer-{i + 1}'))
        # A daemon is ended when the parent's program ends: the way out of the endless loop.
        c.daemon = ending in ('daemon', 'joinable')
        consumers.append(c)

    for p in producers:
        p.start()
    for c in consumers:
        c.start()
    for p in producers:
        p.join()  # never join a consumer that loops for ever

    if ending == 'poison-pill':
        for _ in consumers:
            queue.put(None)  # one end marker per consumer
        for c in consumers:
            c.join()

    print('Parent process exiting...')
    # Python waits for the non-daemon children when the program ends; waiting here instead
    # keeps the queue and the lock alive for them (under spawn the program's end unlinks
    # them before that wait). ending=none: the consumers wait in get() for ever, and so
    # does this: the hang. Daemons are not waited for: they are ended at exit.
    for child in mp.active_children():
        if not child.daemon:
            child.join()

