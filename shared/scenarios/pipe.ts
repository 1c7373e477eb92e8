import { defineMeta } from '../scenario-meta';

export const pipeMeta = defineMeta({
  id: 'pipe',
  title: 'Talking through a pipe',
  seed: '003 (multi2)',
  concepts: ['pipe', 'connection', 'send and recv', 'EOFError', 'copies'],
  flagship: false,
  topic: 'messages',
  params: [],
  explanation:
    'A pipe is a private line between two processes with a connection object at each end: what one ' +
    'end sends, the other end receives, in order, and both ends can send. First the parent opens a ' +
    'pipe, gives one end to a child, and waits in recv(); the child sends a list and closes its end. ' +
    'Once that message is read, the pipe is empty and nobody can write into it any more, so another ' +
    'recv() does not wait: it raises EOFError, the pipe\'s way of saying "finished". (In Python on ' +
    'Unix the parent must also close its own copy of the child\'s end, or that recv() would wait for ' +
    'ever; in the lab an end is one shared object, so the child\'s close is enough.) Then a second ' +
    'child sends a dict and waits for an answer on the same pipe. The seed answers with a set of ' +
    'doubled letters; only plain values (strings, numbers, booleans, null, lists and plain objects) ' +
    'can travel between the lab\'s processes, so the lab sends them as a sorted list. What arrives ' +
    'is a copy: changing it in the receiver changes nothing in the sender.',
  watch: [
    'the parent\'s recv() blocks until the child\'s send() arrives',
    'the recv() after the sender closed its end ends at once with EOFError',
    'the talker sends first, then blocks in its own recv() until the parent replies',
  ],
  programs: ['main', 'sender', 'talker'],
  predict: { question: 'After the sender has closed its end and its message was read, what does the parent get if it calls recv() again?', answerKey: 'recvAfterClose' },
  pitfalls: [
    'a recv() with nobody left to send can block for ever: closing the ends is what turns it into EOFError',
    'only plain values travel (in Python: picklable ones); a set had to become a list here',
  ],
});
