// `tsc -p tsconfig.build.json` with one emit transformer: lit's css/html/svg template text is
// minified in dist/ (scripts/minify-literals.mjs), with source maps that stay right. Prints
// TypeScript's diagnostics as tsc does and exits 1 on any error.
import ts from 'typescript';
import { literalsTransformer } from './minify-literals.mjs';

const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
const config = ts.getParsedCommandLineOfConfigFile(process.argv[2] ?? 'tsconfig.build.json', {}, host);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
const emitted = program.emit(undefined, undefined, undefined, false, { before: [literalsTransformer] });
const diagnostics = ts.sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics, ...config.errors]);
report(diagnostics);
process.exit(diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error) || emitted.emitSkipped ? 1 : 0);

function report(list) {
  if (!list.length) return;
  const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => ts.sys.newLine };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(list, formatHost));
}
