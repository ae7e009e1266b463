/**
 * The editor's one script (progressive enhancement; the page works without it): as the user types, the
 * normalizer's suggestions are asked for from the server (POST /newsroom/suggest, the form's CSRF token
 * in the body) and the suggestions box is replaced with the server-rendered, escaped fragment. Served
 * from this origin at a fingerprinted URL: the CSP allows no inline script.
 */
export const EDITOR_JS = `(function () {
  'use strict';
  var form = document.getElementById('story-form');
  var box = document.getElementById('suggestions');
  if (!form || !box || !window.fetch) return;
  var url = form.getAttribute('data-suggest');
  var timer = 0;
  var seq = 0;
  var fields = ['_csrf', 'headline', 'lead', 'body', 'keywords'];
  function run() {
    var mine = ++seq;
    var data = new URLSearchParams();
    data.set('apply', box.getAttribute('data-apply') || '1');
    fields.forEach(function (name) {
      var el = form.elements.namedItem(name);
      data.set(name, el && 'value' in el ? el.value : '');
    });
    fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : undefined; })
      .then(function (html) { if (html !== undefined && mine === seq) box.innerHTML = html; })
      .catch(function () { /* offline: the server-rendered suggestions stay */ });
  }
  form.addEventListener('input', function (e) {
    var name = e.target && e.target.name;
    if (fields.indexOf(name) < 1) return;
    clearTimeout(timer);
    timer = setTimeout(run, 350);
  });
})();
`;
