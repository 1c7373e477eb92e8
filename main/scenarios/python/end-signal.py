"""end-signal: how consumers learn there is nothing more to eat (seed 004's own programs).

The lab's end-signal scenario, with the same `variant` parameter; this program keeps the
seed's structure, who starts, joins and signals what, with our own names:

- no-signal: one producer, one consumer, no end signal. The parent prints "Main process"
  at once (it joins nobody), the producer makes its three items and leaves, and the
  consumer, having eaten them, waits in get() for ever: multiprocessing waits for it when
  the parent's program ends, so the program never ends. With hangAfterS (seconds of wall
  time) the parent then ends the consumer and itself, printing nothing more, with exit
  code 3.
- one-none: the fix. The parent joins the producer, then puts one None: the consumer
  leaves its loop when it gets it.
- none-per-consumer: two producers, three consumers, so three Nones after both joins.
- joinable-daemons: a JoinableQueue. Each producer waits in join() until every item it
  put has been marked done with task_done(); the consumers are daemons, ended when the
  parent's program ends, which is after both producers, so after every item was eaten.
"""
import time
import multiprocessing as mp

from lab_params import read_params, end_hang_after

P = read_params(
    {'variant': 'no-signal', 'hangAfterS': None},
    choices={'variant': ('no-signal', 'one-none', 'none-per-consumer', 'joinable-daemons')},
)
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


def consumer(queue, eater):
    while True:
        dish = queue.get()  # blocks while the queue is empty
        if dish is None:  # the end signal
            break
        print('%s Ate %s' % (eater, dish))
        if P['variant'] == 'joinable-daemons':
            queue.task_done()  # tell join() that this item is dealt with


def producer(queue, cook, food):
    for i in range(3):
        time.sleep(1 * UNIT)  # cooking takes a while
        dish = '%s %s' % (food, i)
        print('%s Produced %s' % (cook, dish))
        queue.put(dish)
    if P['variant'] == 'joinable-daemons':
        queue.join()  # wait until the consumers have eaten everything put on it


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    end_hang_after(P['hangAfterS'], mp.active_children)
    variant = P['variant']

    if variant in ('no-signal', 'one-none'):  # the seed's first program, and its fix
        queue = mp.Queue()
        p1 = mp.Process(target=producer, args=(queue, 'nora', 'plum'))
        c1 = mp.Process(target=consumer, args=(queue, 'otto'))
        p1.start()
        c1.start()
        if variant == 'one-none':
            p1.join()
            queue.put(None)  # the consumer's way out
        print('Main process')
        # no-signal: nothing will ever tell c1 to stop: the wait for it below never ends.

    else:  # two producers, three consumers
        queue = mp.JoinableQueue() if variant == 'joinable-daemons' else mp.Queue()
        producers = [mp.Process(target=producer, args=(queue, 'nora', 'plum')),
                     mp.Process(target=producer, args=(queue, 'ned', 'fig'))]
        consumers = [mp.Process(target=consumer, args=(queue, eater)) for eater in ('otto', 'olga', 'omar')]
        if variant == 'joinable-daemons':
            for c in consumers:
                c.daemon = True  # ended with the parent's program: no end signal needed
        for p in producers + consumers:
            p.start()
        for p in producers:
            p.join()
        if variant == 'none-per-consumer':
            for _ in consumers:
                queue.put(None)  # one end signal per consumer
        print('Main process')

    # Python waits for the non-daemon children when the program ends (for ever, in
    # no-signal); waiting here instead keeps the queue alive for them: under spawn the
    # program's end unlinks its lock before that wait, and a child still starting could
    # no longer open it.
    for child in mp.active_children():
        if not child.daemon:
            child.join()
