// Copies the UMD builds of GraphiQL 3 and React 18 into the jar's static/graphiql/vendor folder.
// Runs at build time with the machine's Node and npm (see frontend/pom.xml); nothing is fetched at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const vendorDir = resolve(here, '..', 'graphiql-vendor');
const out = process.argv[2];
if (!out) {
  console.error('usage: vendor-graphiql.mjs <output directory>');
  process.exit(2);
}

const files = [
  ['react/umd/react.production.min.js', 'react.production.min.js'],
  ['react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['graphiql/graphiql.min.css', 'graphiql.min.css'],
];
const modules = join(vendorDir, 'node_modules');
if (!files.every(([src]) => existsSync(join(modules, src)))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = existsSync(join(vendorDir, 'package-lock.json')) ? ['ci'] : ['install'];
  execFileSync(npm, [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: vendorDir, stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });
for (const [src, dest] of files) {
  cpSync(join(modules, src), join(out, dest));
}
console.log(`GraphiQL vendored into ${out}`);
