"""pipe: two children talk to the parent through Pipes (seed 003, multi2).

Differences from the lab's program: the lab's parent also calls recv() a second time on
the first pipe and prints the EOFError it gets; the seed does not, nor does this
program. (In Python that second recv() would not raise at once: the parent still holds
its own copy of the child's end, so it would wait until that copy is closed too; the lab's
parent closes that copy first.) The seed's reply is a set, printed in whatever order the
set holds it, which changes from run to run; the lab's set does the same.
"""
import multiprocessing as mp

from lab_params import read_params

P = read_params({})


def sender(end):
    end.send(['spam'] + [42, 'eggs'])  # a list, pickled on the way
    end.close()


def talker(end):
    end.send(dict(name='Bob', spam=42))
    reply = end.recv()  # waits for the parent's answer
    print('talker got:', reply)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    mine, theirs = mp.Pipe()  # two connected ends; both can send and receive
    mp.Process(target=sender, args=(theirs,)).start()
    print('parent got:', mine.recv())
    mine.close()

    mine, theirs = mp.Pipe()
    child = mp.Process(target=talker, args=(theirs,))
    child.start()
    print('parent got:', mine.recv())
    mine.send({c * 2 for c in 'spam'})  # a set: its order is not fixed
    child.join()
    print('parent exit')
