// `npm ci`, but only when node_modules does not already hold exactly what package-lock.json pins:
// the Maven build runs this on every build, and a clean install takes seconds even from the cache.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.sofia-package-lock.sha256';
const wanted = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');

if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted) {
  process.exit(0);
}
console.log('sofia-widget: npm ci (package-lock.json changed or node_modules missing)');
const npm = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (npm.status !== 0) {
  console.error(`sofia-widget: npm ci failed (${npm.error ?? `exit ${npm.status}`})`);
  process.exit(npm.status || 1);
}
writeFileSync(marker, wanted);
