import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const endSignalMeta = defineMeta({
  id: 'end-signal',
  title: 'Telling consumers there is nothing more',
  seed: '004 (its own programs)',
  concepts: ['queue', 'producer/consumer', 'end signal (None)', 'JoinableQueue', 'daemon process', 'hang'],
  flagship: false,
  topic: 'messages',
  params: [
    { name: 'variant', type: 'enum', default: 'no-signal', values: ['no-signal', 'one-none', 'none-per-consumer', 'joinable-daemons'],
      description: 'no end signal; one None after join(); two producers, three consumers, a None each; JoinableQueue with daemon consumers' },
  ],
  programs: ['main', 'producer', 'consumer'],
  explanation: explain(
    'A producer cooks three dishes, one time unit each, printing and putting each on a queue; a consumer ' +
    'loops for ever, taking the next dish off the queue and printing that it ate it. The question is how ' +
    'the consumer learns that nothing more will come. With no-signal nobody tells it: the parent starts ' +
    'both and prints "Main process" at once, since it joins nobody; the consumer eats the three dishes ' +
    'and then waits in get() on the empty queue for ever. The parent\'s program has ended, but a process ' +
    'waits for its children before it exits, so the whole program never ends: the run is reported hung, ' +
    'naming the consumer blocked in get(). With one-none the parent first joins the producer, so every ' +
    'dish is on the queue, then puts one None: the consumer eats everything before it, takes the None ' +
    'and leaves its loop. With two producers and three consumers (none-per-consumer) each consumer ' +
    'needs a None of its own, so the parent joins both producers and puts three. A queue is first in, ' +
    'first out, so every None comes after every dish. With joinable-daemons no None is sent: the queue ' +
    'is a JoinableQueue, each consumer calls task_done() after each dish, and each producer waits in ' +
    'join() on the queue until every dish put there is done. The consumers are daemons, so they end ' +
    'when the parent exits, and the parent exits only after joining both producers, that is after ' +
    'every dish was eaten.'),
  watch: [
    'no-signal: "Main process" comes first, then the consumer ends up blocked in get() and the run is reported hung',
    'one-none: the parent\'s join of the producer ends before its put of None',
    'none-per-consumer: each consumer takes exactly one None and exits',
    'joinable-daemons: the unfinished count of the queue reaching 0 lets each producer\'s join() return',
  ],
  predict: { question: 'Will the program end on its own, in this variant? Try each of the four.', answerKey: 'endsOnItsOwn' },
  pitfalls: [
    'a consumer looping on get() with no end signal waits for ever, and its parent waits for it at exit',
    'one None per consumer: each takes one and leaves, so fewer leaves a consumer blocked',
    'a None put before the producers are done may overtake dishes still to come',
  ],
});
