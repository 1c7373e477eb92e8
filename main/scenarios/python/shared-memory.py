"""shared-memory: a shared Value and Array against a plain global (seed 003, multi3).

The global `count` is per process. Under fork a child starts with a copy of the parent's
globals as they are at start(), so loop 1's children show 1, 2, 3 and loop 2's 4, 5, 6;
under spawn a child imports the program afresh and shows 0. Either way no child ever
changes the parent's count, while the Value and the Array are seen and changed by all.

Differences from the seed, and from the lab's program:
- The seed's updater adds 1 to three slots; here to every slot (there are `procs`).
- raceIncrements and useLock are the lab's: each updater also adds 1 to the Value that
  many times, without the lock (value += 1 is a read, then a write: another process can
  write in between, and one increment is lost) or holding it. In loop 4 the updaters
  wait for a starting signal so that they race: the lab does the same.
- The lab holds the lock around every += 1 of the four loops; the seed does not, nor does
  this program (with so few updates a loss is rare). Otherwise the lines are the lab's:
  the seed's blank line before each loop's title, the array's floats ([8.0, 8.0, 8.0]),
  and under fork the globals 0, then 1, 2, 3, then 4, 5, 6 (0 everywhere under spawn).
"""
import os
import multiprocessing as mp

from lab_params import read_params

P = read_params({'procs': 3, 'raceIncrements': 0, 'useLock': False})
count = 0  # a plain global: each process has its own


def showdata(label, val, arr):
    line = '%-12s: pid:%4s, global:%s, value:%s, array:%s'
    print(line % (label, os.getpid(), count, val.value, list(arr)))


def updater(val, arr, gun=None):
    global count
    count += 1          # this process's own global: nobody else sees it
    val.value += 1      # shared: every process sees it
    for i in range(len(arr)):
        arr[i] += 1
    if P['raceIncrements'] == 0:
        return
    if gun is not None:  # loop 4: line up with the other racers, then all go at once
        ready, go = gun
        ready.release()
        go.wait()
    for _ in range(P['raceIncrements']):
        if P['useLock']:
            with val.get_lock():
                val.value += 1
        else:
            val.value += 1  # read, then write: another process may write in between


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    procs = P['procs']
    scalar = mp.Value('i', 0)     # one shared int
    vector = mp.Array('d', procs)  # `procs` shared floats, all 0.0

    showdata('parent start', scalar, vector)
    p = mp.Process(target=showdata, args=('child ', scalar, vector))
    p.start(); p.join()

    print('\nloop1 (updates in parent, serial children)...')
    for i in range(procs):
        count += 1
        scalar.value += 1
        vector[i] += 1
        p = mp.Process(target=showdata, args=('process %s' % i, scalar, vector))
        p.start(); p.join()

    print('\nloop2 (updates in parent, parallel children)...')
    ps = []
    for i in range(procs):
        count += 1
        scalar.value += 1
        vector[i] += 1
        p = mp.Process(target=showdata, args=('process %s' % i, scalar, vector))
        p.start()  # returns at once: the parent goes on updating while children start
        ps.append(p)
    for p in ps:
        p.join()

    print('\nloop3 (updates in serial children)...')
    for i in range(procs):
        p = mp.Process(target=updater, args=(scalar, vector))
        p.start(); p.join()
    showdata('parent temp', scalar, vector)

    print('\nloop4 (updates in parallel children)...')
    gun = (mp.Semaphore(0), mp.Event()) if P['raceIncrements'] > 0 else None
    ps = []
    for i in range(procs):
        p = mp.Process(target=updater, args=(scalar, vector, gun))
        p.start()
        ps.append(p)
    if gun is not None:
        ready, go = gun
        for _ in range(procs):
            ready.acquire()  # every racer is lined up
        go.set()
    for p in ps:
        p.join()
    showdata('parent end', scalar, vector)  # value 4 * procs (+ the race's), array all 2 + 2 * procs
