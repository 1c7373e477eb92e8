// What producer-consumer's programs and its checks agree on: the names each producer puts.
const LISTS = [
  ['Ada', 'Basil', 'Cora', 'Dmitri'],
  ['Elsa', 'Femi', 'Gwen', 'Hugo', 'Ines'],
  ['Jonas', 'Keiko', 'Luca', 'Mira', 'Nico'],
];

/** Producer i's names: the lists in turn; later rounds carry a number so every name is unique. */
export const namesFor = (i: number): string[] => LISTS[i % 3].map((n) => (i < 3 ? n : `${n} ${Math.floor(i / 3) + 1}`));
