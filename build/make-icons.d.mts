export declare const ICON_SOURCE: string;
export declare const LINUX_SIZES: readonly number[];
export declare const ICO_SIZES: readonly number[];
export declare function renderPng(svg: Buffer | string, size: number): Buffer;
export declare function makeIcons(options?: { source?: string; out?: string }): Promise<{ out: string; png: string; ico: string; icns: string }>;
