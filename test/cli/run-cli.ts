// Runs `creditkit <args>` in this process and captures what it prints through console (the
// commands print nothing else; stdout itself carries node:test's events), so a test can check the
// exit code, stdout and stderr of every command without spawning a process per case.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => void out.push(parts.join(' ') + '\n');
  console.error = (...parts: unknown[]) => void err.push(parts.join(' ') + '\n');
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'creditkit-cli-'));
let count = 0;

/** Writes a temporary file (JSON for anything but a string) and returns its path. */
export function tempFile(content: unknown, extension = '.json'): string {
  const path = join(dir, `f${++count}${extension}`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

export const PROJECT = new URL('../../', import.meta.url).pathname;
export const at = (path: string) => join(PROJECT, path);

export function readJson<T = any>(path: string): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(readFileSync(at(path), 'utf8')) as T;
}
