"""lock: workers write to one shared stream, the console, under a Lock (seed 001, Lock; 003, multi1).

Differences from the seed, and from the lab's program:
- The seed has two workers, each writing one line under the lock: 'Lock acquired via
  with' (a with-statement) and 'Lock acquired directly' (acquire(), then release() in a
  finally block). Here `workers` workers take turns with the two styles and, while they
  hold the lock, write that same line and then their own line, a letter repeated
  charsPerLine times, one character at a time with a short pause (0.05 of a seed second),
  as a write to a stream may be split into several. With useLock=false nobody takes the
  lock, the first line is left out (no lock was acquired) and characters of different
  workers can mix on one line.
- The seed passes sys.stdout to the workers as an argument, which only works under fork
  (a stream cannot be pickled for spawn); here each worker writes to its own sys.stdout,
  the same terminal or pipe, inherited from the parent.
- The lab's workers write to a console kept by its kernel and the parent prints it at the
  end as "console | AAAAAAAA" lines, with a line "worker A: lock acquired via with" (or
  "...directly", "...writing without the lock") first. Here the stream is the real one,
  so the characters appear as they are written.
"""
import sys
import time
import multiprocessing as mp

from lab_params import read_params

P = read_params({'workers': 2, 'useLock': True, 'charsPerLine': 8})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds
PAUSE = 0.05  # seed seconds between two characters: time for the others to write


def write_slowly(letter):
    for _ in range(P['charsPerLine']):
        sys.stdout.write(letter)
        sys.stdout.flush()  # each character reaches the shared stream on its own
        time.sleep(PAUSE * UNIT)
    sys.stdout.write('\n')
    sys.stdout.flush()


def worker_with(lock, letter):
    with lock:  # released on leaving the block, whatever happens inside
        sys.stdout.write('Lock acquired via with\n')
        write_slowly(letter)


def worker_no_with(lock, letter):
    lock.acquire()
    try:
        sys.stdout.write('Lock acquired directly\n')
        write_slowly(letter)
    finally:
        lock.release()  # even if the writing failed


def worker_unlocked(letter):
    write_slowly(letter)  # nothing keeps the others out meanwhile


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    lock = mp.Lock()
    workers = []
    for i in range(P['workers']):
        letter = chr(ord('A') + i)
        if not P['useLock']:
            target, args = worker_unlocked, (letter,)
        else:
            target, args = (worker_with if i % 2 == 0 else worker_no_with), (lock, letter)
        workers.append(mp.Process(target=target, args=args))
    for w in workers:
        w.start()
    for w in workers:
        w.join()

