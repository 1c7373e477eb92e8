"""fork-loop: a parent makes a child each round; each prints its pid (seed 000/002, basic forking).

Differences from the seed, and from the lab's program:
- The seed goes round its loop each time the user presses Enter (and stops on 'q'); here
  the loop runs `iterations` rounds with a pause of `intervalUnits` between them.
- The seed never waits for its children (they stay zombies until it exits); here every
  process reaps its own children before it leaves, so nothing is left behind.
- Like the lab's program, a global `counter` counts the children a process has made: each
  child prints its copy ("Hello from child <pid> (my copy of the counter is 2)"), and the
  first process ends with "parent <pid>: my counter is 4". The seed has no counter. Under
  fork a child's copy is the parent's count at the fork (0, 1, 2, ...); under spawn it
  imports the program afresh and has 0.
- childExits=false is the bug the seed warns about: the child runs on into the loop and
  forks too. maxProcesses caps the total: a shared counter (a multiprocessing.Value, which
  forked processes share) is checked before each fork, and a fork over the cap is refused
  (said on stderr) while the process carries on with its loop. At the end the first
  process writes the totals on stderr.
- startMethod='fork' uses os.fork() as the seed does. 'spawn' has no os.fork() to call:
  a child is a multiprocessing.Process started fresh, handed only the round it was made
  in (and the shared counter), as Python does on Windows and macOS.
"""
import os
import sys
import time
import multiprocessing as mp

from lab_params import read_params

P = read_params({'iterations': 4, 'intervalUnits': 1, 'childExits': True, 'maxProcesses': 32})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds
counter = 0  # a global: how many children this process has made; every process has its own


def may_start(tally):
    """Counts a new process against the cap; False when the cap is reached."""
    with tally.get_lock():
        if tally[0] >= P['maxProcesses']:
            tally[1] += 1
            print(f'fork-loop: pid {os.getpid()}: start refused, {tally[0]} processes already '
                  f"(maxProcesses={P['maxProcesses']})", file=sys.stderr, flush=True)
            return False
        tally[0] += 1
        return True


def child():
    print('Hello from child', os.getpid(), f'(my copy of the counter is {counter})')
    if P['childExits']:
        os._exit(0)  # leave now: without this the child goes back into the loop below
    # The bug: no exit, so this child carries on with the parent's loop.


def forking_rounds(first_round, tally):
    """The seed's loop: os.fork() returns 0 in the new child and the child's pid in the parent."""
    global counter
    for round_no in range(first_round, P['iterations']):
        if may_start(tally):
            newpid = os.fork()  # from here on two processes run this same code
            if newpid == 0:
                child()  # returns only when the child does not exit (the bug)
            else:
                counter += 1  # the parent's own count: the child has its copy
                print('Hello from parent', os.getpid(), newpid)
        time.sleep(P['intervalUnits'] * UNIT)


def spawned_child(round_no, tally):
    """Under spawn: a fresh process, told only which round it was made in (its counter is 0)."""
    print('Hello from child', os.getpid(), f'(my copy of the counter is {counter})')
    if P['childExits']:
        return  # the process ends here, exit code 0
    time.sleep(P['intervalUnits'] * UNIT)
    spawning_rounds(round_no + 1, tally)


def spawning_rounds(first_round, tally):
    global counter
    for round_no in range(first_round, P['iterations']):
        if may_start(tally):
            p = mp.Process(target=spawned_child, args=(round_no, tally))
            p.start()  # returns once the child exists; it starts in parallel
            counter += 1
            print('Hello from parent', os.getpid(), p.pid)
        time.sleep(P['intervalUnits'] * UNIT)
    # multiprocessing joins these children when this process's program ends


def reap_children():
    """Waits for every child of this process (the seed leaves them as zombies)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    first_pid = os.getpid()
    # [processes so far, starts refused]: shared by every process, forked or spawned.
    tally = mp.Array('i', [1, 0])
    if P['startMethod'] == 'fork':
        forking_rounds(0, tally)
        reap_children()
        if os.getpid() != first_pid:
            os._exit(0)  # a runaway child ends here, not in the parent's code below
    else:
        spawning_rounds(0, tally)
        for p in mp.active_children():
            p.join()
    print(f'parent {os.getpid()}: my counter is {counter}')
    print(f'fork-loop: {tally[0]} processes in all, {tally[1]} starts refused', file=sys.stderr)

