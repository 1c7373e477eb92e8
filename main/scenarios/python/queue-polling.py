"""queue-polling: counter processes post to a Queue; the parent polls it without blocking (seed 003, multi4).

Same lines as the lab's program: the counters print with the seed's label ' @' (a space,
then @: print() adds another space, so the line reads " @ <pid> <state>"), and the last
line shows one exit code, the last counter's ("finish <pid> 0"). The counters are the
seed's Process subclass Counter, named Counter-1, Counter-2, ... (in the lab too). They
start at 0, 100, 1000, 10000, ... as the lab's do.
"""
import os
import time
import queue
import multiprocessing as mp

from lab_params import read_params

P = read_params({'counters': 3, 'steps': 3})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


class Counter(mp.Process):
    label = ' @'

    def __init__(self, start, post):
        self.state = start  # kept with the object: the child gets its own copy
        self.post = post
        super().__init__()

    def run(self):  # runs in the new process, after start()
        for _ in range(P['steps']):
            time.sleep(1 * UNIT)
            self.state += 1
            print(self.label, self.pid, self.state)  # in the child, self.pid is its own pid
            self.post.put([self.pid, self.state])
        print(self.label, self.pid, '-')


def first_value(k):
    return 0 if k == 0 else 10 ** (k + 1)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    print('start', os.getpid())
    expected = P['counters'] * P['steps']
    post = mp.Queue()
    counters = [Counter(first_value(k), post) for k in range(P['counters'])]
    for c in counters:
        c.start()

    while expected:  # the parent takes what has arrived, without ever waiting in get()
        time.sleep(0.5 * UNIT)
        try:
            data = post.get(block=False)
        except queue.Empty:
            print('no data...')
        else:
            print('posted:', data)
            expected -= 1

    for c in counters:
        c.join()  # every post has been taken: now the counters can be joined
    print('finish', os.getpid(), counters[-1].exitcode)  # 0: a normal end
