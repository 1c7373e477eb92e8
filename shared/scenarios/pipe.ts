import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const pipeMeta = defineMeta({
  id: 'pipe',
  title: 'Talking through a pipe',
  seed: '003 (multi2)',
  concepts: ['pipe', 'connection', 'send and recv', 'EOFError', 'copies'],
  flagship: false,
  topic: 'messages',
  params: [],
  explanation: explain(
    'A pipe is a private line between two processes with a connection object at each end: what one ' +
    'end sends, the other end receives, in order, and both ends can send. First the parent opens a ' +
    'pipe, gives one end to a child, and waits in recv(); the child sends a list and closes its end. ' +
    'A child works on its own copy of each end it is given, and the parent still holds its own copy ' +
    'of that end: until the parent closes it too, the pipe is not finished and another recv() would ' +
    'wait for ever. Once every copy of the sending end is closed, nobody can write into the pipe any ' +
    'more, so another recv() does not wait: it raises EOFError, the pipe\'s way of saying "finished". ' +
    'Then a second child sends a dict and waits for an answer on the same pipe. The parent answers ' +
    'with a set of doubled letters, as the seed does ({x * 2 for x in \'spam\'}). A set keeps no order ' +
    'of its own: Python lists a set of strings in an order that depends on their hashes, which are ' +
    'salted afresh for every run, so the same set prints in a different order from run to run; the ' +
    'lab does the same. What arrives is a copy: changing it in the receiver changes nothing in the sender.'),
  watch: [
    'the parent\'s recv() blocks until the child\'s send() arrives',
    'the second recv() raises EOFError only once the parent has closed its own copy of the sender\'s end too',
    'the talker sends first, then blocks in its own recv() until the parent replies',
    'the set the talker prints: the same four strings every time, in an order that changes from run to run',
  ],
  programs: ['main', 'sender', 'talker'],
  predict: { question: 'After the sender has closed its end and its message was read, what does the parent get if it calls recv() again?', answerKey: 'recvAfterClose' },
  pitfalls: [
    'a recv() with nobody left to send can block for ever: closing the ends is what turns it into EOFError',
    'only values that can be copied travel (in Python: picklable ones): a list, a dict or a set does, a function does not',
  ],
});
