// `node --import ./test/smoke/electron-stub/register.mjs …`: makes `import … from 'electron'` load the
// stand-in beside this file. Only the smoke test uses it; the app never does.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
