// Review pages: live queue, reveal, lease renewal and keyboard shortcuts. No inline script (CSP).
(function () {
  'use strict';

  var LEASE_RENEWAL_MS = 120000;
  var VISITED_KEY = 'vigil.review.visited';

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  function click(id) {
    var element = document.getElementById(id);
    if (element && !element.hidden && !element.disabled) {
      element.click();
      return true;
    }
    return false;
  }

  // The queue: new items appear without reloading. The server renders the page; we swap in its rows.
  function liveQueue(section) {
    if (!window.EventSource) {
      return;
    }
    var source = new EventSource(section.getAttribute('data-events'));
    source.onmessage = function (event) {
      if (!event.data) {
        return;
      }
      Vigil.fetch(window.location.href, { headers: { Accept: 'text/html' } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html');
          ['queue-rows', 'counts'].forEach(function (id) {
            var current = document.getElementById(id);
            var replacement = fresh.getElementById(id);
            if (current && replacement) {
              current.replaceWith(document.importNode(replacement, true));
            }
          });
          document.getElementById('new-items').hidden = false;
        });
    };
  }

  // One item: reveal on request (recorded by the server), renew the lease while the page is open.
  function itemPage(article) {
    var id = article.getAttribute('data-item');
    var text = document.getElementById('mention-text');
    var insults = document.getElementById('show-insults');
    var fullText = null;

    var visited = JSON.parse(sessionStorage.getItem(VISITED_KEY) || '[]');
    if (visited[visited.length - 1] !== id) {
      visited.push(id);
      sessionStorage.setItem(VISITED_KEY, JSON.stringify(visited.slice(-50)));
    }

    document.getElementById('reveal').addEventListener('click', function () {
      Vigil.fetch('/api/v1/review/items/' + encodeURIComponent(id) + '/reveal', { method: 'POST' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (body) {
            fullText = body.text;
            text.classList.remove('veiled');
            document.getElementById('hidden-notice').hidden = true;
            insults.hidden = false;
          }
        });
    });
    insults.addEventListener('click', function () {
      if (fullText !== null) {
        text.textContent = fullText;
        insults.hidden = true;
      }
    });

    if (article.getAttribute('data-mine') === 'true') {
      window.setInterval(function () {
        Vigil.fetch('/api/v1/review/items/' + encodeURIComponent(id) + '/lease', { method: 'POST' });
      }, LEASE_RENEWAL_MS);
    }
  }

  function previousItem() {
    var visited = JSON.parse(sessionStorage.getItem(VISITED_KEY) || '[]');
    var current = document.getElementById('review-item');
    var here = current ? current.getAttribute('data-item') : null;
    var index = here ? visited.lastIndexOf(here) : visited.length;
    if (index > 0) {
      window.location.href = '/review/items/' + encodeURIComponent(visited[index - 1]);
    }
  }

  function shortcuts(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) {
      return;
    }
    var overlay = document.getElementById('shortcuts');
    switch (event.key) {
      case '?':
        if (overlay) { overlay.hidden = !overlay.hidden; }
        break;
      case 'Escape':
        if (overlay) { overlay.hidden = true; }
        break;
      case 'r': click('reveal'); break;
      case 'i': click('show-insults'); break;
      case 'c': click('confirm'); break;
      case 'd': click('dismiss'); break;
      case 'e':
        var reason = document.getElementById('escalate-reason');
        if (reason) { event.preventDefault(); reason.focus(); }
        break;
      case 's': click('second-opinion'); break;
      case 'h': click('hold') || click('resume'); break;
      case 'n': click('next-item'); break;
      case 'p': previousItem(); break;
      default: return;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var queue = document.querySelector('.review-queue');
    if (queue) { liveQueue(queue); }
    var article = document.getElementById('review-item');
    if (article) { itemPage(article); }
    var close = document.getElementById('close-shortcuts');
    if (close) {
      close.addEventListener('click', function () { document.getElementById('shortcuts').hidden = true; });
    }
    document.addEventListener('keydown', shortcuts);
  });
})();
