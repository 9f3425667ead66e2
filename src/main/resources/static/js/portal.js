// Kenpo Portal: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';

  // Sign-out confirmation as a dialog; without JavaScript the name links to the confirmation page.
  function logoutDialog() {
    var dialog = document.getElementById('logout-dialog');
    var opener = document.querySelector('[data-logout-open]');
    if (!dialog || !opener || typeof dialog.showModal !== 'function') return;
    opener.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.showModal();
    });
    dialog.querySelectorAll('[data-dialog-close]').forEach(function (button) {
      button.addEventListener('click', function () { dialog.close(); });
    });
  }

  // 再送信 becomes available when the server's wait is over.
  function resendCountdown() {
    document.querySelectorAll('[data-resend-wait]').forEach(function (button) {
      var left = parseInt(button.getAttribute('data-wait') || '0', 10);
      var label = button.parentElement.querySelector('[data-resend-countdown]');
      if (!(left > 0)) return;
      button.disabled = true;
      var timer = setInterval(function () {
        left -= 1;
        if (label) label.textContent = label.textContent.replace(/\d+/, String(Math.max(left, 0)));
        if (left <= 0) {
          clearInterval(timer);
          button.disabled = false;
          if (label) label.hidden = true;
        }
      }, 1000);
    });
  }

  // The mail confirmation page moves on by itself once the link in the mail was opened.
  function pollOnboarding() {
    var page = document.querySelector('[data-poll-onboarding]');
    if (!page || !window.fetch) return;
    var current = page.getAttribute('data-current');
    var timer = setInterval(function () {
      fetch('/onboarding/status', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (status && status.step && status.step !== current) {
            clearInterval(timer);
            window.location.assign('/onboarding');
          }
        })
        .catch(function () { /* try again on the next tick */ });
    }, 3000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    logoutDialog();
    resendCountdown();
    pollOnboarding();
  });
})();
