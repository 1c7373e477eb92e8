// What several scenarios say alike: the start-method parameter, and where the lab's
// processes really come from (every explanation says it once).

/**
 * How Python starts a child: `fork` copies the parent as it is at start() (its globals
 * included), `spawn` starts a fresh interpreter that imports the program again. Scenarios
 * where the difference shows take it as a parameter.
 */
export const START_METHOD_PARAM = {
  name: 'startMethod', type: 'enum', default: 'fork', values: ['fork', 'spawn'],
  description: 'how Python would start each child: fork (Linux) copies the parent; spawn (macOS, Windows) starts it fresh',
} as const;

/** One sentence on the two start methods and which platforms use them. */
export const START_METHODS_TEXT =
  'Python starts a child in one of two ways. With fork, the default on Linux, the child begins as ' +
  'a copy of its parent at the moment of start(), global variables included. With spawn, the default ' +
  'on macOS and Windows, the child is a fresh interpreter that imports the program again, so its ' +
  'globals hold their first values and its module is called __mp_main__, not __main__. The ' +
  'startMethod parameter picks which one the lab follows.';

/** Every explanation ends with this: the lab's process tree is the program's, not the OS's. */
export const OS_PARENT_TEXT =
  'In the operating system every process of the run is a child of the lab itself (the lab starts ' +
  'them all); the parents and children you see here are the program\'s, as Python would make them.';

/** An explanation with the sentence every scenario shares at its end. */
export const explain = (text: string): string => `${text} ${OS_PARENT_TEXT}`;
