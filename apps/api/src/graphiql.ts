import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
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

/** GraphiQL with its assets served by the API itself (zone intranets are often closed to the internet), its tabs switching in one click. */
export function renderZonegraphGraphiQL(options?: GraphiQLOptions): string {
  const page = renderGraphiQL(options);
  const end = page.lastIndexOf('</body>');
  return end === -1 ? page + ONE_CLICK_TABS : page.slice(0, end) + ONE_CLICK_TABS + page.slice(end);
}
