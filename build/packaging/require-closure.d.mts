export declare function requireClosure(entry: string): { files: string[]; packages: string[] };
