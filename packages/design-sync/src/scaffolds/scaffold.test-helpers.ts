// Test helpers: a generated file through TypeScript's transpiler (syntax diagnostics), and run as CommonJS with
// stub modules, so tests can read back what the file really declares.
import ts from 'typescript';
import type { ScaffoldFile } from '../types';

/** The file's syntax errors (transpileModule reports only those) and its CommonJS output. */
export function transpile(file: ScaffoldFile): { js: string; errors: string[] } {
  const out = ts.transpileModule(file.content, {
    fileName: file.path.split('/').at(-1)!,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React, esModuleInterop: true, strict: true },
  });
  const errors = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { js: out.outputText, errors };
}

/** Runs the file with `modules` as what it imports; returns its exports. */
export function run(file: ScaffoldFile, modules: Record<string, unknown>, env: Record<string, string> = {}): Record<string, unknown> {
  const { js, errors } = transpile(file);
  if (errors.length) throw new Error(errors.join('\n'));
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`unexpected import ${name}`);
    return modules[name];
  };
  new Function('require', 'module', 'exports', 'process', js)(require, module, module.exports, { env });
  return module.exports;
}
