// インフルエンザ予防接種補助 (issue 12): preview of chosen receipt photos (as data: URLs, which the
// page's CSP allows), the bank list filter and branch list per bank, and the console's zoom/rotate.
(function () {
  'use strict';

  function preview(input) {
    var list = document.getElementById(input.dataset.preview);
    if (!list) { return; }
    list.querySelectorAll('[data-from="' + input.id + '"]').forEach(function (li) { li.remove(); });
    Array.prototype.forEach.call(input.files || [], function (file) {
      var li = document.createElement('li');
      li.dataset.from = input.id;
      var caption = document.createElement('span');
      caption.textContent = (list.dataset.label || '') + ' ' + file.name;
      if (/^image\/(jpeg|png)$/.test(file.type)) {
        var img = document.createElement('img');
        img.alt = file.name;
        var reader = new FileReader();
        reader.onload = function () { img.src = reader.result; };
        reader.readAsDataURL(file);
        li.appendChild(img);
      }
      li.appendChild(caption);
      list.appendChild(li);
    });
  }

  function filterBanks(input) {
    var select = document.getElementById(input.dataset.filter);
    var q = input.value.trim();
    Array.prototype.forEach.call(select.options, function (o) {
      if (!o.value) { return; }
      o.hidden = q !== '' && o.textContent.indexOf(q) < 0;
    });
  }

  function showBranches(select) {
    var bank = document.getElementById(select.dataset.parent).value;
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (g) {
      var mine = g.dataset.bank === bank;
      g.hidden = !mine;
      g.disabled = !mine;
    });
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.dataset.bank && chosen.dataset.bank !== bank) { select.value = ''; }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=file][data-preview]').forEach(function (input) {
      input.addEventListener('change', function () { preview(input); });
    });
    document.querySelectorAll('input[data-filter]').forEach(function (input) {
      input.addEventListener('input', function () { filterBanks(input); });
    });
    document.querySelectorAll('select[data-parent]').forEach(function (select) {
      var parent = document.getElementById(select.dataset.parent);
      parent.addEventListener('change', function () { showBranches(select); });
      showBranches(select);
    });
    document.querySelectorAll('[data-viewer]').forEach(function (viewer) {
      var img = viewer.querySelector('img');
      var scale = 1, turn = 0;
      function apply() { img.style.transform = 'scale(' + scale + ') rotate(' + turn + 'deg)'; }
      viewer.querySelectorAll('button[data-action]').forEach(function (b) {
        b.addEventListener('click', function () {
          var a = b.dataset.action;
          if (a === 'zoom-in') { scale = Math.min(4, scale + 0.5); }
          if (a === 'zoom-out') { scale = Math.max(0.5, scale - 0.5); }
          if (a === 'rotate') { turn = (turn + 90) % 360; }
          apply();
        });
      });
    });
  });
}());
