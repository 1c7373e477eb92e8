import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const producerConsumerMeta = defineMeta({
  id: 'producer-consumer',
  title: 'Producers, consumers and how they stop',
  seed: '000/002/004 (producer/consumer)',
  concepts: ['queue', 'producer/consumer', 'daemon process', 'poison pill', 'JoinableQueue', 'lock'],
  flagship: false,
  topic: 'messages',
  params: [
    { name: 'producers', type: 'int', default: 3, min: 1, max: 8, description: 'how many producer processes put names on the queue' },
    { name: 'consumersPerProducer', type: 'int', default: 2, min: 1, max: 4, description: 'consumer processes started per producer' },
    { name: 'sleepMaxUnits', type: 'int', default: 10, min: 0, max: 20, description: 'longest random pause before each put and each get, in time units' },
    { name: 'ending', type: 'enum', default: 'daemon', values: ['daemon', 'poison-pill', 'joinable', 'none'], description: 'how the consumers are told to stop' },
  ],
  programs: ['main', 'producer', 'consumer'],
  explanation: explain(
    'Some processes make work and others take it: the producers each hold a short list of names and ' +
    'drop them one by one onto a shared queue, pausing a random moment before each; the consumers loop ' +
    'for ever, pausing, taking the next name off the queue and printing it. A get() on an empty queue ' +
    'simply waits until something arrives. All of them share one console lock so their lines never mix. ' +
    'The hard part is the end: a consumer in an endless loop never stops by itself. With ending=daemon ' +
    'the consumers are daemons and die with the parent, so any name still in the queue at that moment is ' +
    'lost. With poison-pill the parent puts one end marker per consumer once the producers are done, and ' +
    'each consumer leaves when it takes one. With joinable the consumers mark every name done and each ' +
    'producer waits in join() until every name is done; the consumers are daemons, so the parent\'s exit ' +
    'ends them only once nothing is left. With none nobody tells the consumers anything: they wait in ' +
    'get() for ever and the run hangs.'),
  watch: [
    'which consumer takes which name: it changes from run to run',
    'the console lock: one holder at a time, the others queue behind it',
    'with daemon, the names still in the queue when the parent prints its last line',
    'with none, the consumers all end up blocked in get() and the run is reported hung',
  ],
  predict: { question: 'How many names will never be consumed (lost) in this run? Compare the endings.', answerKey: 'lostCount' },
  pitfalls: [
    'daemon consumers die with the parent: names still in the queue are lost',
    'a consumer that is never sent an end signal blocks in get() for ever',
  ],
});
