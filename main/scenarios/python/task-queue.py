"""task-queue: workers, a JoinableQueue of tasks, a result Queue and poison pills (seed 001, passing messages).

Workers are a Process subclass named Consumer, so Python names them Consumer-1,
Consumer-2, ... Each task is an object of our class Product: the worker calls it (it
pauses, then multiplies) and prints it with str(). Same lines as the lab's program.
"""
import time
import multiprocessing as mp

from lab_params import read_params

# The seed starts cpu_count() * 2 consumers; the lab caps that default at its bound, 16.
P = read_params({'tasks': 10, 'consumers': min(mp.cpu_count() * 2, 16)})
UNIT = P['timeUnitMs'] / 1000  # one second of the seed, in seconds


class Consumer(mp.Process):
    def __init__(self, todo, answers):
        super().__init__()
        self.todo = todo
        self.answers = answers

    def run(self):
        while True:
            job = self.todo.get()
            if job is None:  # the poison pill: leave the loop
                print('{}: Exiting'.format(self.name))
                self.todo.task_done()  # a pill is an item too: mark it done
                break
            print('{}: {}'.format(self.name, job))
            answer = job()
            self.todo.task_done()
            self.answers.put(answer)


class Product:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __call__(self):
        time.sleep(0.1 * UNIT)  # as if the work took a while
        return '{} * {} = {}'.format(self.a, self.b, self.a * self.b)

    def __str__(self):
        return '{} * {}'.format(self.a, self.b)


if __name__ == '__main__':
    mp.set_start_method(P['startMethod'])
    todo = mp.JoinableQueue()
    answers = mp.Queue()

    print('Creating {} consumers'.format(P['consumers']))
    workers = [Consumer(todo, answers) for _ in range(P['consumers'])]
    for w in workers:
        w.start()

    for i in range(P['tasks']):
        todo.put(Product(i, i))
    for _ in workers:
        todo.put(None)  # one pill per worker

    todo.join()  # returns once every task and every pill was marked done

    for _ in range(P['tasks']):
        print('Result:', answers.get())

