// Opens a foresight HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) and checks it as a reader would see it: no console errors, no network
// request, every expected section, each SVG chart drawn with the expected number of points
// and bands, every in-page link and footnote resolving, and no serious or critical
// accessibility violation (axe-core). Saves a full-page screenshot.
//
// Usage: node check_report.js REPORT.html SCREENSHOT.png EXPECTATIONS.json [TOP.png]
//   TOP.png, when given: the first screen and a half only (the README's picture).
//   EXPECTATIONS: {"sections": ["verdicts", ...], "charts": {"criterion": {"points": 20,
//                  "bands": 20}, ...}}
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [report, screenshot, expectationsFile, top] = process.argv.slice(2);
  const expected = JSON.parse(fs.readFileSync(expectationsFile, 'utf8'));
  const failures = [];
  const check = (ok, what) => { if (!ok) { failures.push(what); console.log(`FAIL ${what}`); } };

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const consoleErrors = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const url = 'file://' + path.resolve(report);
    page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });

    for (const id of expected.sections) {
      check(await page.locator(`section#${id}`).count() === 1, `section #${id} is present`);
    }
    const headings = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName[1])));
    let previous = 0;
    let inOrder = headings[0] === 1;
    for (const level of headings) { if (level > previous + 1) inOrder = false; previous = level; }
    check(inOrder, `headings are in order (${headings.join(',')})`);

    for (const [chart, want] of Object.entries(expected.charts)) {
      const found = await page.$$eval(`svg[data-chart="${chart}"]`, (svgs) => svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const visible = (els) => els.filter((e) => { const b = e.getBBox(); return b.width > 0 || b.height > 0; }).length;
        return {
          points: visible([...svg.querySelectorAll('.point')]),
          bands: visible([...svg.querySelectorAll('.band')]),
          width: box.width, height: box.height,
          title: (svg.querySelector('title') || {}).textContent || '',
        };
      }));
      check(found.length === 1, `chart ${chart} is drawn once (found ${found.length})`);
      if (found.length !== 1) continue;
      const got = found[0];
      check(got.width > 100 && got.height > 50, `chart ${chart} has a size (${got.width}x${got.height})`);
      check(got.points === want.points, `chart ${chart}: ${want.points} points drawn, got ${got.points}`);
      check(got.bands === want.bands, `chart ${chart}: ${want.bands} bands drawn, got ${got.bands}`);
      check(got.title.length > 0, `chart ${chart} has a text alternative`);
    }

    const links = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href').slice(1)));
    for (const id of links) {
      check(await page.locator(`[id="${id}"]`).count() === 1, `link #${id} has a target`);
    }
    check(links.length >= expected.min_footnote_links,
          `at least ${expected.min_footnote_links} footnote links (got ${links.length})`);
    const footnotes = await page.$$eval('ol.footnotes li code', (cs) => cs.map((c) => c.textContent));
    check(footnotes.every((c) => c.startsWith('foresight ')), 'every footnote is a foresight command');

    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () => await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of serious) {
      check(false, `axe: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')}`);
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    if (top) await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
    check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
    check(requests.length === 0, `no network requests (${requests.join(', ')})`);
    console.log(`axe: ${axe.violations.length} violations (${serious.length} serious or critical), ` +
                `${axe.passes.length} rules passed`);
  } finally {
    await browser.close();
  }
  console.log(failures.length ? `${failures.length} check(s) failed` : 'report in the browser: all checks passed');
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
