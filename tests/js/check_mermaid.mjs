// The Markdown report's gantt chart in the real Mermaid (from node_modules, loaded into a local
// page of the system Chromium): it parses, draws a task per dated activity, and survives titles
// made of Mermaid's own syntax.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { requireChromium, withChromium, offlinePage, check, finish } from './chromium.mjs';
import { run, datedIds } from './parplan.mjs';

requireChromium();
const here = dirname(fileURLToPath(import.meta.url));

function gantt(planDir) {
  const markdown = run(['report', '--plan', planDir, '--month', '6']);
  const blocks = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  check(blocks.length === 1, `${planDir}: the report has one mermaid block`);
  return blocks[0];
}

await withChromium(async (browser) => {
  const requests = [];
  const page = await offlinePage(browser, requests);
  await page.goto('about:blank');
  await page.addScriptTag({ path: join(here, 'node_modules/mermaid/dist/mermaid.min.js') });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  const { version } = JSON.parse(readFileSync(join(here, 'node_modules/mermaid/package.json'), 'utf8'));
  console.log(`mermaid ${version}`);

  for (const planDir of ['data', 'tests/fixtures/outputs-hostile', 'tests/fixtures/report-hostile']) {
    const code = gantt(planDir);
    const result = await page.evaluate(async (text) => {
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(`g${Math.floor(Math.random() * 1e9)}`, text);
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const tasks = [...doc.querySelectorAll('rect[class*="task"]')]
          .filter((r) => !/milestone/.test(r.getAttribute('class')))
          .map((r) => r.getAttribute('id'));
        const labels = [...doc.querySelectorAll('text[class*="taskText"]')].map((t) => t.textContent);
        return { tasks, labels };
      } catch (e) {
        return { error: String(e && e.message ? e.message : e) };
      }
    }, code);
    check(!result.error, `${planDir}: the gantt parses and renders${result.error ? ': ' + result.error : ''}`);
    if (result.error) continue;
    const dated = datedIds(planDir);
    check(result.tasks.length === dated.length,
          `${planDir}: a task per dated activity (${result.tasks.length} of ${dated.length})`);
    const wanted = dated.map((id) => id.replace(/[^A-Za-z0-9]/g, '_'));
    check(wanted.every((id) => result.tasks.some((t) => t === id || t.endsWith(`-${id}`))),
          `${planDir}: every dated activity's task id is drawn`);
    if (planDir === 'tests/fixtures/outputs-hostile')
      check(result.labels.some((l) => l.startsWith('H.1.2 Mermaid')),
            `the title full of ": # ; %% --> \`\`\`" is drawn as a task: ${result.labels.find((l) => l.startsWith('H.1.2'))}`);
  }
  check(requests.length === 0, `no request left the machine: ${requests.join(' ')}`);
});
finish();
