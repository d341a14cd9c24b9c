// Running the built parplan from the checks: PARPLAN (the binary) and PARPLAN_SOURCE_DIR come
// from ctest.
import { execFileSync } from 'node:child_process';

export const parplan = process.env.PARPLAN;
export const sourceDir = process.env.PARPLAN_SOURCE_DIR;

export function run(args, options = {}) {
  return execFileSync(parplan, args, { cwd: sourceDir, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
}

export function json(args) {
  return JSON.parse(run([...args, '--format', 'json']));
}

// Ids of the activities with months, which the charts draw.
export function datedIds(planDir) {
  return json(['list', '--plan', planDir]).filter((a) => a.end !== null).map((a) => a.id);
}
