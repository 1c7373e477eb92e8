// What end-signal's programs and its checks agree on: who cooks what, who eats, and the
// parent's one line.
export type EndSignalVariant = 'no-signal' | 'one-none' | 'none-per-consumer' | 'joinable-daemons';

/** Each producer: its cook's name and the food it makes (three dishes, "plum 0" to "plum 2"). */
export const COOKS: readonly { cook: string; food: string }[] = [{ cook: 'nora', food: 'plum' }, { cook: 'ned', food: 'fig' }];
export const EATERS: readonly string[] = ['otto', 'olga', 'omar'];
export const DISHES_EACH = 3;
export const MAIN_LINE = 'Main process';

/** The seed's first program and its fix have one producer and one consumer; the others two and three. */
export function cast(variant: EndSignalVariant): { cooks: typeof COOKS; eaters: readonly string[] } {
  const small = variant === 'no-signal' || variant === 'one-none';
  return { cooks: small ? COOKS.slice(0, 1) : COOKS, eaters: small ? EATERS.slice(0, 1) : EATERS };
}

export const dishesOf = (food: string): string[] => Array.from({ length: DISHES_EACH }, (_, i) => `${food} ${i}`);
