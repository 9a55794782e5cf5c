import { Worker } from 'node:worker_threads';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL's tabs can be dragged to reorder them, and in Chromium the first
 * click on another tab only ends up starting that drag: the tab switches on the
 * second click. Switching on the press itself, as browsers' own tabs do, makes
 * one click enough; dragging still reorders. Only the tab's label button is
 * taken, not its close button.
 */
const ONE_CLICK_TABS = `<script>
document.addEventListener('pointerdown', function (event) {
  if (event.button !== 0) return;
  var target = event.target instanceof Element ? event.target.closest('.graphiql-tab-button') : null;
  if (target && !target.closest('.graphiql-tab-active')) target.click();
}, true);
</script>`;

const pages = new Map<string, Promise<string>>();

/**
 * GraphiQL with its assets served by the API itself (zone intranets are often
 * closed to the internet), its tabs switching in one click. Made once per set
 * of options, on the first visit.
 */
export function renderZonegraphGraphiQL(options?: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options ?? {});
  let page = pages.get(key);
  if (!page) {
    page = renderInWorker(options).then((html) => {
      const end = html.lastIndexOf('</body>');
      return end === -1 ? html + ONE_CLICK_TABS : html.slice(0, end) + ONE_CLICK_TABS + html.slice(end);
    });
    page.catch(() => pages.delete(key));
    pages.set(key, page);
  }
  return page;
}

/**
 * The page is rendered by a worker that ends when it is done: render-graphiql
 * is one module of 9 MB of inlined assets, and imported here its source and
 * strings would stay in the API's heap for the life of the process (some
 * 30 MB), though only the finished page is ever used — and only by visitors.
 */
function renderInWorker(options?: GraphiQLOptions): Promise<string> {
  const module = import.meta.resolve('@graphql-yoga/render-graphiql');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.module).then(({ renderGraphiQL }) => parentPort.postMessage(renderGraphiQL(workerData.options)));`,
    { eval: true, workerData: { module, options } },
  );
  return new Promise<string>((resolve, reject) => {
    worker.once('message', (html: string) => {
      resolve(html);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`GraphiQL's renderer stopped (exit ${code}) before giving the page`)));
  });
}
