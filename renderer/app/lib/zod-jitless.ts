// Imported first by main.ts: zod 4 compiles object parsers with new Function() unless told not
// to, and even its probe for that is an eval the page's CSP refuses (script-src without
// 'unsafe-eval'). The contract's schemas are built when shared/contract loads, so this must
// run before it.
import { z } from 'zod';

z.config({ jitless: true });
