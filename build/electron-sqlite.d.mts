export declare function electronTarget(): { version: string; abi: number };
export declare function sqliteTarballName(sqliteVersion: string, abi: number, platform: string, arch: string): string;
export type Prepared = { ok: true; file: string; fetched: boolean; what: string } | { ok: false; reason: string; advice: string };
export declare function prepareElectronSqlite(options?: { platform?: string; arch?: string; out?: string; localPrebuilds?: string; env?: NodeJS.ProcessEnv }): Prepared;
