"""event-signal: one process waits on an Event for as long as it takes, one with a timeout (seed 001, Event).

Same lines as the lab's program: the seed's, with the flag as "e.is_set()-> True". Like
the seed's, the parent joins nobody: multiprocessing waits for both children when its
program ends.
"""
import time
import multiprocessing as mp

from lab_params import read_params

P = read_params({'timeoutUnits': 2, 'setAfterUnits': 3})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


def patient(flag):
    """Waits until the event is set, however long that takes."""
    print('wait_for_event: starting')
    flag.wait()
    print('wait_for_event: e.is_set()->', flag.is_set())


def impatient(flag, limit):
    """Gives up after `limit` seed seconds: wait() returns quietly, set or not."""
    print('wait_for_event_timeout: starting')
    flag.wait(limit * UNIT)
    print('wait_for_event_timeout: e.is_set()->', flag.is_set())


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    flag = mp.Event()
    block = mp.Process(name='block', target=patient, args=(flag,))
    block.start()
    nonblock = mp.Process(name='nonblock', target=impatient, args=(flag, P['timeoutUnits']))
    nonblock.start()

    print('main: waiting before calling Event.set()')
    time.sleep(P['setAfterUnits'] * UNIT)
    flag.set()
    print('main: event is set')
    # Python waits for these children when the program ends; waiting here instead keeps the
    # event alive for them: under spawn the program's end unlinks it before that wait, and a
    # child still starting could no longer open it.
    for child in mp.active_children():
        child.join()

