// What whoami's programs and its checks agree on: the parent's last line.
export const EXIT_LINE = 'Main process exit.';
