// `parplan report --format html` in the real Chromium: the drawn timeline, the layout at
// 1280 px, no request to anywhere, escaping, and printing to A4 landscape PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireChromium, withChromium, offlinePage, chromiumPath, chromiumFlags, check, finish } from './chromium.mjs';
import { run, json, datedIds } from './parplan.mjs';

requireChromium();
const work = mkdtempSync(join(tmpdir(), 'parplan-html-'));
const artifacts = process.env.PARPLAN_ARTIFACTS || work;
mkdirSync(artifacts, { recursive: true });

try {
  const report = join(work, 'report.html');
  run(['report', '--plan', 'data', '--month', '6', '--format', 'html', '-o', report]);
  const html = readFileSync(report, 'utf8');
  check(!/http/i.test(html), 'the shipped plan\'s report names no http address');
  check(!/\ssrc=|<script|<link|@import/i.test(html), 'no src=, script, link or @import');
  check([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1].startsWith('#')),
        'every url() is a fragment of the page itself');

  const hostile = join(work, 'hostile.html');
  run(['report', '--plan', 'tests/fixtures/outputs-hostile', '--month', '6', '--format', 'html',
       '-o', hostile]);
  const hostileHtml = readFileSync(hostile, 'utf8');
  // Escaped text holds "&lt;"; a raw "<" only opens parplan's own tags.
  check(!/<script|<img|<[^>]*\s(on\w+|src)=/i.test(hostileHtml),
        'hostile titles make no element or attribute');

  const dated = datedIds('data');
  const overdue = json(['due', '--plan', 'data', '--month', '6']).overdue.map((a) => a.id);
  await withChromium(async (browser) => {
    const requests = [];
    const page = await offlinePage(browser, requests);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`file://${report}`, { waitUntil: 'load' });

    const bars = await page.$$eval('svg.timeline g.bar[data-id]', (gs) => gs.map((g) => g.dataset.id));
    check(bars.length === dated.length, `one bar per dated activity (${bars.length} of ${dated.length})`);
    check(JSON.stringify([...bars].sort()) === JSON.stringify([...dated].sort()), 'the bars are the dated activities');

    // A bar starts at the left edge of its start month's column and ends at the right edge of
    // its end month's, as laid out by the browser.
    const geometry = (id, first, last) => page.evaluate((id, first, last) => {
      const bar = document.querySelector(`g.bar[data-id="${id}"] rect.span`).getBBox();
      const from = document.querySelector(`rect.month[data-month="${first}"]`).getBBox();
      const to = document.querySelector(`rect.month[data-month="${last}"]`).getBBox();
      return { x: bar.x, right: bar.x + bar.width, from: from.x, to: to.x + to.width, width: from.width };
    }, id, first, last);
    for (const [id, first, last] of [['III.1.4', '2024-05', '2024-06'], ['I.2.4', '2024-06', '2024-09']]) {
      const g = await geometry(id, first, last);
      check(g.x === g.from && g.right === g.to && g.width > 0,
            `${id} spans ${first}..${last}: x ${g.x}..${g.right}, columns ${g.from}..${g.to}`);
    }
    const asOf = await page.$eval('svg.timeline rect.as-of', (r) => r.dataset.month);
    check(asOf === '2024-06', 'the as-of month is marked');
    const title = await page.$eval('g.bar[data-id="III.1.4"] > title', (t) => t.textContent);
    check(title.startsWith('III.1.4 ') && title.includes('Chủ trì:') && title.includes('tháng 5–6'),
          `the bar's title gives id, title, lead and months: ${JSON.stringify(title)}`);
    const states = await page.$$eval('g.bar[data-id]', (gs) => gs.map((g) => [g.dataset.id, g.dataset.state, g.querySelector('text.state')?.textContent ?? '']));
    const overdueBars = states.filter((s) => s[1] === 'overdue');
    check(overdueBars.length === overdue.length && overdueBars.every((s) => s[2].includes('quá hạn')),
          'every overdue activity is an overdue bar labelled "quá hạn"');
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    check(overflow[0] <= overflow[1], `no horizontal overflow at 1280 px (scrollWidth ${overflow[0]}, clientWidth ${overflow[1]})`);
    const beside = await page.$$eval('aside li b', (bs) => bs.map((b) => b.textContent));
    check(beside.length > 0 && beside.every((id) => !dated.includes(id)), 'undated activities are listed beside, not drawn');
    await page.screenshot({ path: join(artifacts, 'report-html.png'), clip: { x: 0, y: 0, width: 1280, height: 900 } });
    const timelineTop = await page.$eval('#gantt', (s) => s.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(artifacts, 'report-timeline.png'), clip: { x: 0, y: timelineTop, width: 1280, height: 900 } });

    await page.goto(`file://${hostile}`, { waitUntil: 'load' });
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script, img').length,
      h1: document.querySelector('h1').textContent,
      bar: document.querySelector('g.bar[data-id="H.1.3"] > title').textContent,
      bars: document.querySelectorAll('g.bar[data-id]').length,
      lastMonth: document.querySelector('g.bar[data-id="H.1.4"]').dataset.end,
    }));
    check(dom.scripts === 0, 'the hostile report has no script or img element');
    check(dom.h1.startsWith('<script>alert(1)</script> "onload=x\' & Kế hoạch'), `titles show as text: ${dom.h1}`);
    check(dom.bar.startsWith('H.1.3 "onload=alert(1) <script>x</script>'), 'bar titles show as text');
    check(dom.bars === datedIds('tests/fixtures/outputs-hostile').length, 'hostile plan: one bar per dated activity');
    check(dom.lastMonth === '2025-03', 'a month beyond the plan year is drawn in its own year');
    check(requests.length === 0, `no request left the machine: ${requests.join(' ')}`);
  });

  // Printing, as a user's "Save as PDF" does: the page's own @page rules.
  const profile = mkdtempSync(join(tmpdir(), 'parplan-print-'));
  const pdf = join(work, 'report.pdf');
  try {
    execFileSync(chromiumPath, [...chromiumFlags(profile), '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, `file://${report}`], { stdio: 'ignore', timeout: 120000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  check(sizes.length > 1, `the report prints on ${sizes.length} pages`);
  // A4 is 297 x 210 mm = 841.89 x 595.28 pt; landscape is wider than tall.
  check(sizes.every(([w, h]) => Math.abs(w - 841.89) < 1 && Math.abs(h - 595.28) < 1),
        `every page is A4 landscape (${JSON.stringify(sizes[0])})`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const missing = overdue.filter((id) => !new RegExp(`(^|\\s)${id.replaceAll('.', '\\.')}(\\s|$)`, 'm').test(text));
  check(overdue.length > 0 && missing.length === 0, `the PDF names every overdue id (${overdue.join(', ')}); missing: ${missing.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
finish();
