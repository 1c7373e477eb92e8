export declare const ICNS_TYPES: readonly { type: string; size: number }[];
export declare function writeIcns(chunks: { type: string; png: Buffer }[]): Buffer;
export declare function readIcns(buffer: Buffer): { type: string; data: Buffer }[];
