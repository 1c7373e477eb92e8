"""whoami: one function called directly, then in a joined child, then in children nobody joins (seed 003, multi1).

Each line shows the module's __name__ as the seed's does: '__main__' in the parent and
in forked children (a copy of the parent's module), '__mp_main__' in children started
with spawn (they import the program afresh under that name); so does the lab's program.
Every print holds one shared lock. Under spawn a child takes a fresh interpreter's time to
start, so its line comes after "Main process exit."; the lab's children start as fast
under either method.
"""
import os
import multiprocessing as mp

from lab_params import read_params

P = read_params({'children': 5})


def whoami(label, lock):
    line = '%s: name:%s, pid:%s'
    with lock:
        print(line % (label, __name__, os.getpid()))


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    lock = mp.Lock()
    whoami('function call', lock)  # a plain call: runs in this process

    p = mp.Process(target=whoami, args=('spawned child', lock))
    p.start()
    p.join()  # its line surely comes before anything printed after this

    for i in range(P['children']):
        mp.Process(target=whoami, args=('run process %s' % i, lock)).start()  # nobody joins these

    with lock:
        print('Main process exit.')
    # Python waits for these children when the program ends; waiting here instead keeps the
    # lock alive for them: under spawn the program's end unlinks it before that wait, and a
    # child still starting could no longer open it.
    for child in mp.active_children():
        child.join()

