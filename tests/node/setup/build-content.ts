import { execFileSync } from 'node:child_process';

/** Builds the content bundle the Worker imports; throws (failing the run) with the build's message on bad content. */
export default function setup(): void {
  execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', 'scripts/build-content.ts'], {
    stdio: 'inherit',
  });
}
