#!/usr/bin/env node
// The `creditkit` bin: always runs the CLI. npm installs it as a link named `creditkit` (a .cmd
// shim on Windows), so it cannot tell from its own path whether it was run; it never needs to.
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`creditkit: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
