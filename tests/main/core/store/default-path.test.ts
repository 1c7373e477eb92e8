import { describe, expect, it } from 'vitest';
import { defaultDbPath } from '../../../../main/core/store/default-path';

describe('defaultDbPath', () => {
  it('follows XDG on Linux, falling back to ~/.local/share', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe('/data/process-lab/lab.sqlite');
    expect(defaultDbPath({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/process-lab/lab.sqlite');
    expect(defaultDbPath({ XDG_DATA_HOME: 'relative/ignored' }, 'linux', '/home/ada')).toBe('/home/ada/.local/share/process-lab/lab.sqlite');
  });
  it('uses the platform\'s usual place on macOS and Windows', () => {
    expect(defaultDbPath({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Process Lab/lab.sqlite');
    expect(defaultDbPath({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada')).toMatch(/Roaming.Process Lab.lab\.sqlite$/);
  });
});
