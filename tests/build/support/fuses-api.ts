// The part of @electron/fuses's API the tests use, typed here: the package is ES-module only
// and names its types through "exports", which this project's TypeScript resolution (node10)
// does not read. Tests import the package itself at run time: `await import('@electron/fuses')`.
export declare enum FuseState { DISABLE = 48, ENABLE = 49, REMOVED = 114, INHERIT = 144 }
export declare enum FuseV1Options {
  RunAsNode = 0,
  EnableCookieEncryption = 1,
  EnableNodeOptionsEnvironmentVariable = 2,
  EnableNodeCliInspectArguments = 3,
  EnableEmbeddedAsarIntegrityValidation = 4,
  OnlyLoadAppFromAsar = 5,
  LoadBrowserProcessSpecificV8Snapshot = 6,
  GrantFileProtocolExtraPrivileges = 7,
  WasmTrapHandlers = 8,
}
export declare function getCurrentFuseWire(pathToElectron: string): Promise<Record<number, number> & { version: string }>;
