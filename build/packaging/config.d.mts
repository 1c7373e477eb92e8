import type { Configuration } from 'app-builder-lib';
export declare const ROOT: string;
export declare const WORKER_ENTRY: string;
export declare const WRITER_THREAD: string;
export declare const FOLD_THREAD: string;
export declare function nativeFolder(platform?: string, arch?: string): string;
export declare function unpackedFiles(root?: string): string[];
export declare function makeConfig(options?: { nativeDir?: string; iconsDir?: string }): Configuration;
