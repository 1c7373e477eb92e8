// What queue-object's programs and its checks agree on: who the errand is for, and the line
// its method prints wherever it runs.
export const CLIENT = 'Fancy Dan';

/** The line the errand's method prints in the process named `processName`. */
export const errandLine = (processName: string, client: string): string => `Doing something fancy in ${processName} for ${client}!`;
