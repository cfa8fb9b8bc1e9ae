// Measures FPS while panning a 10,000-element board in headless Chromium (docs/benchmarks.md).
// Usage: node web/scripts/fps-bench.cjs http://127.0.0.1:5090/  (a running server; Debian's /usr/bin/chromium; the
// playwright-core bundled with the Microsoft.Playwright NuGet package, so nothing is downloaded).
const { chromium } = require('/root/.nuget/packages/microsoft.playwright/1.64.1/.playwright/package');
const base = process.argv[2] || 'http://127.0.0.1:5090/';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(base);
  await page.getByTestId('display-name-input').fill('Bench');
  await page.getByTestId('display-name-submit').click();
  await page.getByTestId('room-name-input').fill('Bench');
  await page.getByTestId('create-room-submit').click();
  await page.waitForSelector('[data-testid=connection-status][data-state=live]');
  const link = (await page.getByTestId('room-link').textContent()).trim();
  // 10,000 mixed elements on a 100 x 100 grid, pasted as one clipboard payload.
  const payload = await page.evaluate(() => {
    const types = ['rectangle', 'ellipse', 'diamond', 'freehand', 'sticky', 'text', 'arrow'];
    const els = [];
    for (let i = 0; i < 10000; i++) {
      const type = types[i % types.length];
      const x = (i % 100) * 60, y = Math.floor(i / 100) * 60;
      const props = { x, y, width: 40, height: 40, strokeColor: '#1e1e1e', strokeWidth: 2, fillColor: i % 3 ? 'transparent' : '#a5d8ff' };
      if (type === 'freehand' || type === 'arrow') props.points = [0, 0, 10, 15, 20, 5, 30, 30, 40, 20];
      if (type === 'text' || type === 'sticky') { props.text = 'n' + i; props.fontSize = 12; }
      els.push({ type, props });
    }
    return JSON.stringify({ studyroomsElements: els });
  });
  await page.getByTestId('board-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('v');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
  }, payload);
  const t0 = Date.now();
  await page.waitForFunction(() => window.__studyrooms.counts().pending === 0 && window.__studyrooms.counts().elements >= 10000, null, { timeout: 150000 });
  console.log('push of 10,000 elements acknowledged in', Date.now() - t0, 'ms');
  // Time to first render in a second page.
  const page2 = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page2.goto(link);
  await page2.getByTestId('display-name-input').fill('Viewer');
  const t1 = Date.now();
  await page2.getByTestId('display-name-submit').click();
  await page2.waitForFunction(() => window.__studyrooms?.counts().elements >= 10000, null, { timeout: 60000, polling: 5 });
  const t2 = Date.now();
  await page2.waitForFunction(() => window.__studyrooms.counts().drawn > 0, null, { timeout: 60000, polling: 5 });
  console.log('second page: sign-in click to the 10,000-element snapshot in the model', t2 - t1, 'ms; to first render', Date.now() - t1, 'ms');
  for (const [label, p] of [['100 % zoom', page2], ['zoomed out to fit all', page2]]) {
    if (label.startsWith('zoomed')) { await p.keyboard.press('Shift+1'); await p.waitForTimeout(500); }
    const box = await p.getByTestId('board-canvas').boundingBox();
    await p.mouse.move(box.x + 500, box.y + 400);
    const result = await p.evaluate(async () => {
      let frames = 0; let running = true;
      const count = () => { frames++; if (running) requestAnimationFrame(count); };
      requestAnimationFrame(count);
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      running = false;
      return { frames, ms: performance.now() - start, drawn: window.__studyrooms.counts().drawn };
    }).then(async (r) => r);
    // Pan while counting: wheel events from Playwright during the window.
    const panning = p.evaluate(async () => {
      let frames = 0; let running = true;
      const count = () => { frames++; if (running) requestAnimationFrame(count); };
      requestAnimationFrame(count);
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 3000));
      running = false;
      return { frames, ms: performance.now() - start, drawn: window.__studyrooms.counts().drawn };
    });
    // Back and forth on both axes (20 events each way), so the board stays in view at either zoom.
    const end = Date.now() + 3000;
    let i = 0;
    let events = 0;
    let minDrawn = Infinity;
    while (Date.now() < end) {
      const forth = i++ % 40 < 20;
      await p.mouse.wheel(forth ? 40 : -40, forth ? 25 : -25);
      events++;
      if (events % 10 === 0) minDrawn = Math.min(minDrawn, await p.evaluate(() => window.__studyrooms.counts().drawn));
    }
    const r = await panning;
    console.log(`${label}: idle ${(result.frames * 1000 / result.ms).toFixed(1)} fps; panning ${(r.frames * 1000 / r.ms).toFixed(1)} fps over ${events} wheel events, ${minDrawn}–${r.drawn} elements in view`);
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
