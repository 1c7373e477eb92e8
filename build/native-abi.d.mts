export declare function nativeModuleAbi(file: string): number | null;
