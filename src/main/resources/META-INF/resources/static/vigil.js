// Vigil staff pages: small helpers, no build step. Loaded with <script src defer>; inline scripts are
// forbidden by the Content-Security-Policy.
(function () {
  'use strict';

  /** The CSRF token the layout puts in <meta name="csrf-token">. */
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  /**
   * fetch() for Vigil's own endpoints: sends the session cookie and, for state-changing methods, the
   * X-CSRF-Token header; asks for JSON. Use it for every call from a page: Vigil.fetch('/api/v1/...', {method: 'POST', body: ...}).
   */
  function vigilFetch(url, options) {
    var opts = Object.assign({ credentials: 'same-origin' }, options || {});
    var headers = new Headers(opts.headers || {});
    var method = (opts.method || 'GET').toUpperCase();
    if (['GET', 'HEAD', 'OPTIONS'].indexOf(method) < 0) {
      headers.set('X-CSRF-Token', csrfToken());
    }
    if (!headers.has('Accept')) {
      headers.set('Accept', 'application/json');
    }
    if (opts.body && typeof opts.body === 'object' && !(opts.body instanceof FormData) && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
      opts.body = JSON.stringify(opts.body);
    }
    opts.headers = headers;
    return fetch(url, opts);
  }

  window.Vigil = Object.assign(window.Vigil || {}, { fetch: vigilFetch, csrfToken: csrfToken });
})();
