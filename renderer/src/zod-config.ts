import { z } from 'zod';

// zod compiles object parsers with new Function() where it can, probing for eval as each object
// schema is built. The CSP forbids eval, so the probe would only fail and report a CSP violation:
// say up front that it must not. Imported first by main.tsx, before any schema exists.
z.config({ jitless: true });
