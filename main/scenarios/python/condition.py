"""condition: stage-2 processes wait on a Condition until stage 1 says it is done (seed 001, Condition).

Same lines as the lab's program. The stage-2 processes start one seed second apart and
go straight into wait(); only then does s1 start, announce it is done and wake them all
with notify_all(). Each woken process takes the condition's lock back before its wait()
returns, so their "running" lines come one after another.
"""
import time
import multiprocessing as mp

from lab_params import read_params

P = read_params({'stage2Workers': 2})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


def first_stage(cond):
    me = mp.current_process().name
    print('Starting', me)
    with cond:
        print('{} done and ready for stage 2'.format(me))
        cond.notify_all()  # wakes every process waiting right now, and only those


def second_stage(cond):
    me = mp.current_process().name
    print('Starting', me)
    with cond:
        cond.wait()  # gives the lock up while it sleeps, takes it back when woken
        print('{} running'.format(me))


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    cond = mp.Condition()
    s1 = mp.Process(name='s1', target=first_stage, args=(cond,))
    waiters = [mp.Process(name='stage_2[{}]'.format(i), target=second_stage, args=(cond,))
               for i in range(1, P['stage2Workers'] + 1)]

    for w in waiters:
        w.start()
        time.sleep(1 * UNIT)
    s1.start()
    s1.join()
    for w in waiters:
        w.join()
