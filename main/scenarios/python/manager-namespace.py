"""manager-namespace: a manager's Namespace, an Event, and copies (seed 001, Namespace).

Same lines as the lab's program. The seed's mutable example prints "After event :" with a
space before the colon; so do this program and the lab's in both mutable variants.
mutable-fixed is the seed's advice put into code: assign the changed list back to the
namespace. Names differ: here the manager is a process of its own (SyncManager-1) and a
Process is numbered when it is made, so the producer is Process-2 and the consumer
Process-3; the lab has no manager process (its kernel plays that part) and numbers a
process when it starts it, so the consumer is Process-1 and the producer Process-2.
"""
import multiprocessing as mp

from lab_params import read_params

P = read_params({'variant': 'value'}, choices={'variant': ('value', 'mutable-gotcha', 'mutable-fixed')})
TEXT = 'This is the value'


def producer(ns, ready):
    if P['variant'] == 'value':
        ns.value = TEXT
    else:
        items = ns.my_list       # a copy of the list, made by the manager
        items.append(TEXT)       # changes the copy only
        if P['variant'] == 'mutable-fixed':
            ns.my_list = items   # assigning it back is what shares the change
    ready.set()


def consumer(ns, ready):
    if P['variant'] == 'value':
        try:
            print('Before event: {}'.format(ns.value))  # may come before the producer's write
        except Exception as err:
            print('Before event, error:', str(err))
        ready.wait()
        print('After event:', ns.value)
    else:
        print('Before event:', ns.my_list)
        ready.wait()
        print('After event :', ns.my_list)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    manager = mp.Manager()
    ns = manager.Namespace()
    if P['variant'] != 'value':
        ns.my_list = []
    ready = mp.Event()
    p = mp.Process(target=producer, args=(ns, ready))
    c = mp.Process(target=consumer, args=(ns, ready))
    c.start()
    p.start()
    c.join()
    p.join()
