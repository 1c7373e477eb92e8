// What manager-namespace's programs and its checks agree on: the value the producer stores.
export const VALUE = 'This is the value';
