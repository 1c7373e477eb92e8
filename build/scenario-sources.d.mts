// Types of build/scenario-sources.mjs, for the tests.
export interface SourceFile { file: string; text: string }
export interface ScenarioSources { format: 1; scenarios: Record<string, { program: SourceFile; python: SourceFile | null }> }
export const SOURCES_FILE: string;
export function programFile(id: string): string;
export function pythonFile(id: string): string;
/** Reads the compiled catalogue under `root` and each scenario's program and Python files. */
export function collectSources(root?: string): ScenarioSources;
