/**
 * The browser-side start of the users' GraphiQL, served as `/api/graphiql/assets/graphiql-boot.js`. It is a
 * separate script file, not inline, so the page's Content-Security-Policy can be `script-src 'self'` without
 * 'unsafe-inline'. Plain ES2017 for the browser (no build step): it runs after the React, ReactDOM and GraphiQL UMD
 * bundles, which define the globals it uses. Everything page-specific comes from `data-*` attributes of the
 * `#graphiql` element, so this text never changes with the configuration.
 *
 * The fetcher posts to the GraphQL endpoint of the same origin with `credentials: 'same-origin'`: the browser sends
 * the session cookie, the engine's auth webhook turns it into the user's role, and without a session the query runs
 * as the anonymous role. No header is preset: an admin secret has no place in this page.
 */
export const BOOT_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var url = new URL(root.getAttribute('data-endpoint') || '/v1/graphql', window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({
    url: url,
    fetch: function (input, init) {
      return window.fetch(input, Object.assign({}, init, { credentials: 'same-origin' }));
    },
  });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: root.getAttribute('data-default-query') || undefined,
      shouldPersistHeaders: false,
    }),
  );
})();
`;
