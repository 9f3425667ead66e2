// データ取込: while a job runs, asks for its state every second and updates the progress bar;
// reloads the page when the job has finished. Without this script the page has a link to reload.
(function () {
  var box = document.getElementById('job-progress');
  if (!box) { return; }
  var url = box.getAttribute('data-status-url');
  var bar = document.getElementById('progress-bar');
  var text = document.getElementById('progress-text');
  var template = text.textContent;
  function tick() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return; }
        if (!s.running) { window.location.reload(); return; }
        bar.value = s.percent;
        bar.textContent = s.percent + '%';
        text.textContent = template
          .replace(/^\d+%/, s.percent + '%')
          .replace(/[\d,]+(?= 行)/, s.rowsRead.toLocaleString('ja-JP'))
          .replace(/毎秒 [\d,]+/, '毎秒 ' + s.rowsPerSecond.toLocaleString('ja-JP'));
        setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 3000); });
  }
  setTimeout(tick, 1000);
}());
