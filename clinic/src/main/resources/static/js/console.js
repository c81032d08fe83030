// The staff console's only script: htmx's settings. Pages work without it (plain forms and links);
// with it, parts of a page update in place.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.htmx) {
    return;
  }
  // A form answered with 422 is the same form again, with its errors: show it. Other client and
  // server errors are left unswapped (htmx:responseError below says so).
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: false, error: true },
  ];
});

// Spring Security's cookie CSRF (SPA mode): a request htmx sends carries the raw token from the
// XSRF-TOKEN cookie in X-XSRF-TOKEN. Plain form posts carry the masked one in _csrf instead.
document.addEventListener('htmx:configRequest', (event) => {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  if (match) {
    event.detail.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
  }
});

// A refused or failed in-place update must not look like nothing happened.
document.addEventListener('htmx:responseError', (event) => {
  const status = event.detail.xhr.status;
  const message = document.documentElement.lang === 'en'
    ? (status === 401 || status === 403
        ? 'You are signed out or not allowed to do this. Please reload the page.'
        : 'That did not work (error ' + status + '). Please reload the page and try again.')
    : (status === 401 || status === 403
        ? 'Sie sind abgemeldet oder dürfen das nicht. Bitte laden Sie die Seite neu.'
        : 'Das hat nicht geklappt (Fehler ' + status + '). Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.');
  let alert = document.getElementById('console-error');
  if (!alert) {
    alert = document.createElement('p');
    alert.id = 'console-error';
    alert.className = 'alert flash';
    alert.setAttribute('role', 'alert');
    document.getElementById('content')?.prepend(alert);
  }
  alert.textContent = message;
});
