// The letter batch page follows its background job: every two seconds it asks for the state,
// moves the progress bar, and reloads once the job has finished (the PDF link then appears).
// Without JavaScript the page shows a link that reloads it.
(function () {
  'use strict';
  var box = document.getElementById('letter-progress');
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute('data-status-url');
  var format = box.getAttribute('data-progress-format');
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');

  function show(status) {
    bar.value = status.percent;
    bar.textContent = status.percent + '%';
    text.textContent = format.replace('{0}', status.done).replace('{1}', status.total).replace('{2}', status.percent);
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.state === 'QUEUED' || status.state === 'RUNNING') {
          window.setTimeout(poll, 2000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        // signed out or offline: try again later; the reload link stays
        window.setTimeout(poll, 10000);
      });
  }

  window.setTimeout(poll, 1000);
}());
