import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const queuePollingMeta = defineMeta({
  id: 'queue-polling',
  title: 'Polling a queue without blocking',
  seed: '003 (multi4)',
  concepts: ['queue', 'non-blocking get', 'polling', 'exit code'],
  flagship: false,
  topic: 'messages',
  params: [
    { name: 'counters', type: 'int', default: 3, min: 1, max: 6, description: 'counter processes (they start at 0, 100, 1000, 10000, ...)' },
    { name: 'steps', type: 'int', default: 3, min: 1, max: 10, description: 'how many times each counter counts, one time unit apart' },
  ],
  programs: ['main', 'counter'],
  explanation: explain(
    'Several counter processes each keep their own number: one starts at 0, one at 100, one at 1000. ' +
    'Once per time unit each adds one and posts its pid and new value on a shared queue. The parent does ' +
    'not wait in get(): every half unit it looks at the queue without blocking; when nothing is there it ' +
    'says so ("no data...") and goes on, the way a window keeps redrawing while work happens elsewhere. ' +
    'It stops once it has received as many posts as the counters will send, then joins the counters and ' +
    'shows the last one\'s exit code, as the seed does. The counters are a Process subclass, Counter, so ' +
    'Python names them Counter-1, Counter-2, ...; their lines start with the class\'s label " @". The posts of one counter arrive in the order it sent them, but the three ' +
    'counters interleave differently on every run.'),
  watch: [
    'the "no data..." lines: the parent checked and went on instead of waiting',
    'each counter\'s values rise by one, while the counters interleave',
    'the exit code the parent reads after joining: 0 means a normal end',
  ],
  predict: { question: 'How many posts will the parent receive before it stops polling?', answerKey: 'postCount' },
  pitfalls: [
    'a plain get() would block the parent: use block=false (getNowait) and handle Empty',
    'an empty queue only means "nothing yet": the parent counts the posts it expects instead of stopping at the first Empty',
  ],
});
